// HNSW parameter sweep over an index's stored vectors (vectors.f32), against exact search with the
// golden questions as queries, k = 10. Used to find out why HNSW recall falls at scale.
// node scripts/lib/bench/hnsw-params.ts <indexDir> <questions.json> [M:efConstruction,...] [ef,...]
// (build an index first, e.g. node scripts/lib/bench/scale.ts build corpus /tmp/scale 100000);
// defaults: graphs 16:200,32:200 and ef 128,256,512,1024.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { HashedNgramEmbedder } from '../../../src/retrieval/embeddings/hashed.ts';

const [indexDir, questionsFile, graphsArg, efsArg] = process.argv.slice(2);
const graphs = (graphsArg ?? '16:200,32:200').split(',').map((g) => g.split(':').map(Number) as [number, number]);
const efs = (efsArg ?? '128,256,512,1024').split(',').map(Number);
if (!indexDir || !questionsFile) {
  process.stderr.write('usage: hnsw-params.ts <indexDir> <questions.json>\n');
  process.exit(2);
}
const embedder = new HashedNgramEmbedder();
const dims = embedder.dims;
const buf = readFileSync(join(indexDir, 'vectors.f32'));
const floats = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
const n = floats.length / dims;
const vec = (i: number) => Array.from(floats.subarray(i * dims, (i + 1) * dims));
const exact = new hnswlib.BruteforceSearch('cosine', dims);
exact.initIndex(n);
for (let i = 0; i < n; i++) exact.addPoint(vec(i), i);
const queries = await embedder.embed(JSON.parse(readFileSync(questionsFile, 'utf8')) as string[]);
let exactMs = 0;
const truth = queries.map((q) => {
  const t = performance.now();
  const ids = new Set(exact.searchKnn(q, 10).neighbors);
  exactMs += performance.now() - t;
  return ids;
});
process.stdout.write(`${n} vectors, ${queries.length} queries; exact search ${(exactMs / queries.length).toFixed(2)} ms/query\n`);
for (const [M, efConstruction] of graphs) {
  const h = new hnswlib.HierarchicalNSW('cosine', dims);
  h.initIndex(n, M, efConstruction, 100);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) h.addPoint(vec(i), i);
  const build = (performance.now() - t0) / 1000;
  for (const ef of efs) {
    h.setEf(ef);
    let found = 0;
    let ms = 0;
    queries.forEach((q, i) => {
      const t = performance.now();
      const got = h.searchKnn(q, 10).neighbors;
      ms += performance.now() - t;
      found += got.filter((x) => truth[i]!.has(x)).length;
    });
    process.stdout.write(`M=${M} efConstruction=${efConstruction} (build ${build.toFixed(1)} s) ef=${ef}: recall ${(found / (queries.length * 10)).toFixed(4)}, ${(ms / queries.length).toFixed(2)} ms/query\n`);
  }
}
