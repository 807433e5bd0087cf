// An in-process stand-in for the Vectorize binding (there is no local simulator), following its
// API and limits: query (topK ≤ 100 without values or metadata, ≤ 20 with), upsert, insert,
// getByIds, deleteByIds, describe; ids ≤ 64 bytes; dimensions fixed; metadata ≤ 10 KiB.
// Runs inside workerd as a wrapped binding; SEED holds the vectors to start with.
export default function (env) {
  const dims = env.DIMENSIONS;
  const store = new Map();
  const check = (v) => {
    if (new TextEncoder().encode(v.id).length > 64) throw new Error(`VECTOR_INSERT_ERROR: id longer than 64 bytes: ${v.id}`);
    if (!Array.isArray(v.values) || v.values.length !== dims) throw new Error(`VECTOR_INSERT_ERROR: expected ${dims} dimensions, got ${v.values?.length}`);
    if (new TextEncoder().encode(JSON.stringify(v.metadata ?? {})).length > 10240) throw new Error('VECTOR_INSERT_ERROR: metadata over 10 KiB');
  };
  for (const v of env.SEED ?? []) (check(v), store.set(v.id, v));
  const cosine = (a, b) => {
    let dot = 0, na = 0, nb = 0;
    for (let i = 0; i < a.length; i++) (dot += a[i] * b[i]), (na += a[i] * a[i]), (nb += b[i] * b[i]);
    return na && nb ? dot / Math.sqrt(na * nb) : 0;
  };
  return {
    async describe() {
      return { dimensions: dims, vectorCount: store.size, config: { dimensions: dims, metric: 'cosine' } };
    },
    async query(vector, options = {}) {
      const topK = options.topK ?? 5;
      const heavy = options.returnValues || options.returnMetadata === 'all';
      if (topK > (heavy ? 20 : 100)) throw new Error(`VECTOR_QUERY_ERROR: topK ${topK} exceeds the limit of ${heavy ? 20 : 100}`);
      if (vector.length !== dims) throw new Error(`VECTOR_QUERY_ERROR: query has ${vector.length} dimensions, index ${dims}`);
      const matches = [...store.values()]
        .map((v) => ({ id: v.id, score: cosine(vector, v.values), ...(options.returnValues ? { values: v.values } : {}), ...(options.returnMetadata && options.returnMetadata !== 'none' ? { metadata: v.metadata } : {}) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, topK);
      return { count: matches.length, matches };
    },
    async upsert(vectors) {
      for (const v of vectors) (check(v), store.set(v.id, v));
      return { mutationId: crypto.randomUUID(), count: vectors.length, ids: vectors.map((v) => v.id) };
    },
    async insert(vectors) {
      for (const v of vectors) if (store.has(v.id)) throw new Error(`VECTOR_INSERT_ERROR: duplicate id ${v.id}`);
      return this.upsert(vectors);
    },
    async getByIds(ids) {
      return ids.flatMap((id) => (store.has(id) ? [store.get(id)] : []));
    },
    async deleteByIds(ids) {
      for (const id of ids) store.delete(id);
      return { mutationId: crypto.randomUUID(), count: ids.length, ids };
    },
  };
}
