// A bounded cache for pure functions of a text. The same passages come back for question after
// question (reranking, evidence, the extractive answer), and the work done on them — sentence
// splitting, normalization, word segmentation — depends on the text alone. The cache is simply
// emptied when full: no bookkeeping per hit. Results are shared: callers must not change them.

export function memoizeText<T>(fn: (text: string) => T, options: { size: number; maxLength?: number }): (text: string) => T {
  const cache = new Map<string, T>();
  const maxLength = options.maxLength ?? 4_000;
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const out = fn(text);
    if (text.length <= maxLength) {
      if (cache.size >= options.size) cache.clear();
      cache.set(text, out);
    }
    return out;
  };
}
