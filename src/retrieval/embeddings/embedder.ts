// The embeddings port: the built-in hashed embedder, or an external model behind the ai SDK.

export interface Embedder {
  /** Identifies the model and its settings; an index built with another id must be rebuilt. */
  readonly id: string;
  readonly dims: number;
  /**
   * True when the Node index should search these vectors exactly instead of through an HNSW
   * graph: the built-in hashed embeddings, which give a graph nothing to follow (retrieval/exact.ts).
   */
  readonly exactSearch?: boolean;
  embed(texts: string[]): Promise<number[][]>;
}

export function l2normalize(v: number[]): number[] {
  let n = 0;
  for (const x of v) n += x * x;
  const s = n > 0 ? 1 / Math.sqrt(n) : 0;
  return v.map((x) => x * s);
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
}
