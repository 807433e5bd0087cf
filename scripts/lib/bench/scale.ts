// The scale part of `npm run bench`, in processes of its own so that memory is measured alone:
//   node scale.ts build <corpusDir> <workDir> <sections>   → { chunks, buildSeconds, chunksPerSecond }
//   node scale.ts query <indexDir> <questions.json>        → { openSeconds, queryP50Ms, queryP95Ms, rssMiB, dense, hnsw }
// The query step opens the index as the server does, runs every question through the retriever
// and takes the resident size. Then, over the same stored vectors, same k, against exact
// brute-force search (hnswlib-node's BruteforceSearch, an independent implementation):
//   dense — dense search as the product runs it (FileIndex.dense: exact search for the built-in
//           embeddings, the HNSW graph for model embeddings);
//   hnsw  — the HNSW graph with the settings the product uses for model embeddings (HNSW_M,
//           HNSW_EF_CONSTRUCTION, HNSW_EF in file-index.ts). The built-in embeddings are not
//           searched through it, so their index holds no graph: it is built here for the
//           measurement, on the hardest vectors at hand.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { ingest } from '../../../src/ingest/pipeline.ts';
import { HashedNgramEmbedder } from '../../../src/retrieval/embeddings/hashed.ts';
import { FileIndex, HNSW_EF, HNSW_EF_CONSTRUCTION, HNSW_M, readIndexText } from '../../../src/retrieval/node/file-index.ts';
import { Retriever } from '../../../src/retrieval/retriever.ts';
import { percentile } from '../stats.ts';
import { writeSyntheticCorpus } from './synthetic.ts';

const [step, a, b, c] = process.argv.slice(2);
const ms = (t0: number) => performance.now() - t0;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

if (step === 'build') {
  const source = join(b!, 'corpus');
  writeSyntheticCorpus(a!, source, Number(c));
  const t0 = performance.now();
  const report = await ingest({ sourceDir: source, indexDir: join(b!, 'index'), embedder: new HashedNgramEmbedder() });
  const seconds = ms(t0) / 1000;
  process.stdout.write(JSON.stringify({ chunks: report.chunks, failed: report.failed.length, buildSeconds: round(seconds, 1), chunksPerSecond: Math.round(report.chunks / seconds) }) + '\n');
} else if (step === 'query') {
  const questions = JSON.parse(readFileSync(b!, 'utf8')) as string[];
  const embedder = new HashedNgramEmbedder();
  const opening = performance.now();
  const index = await FileIndex.open(a!, embedder);
  const openSeconds = round(ms(opening) / 1000, 1);
  const retriever = new Retriever(index);
  const today = new Date().toISOString().slice(0, 10);
  for (const q of questions.slice(0, 20)) await retriever.search({ text: q, date: today, dateNamed: false }); // warm-up
  const times: number[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    await retriever.search({ text: q, date: today, dateNamed: false });
    times.push(ms(t0));
  }
  const rssMiB = Math.round(process.memoryUsage().rss / 2 ** 20);

  // Exact search over the stored vectors, labelled by chunk position.
  const dims = embedder.dims;
  const ids = (await readIndexText(a!)).chunks.map((chunk) => chunk.id);
  const buf = readFileSync(join(a!, 'vectors.f32'));
  const rows = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
  const row = (i: number) => Array.from(rows.subarray(i * dims, (i + 1) * dims));
  const exact = new hnswlib.BruteforceSearch('cosine', dims);
  exact.initIndex(ids.length);
  for (let i = 0; i < ids.length; i++) exact.addPoint(row(i), i);
  const vectors = await embedder.embed(questions);
  const k = 10;
  let exactMs = 0;
  const truth = vectors.map((v) => {
    const t0 = performance.now();
    const r = exact.searchKnn(v, k);
    exactMs += ms(t0);
    return { ids: new Set(r.neighbors.map((n) => ids[n])), kth: Math.max(...r.distances) };
  });
  /** Recall against the exact k; a neighbour as near as the exact k-th also counts (ties are common: recombined sentences give equidistant chunks). */
  const measure = async (search: (v: number[]) => Promise<Array<{ id: string; distance: number }>>) => {
    let found = 0;
    let strict = 0;
    let searchMs = 0;
    for (const [i, v] of vectors.entries()) {
      const t0 = performance.now();
      const got = await search(v);
      searchMs += ms(t0);
      const { ids: exactIds, kth } = truth[i]!;
      found += got.filter((n) => exactIds.has(n.id) || n.distance <= kth + 1e-6).length;
      strict += got.filter((n) => exactIds.has(n.id)).length;
    }
    const n = vectors.length;
    return { k, queries: n, recallVsExact: round(found / (n * k), 4), idRecall: round(strict / (n * k), 4), msPerQuery: round(searchMs / n, 3), exactMsPerQuery: round(exactMs / n, 3), speedupVsExact: round(exactMs / searchMs, 1) };
  };
  const dense = { method: index.denseMethod, ...(await measure(async (v) => (await index.dense(v, k)).map((h) => ({ id: h.id, distance: 1 - h.score })))) };

  // The HNSW graph: the index's own, or built as ingestion builds it for model embeddings.
  const hnsw = new hnswlib.HierarchicalNSW('cosine', dims);
  const saved = join(a!, 'hnsw', 'hnswlib.index');
  const fromIndex = existsSync(saved);
  let graphBuildSeconds: number | null = null;
  if (fromIndex) hnsw.readIndexSync(saved);
  else {
    const t0 = performance.now();
    hnsw.initIndex(ids.length, HNSW_M, HNSW_EF_CONSTRUCTION, 100); // as ingestion builds it for model embeddings
    for (let i = 0; i < ids.length; i++) hnsw.addPoint(row(i), i);
    graphBuildSeconds = round(ms(t0) / 1000, 1);
  }
  hnsw.setEf(HNSW_EF);
  const graph = await measure(async (v) => {
    const r = hnsw.searchKnn(v, k);
    return r.neighbors.map((n, i) => ({ id: ids[n] ?? '', distance: r.distances[i] ?? Infinity }));
  });
  process.stdout.write(
    JSON.stringify({
      chunks: index.size,
      openSeconds,
      queryP50Ms: round(percentile(times, 50)),
      queryP95Ms: round(percentile(times, 95)),
      rssMiB,
      dense,
      hnsw: { usedByProduct: index.denseMethod === 'hnsw', fromIndex, graphBuildSeconds, m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION, ef: HNSW_EF, ...graph },
    }) + '\n',
  );
} else {
  process.stderr.write('usage: scale.ts build <corpusDir> <workDir> <sections> | query <indexDir> <questions.json>\n');
  process.exit(2);
}
