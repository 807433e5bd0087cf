// Percentiles for the timing scripts (nearest rank, the same definition everywhere).

/** The p-th percentile (0–100) of the values; 0 for none. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
