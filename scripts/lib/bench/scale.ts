// The scale part of `npm run bench`, in processes of its own so that memory is measured alone:
//   node scale.ts build <corpusDir> <workDir> <sections>   → { chunks, buildSeconds, chunksPerSecond }
//   node scale.ts query <indexDir> <questions.json>        → { queryP50Ms, queryP95Ms, rssMiB, hnsw }
// The query step opens the index as the server does, runs every question through the retriever,
// then measures the HNSW graph against exact (brute-force) search over the same vectors, same k.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { ingest } from '../../../src/ingest/pipeline.ts';
import { HashedNgramEmbedder } from '../../../src/retrieval/embeddings/hashed.ts';
import { FileIndex } from '../../../src/retrieval/node/file-index.ts';
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
  const index = await FileIndex.open(a!, embedder);
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

  // HNSW against exact search on the same (stored) vectors.
  const hnsw = new hnswlib.HierarchicalNSW('cosine', embedder.dims);
  hnsw.readIndexSync(join(a!, 'hnsw', 'hnswlib.index'));
  hnsw.setEf(128); // as FileIndex.open sets it
  const exact = new hnswlib.BruteforceSearch('cosine', embedder.dims);
  const ids = hnsw.getIdsList();
  exact.initIndex(ids.length);
  for (const id of ids) exact.addPoint(hnsw.getPoint(id), id);
  const vectors = await embedder.embed(questions);
  const k = 10;
  let found = 0;
  let strict = 0;
  let hnswMs = 0;
  let exactMs = 0;
  for (const v of vectors) {
    let t0 = performance.now();
    const approx = hnsw.searchKnn(v, k);
    hnswMs += ms(t0);
    t0 = performance.now();
    const truth = exact.searchKnn(v, k);
    exactMs += ms(t0);
    // A neighbour counts when it is one of the exact k, or as near as the k-th (ties are common:
    // recombined sentences give equidistant chunks, and either is a correct answer).
    const exactIds = new Set(truth.neighbors);
    const kth = Math.max(...truth.distances);
    found += approx.neighbors.filter((n, i) => exactIds.has(n) || (approx.distances[i] ?? Infinity) <= kth + 1e-6).length;
    strict += approx.neighbors.filter((n) => exactIds.has(n)).length;
  }
  process.stdout.write(
    JSON.stringify({
      chunks: index.size,
      queryP50Ms: round(percentile(times, 50)),
      queryP95Ms: round(percentile(times, 95)),
      rssMiB,
      hnsw: { k, queries: vectors.length, recallVsExact: round(found / (vectors.length * k), 4), idRecall: round(strict / (vectors.length * k), 4), speedupVsExact: round(exactMs / hnswMs, 1), hnswMsPerQuery: round(hnswMs / vectors.length, 3), exactMsPerQuery: round(exactMs / vectors.length, 3) },
    }) + '\n',
  );
} else {
  process.stderr.write('usage: scale.ts build <corpusDir> <workDir> <sections> | query <indexDir> <questions.json>\n');
  process.exit(2);
}
