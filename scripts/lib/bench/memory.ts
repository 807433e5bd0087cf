// Where a serving process's memory goes: resident size after each part of opening an index built
// with the built-in embeddings as FileIndex.open does (chunks and readings, BM25 postings, the
// vectors for exact search), then after queries.
// node --expose-gc scripts/lib/bench/memory.ts <indexDir> <questions.json>
import { readFileSync } from 'node:fs';
import { Bm25Index } from '../../../src/retrieval/bm25.ts';
import { HashedNgramEmbedder } from '../../../src/retrieval/embeddings/hashed.ts';
import { FileIndex, indexedText, readExactVectors, readIndexText } from '../../../src/retrieval/node/file-index.ts';
import { Retriever } from '../../../src/retrieval/retriever.ts';
import { documentTerms } from '../../../src/text/tokenize.ts';

const [dir, questionsFile] = process.argv.slice(2);
if (!dir || !questionsFile) {
  process.stderr.write('usage: node --expose-gc memory.ts <indexDir> <questions.json>\n');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
let last = 0;
const step = (name: string) => {
  gc();
  const m = process.memoryUsage();
  const rss = m.rss / 2 ** 20;
  process.stdout.write(`${name.padEnd(34)} resident ${rss.toFixed(0).padStart(6)} MiB (+${(rss - last).toFixed(0)}), JS heap ${(m.heapUsed / 2 ** 20).toFixed(0)} MiB, array buffers ${(m.arrayBuffers / 2 ** 20).toFixed(0)} MiB\n`);
  last = rss;
};
step('start');
const { chunks } = await readIndexText(dir);
step(`chunks and readings (${chunks.length})`);
const bm25 = new Bm25Index();
for (const c of chunks) bm25.add(c.id, documentTerms(indexedText(c)));
bm25.compact();
step('BM25 postings');
const embedder = new HashedNgramEmbedder();
const vectors = (await readExactVectors(dir, chunks.length, embedder.dims)).size;
step('vectors for exact search (columns)');
// Keep the parts alive while measuring them, then let them go before the complete open.
process.stdout.write(`  (${bm25.search([{ term: '~領収', weight: 1 }], 1).length} hit, ${vectors} vectors)\n`);
const index = await FileIndex.open(dir, embedder);
step('FileIndex.open (all of the above again)');
const retriever = new Retriever(index);
for (const q of JSON.parse(readFileSync(questionsFile, 'utf8')) as string[]) await retriever.search({ text: q, date: '2026-11-24', dateNamed: false });
step('after every question once');
