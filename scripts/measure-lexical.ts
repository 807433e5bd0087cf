// npm run measure:lexical -- [--index <dir>] [--golden <dir>]
// Measures the lexical index choices for the Worker on the golden set's answerable questions:
// SQLite FTS5 (what D1 offers natively) with its trigram and unicode61 tokenizers, against the
// product's BM25 over Japanese terms (which the Worker stores as postings in D1), alone and fused
// with dense search. Prints hit@1, hit@5, MRR and the median query time of each.
import { DatabaseSync } from 'node:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingest } from '../src/ingest/pipeline.ts';
import type { Chunk } from '../src/ingest/types.ts';
import { createEmbedder } from '../src/models/embeddings.ts';
import { indexedText, readIndexText } from '../src/retrieval/node/file-index.ts';
import { openRuntime } from '../src/runtime/node.ts';
import { loadConfigOrExit, parseCli } from './lib/args.ts';
import { rankMetrics } from './lib/evaluate.ts';
import { loadGolden, rankOf } from './lib/golden.ts';
import { percentile } from './lib/stats.ts';

const { values } = parseCli(
  { index: { type: 'string' }, golden: { type: 'string', default: 'test/golden' } },
  'npm run measure:lexical -- [--index <dir>] [--golden <dir>]',
);
const config = await loadConfigOrExit();
const golden = loadGolden(resolve(values.golden));
let indexDir = values.index ? resolve(values.index) : '';
let temp: string | null = null;
if (!indexDir) {
  temp = mkdtempSync(join(tmpdir(), 'seabis-lexical-'));
  indexDir = join(temp, 'index');
  await ingest({ sourceDir: resolve(config.corpusDir), indexDir, embedder: await createEmbedder(config) });
}

type Row = { name: string; ranks: Array<number | null>; ms: number[] };
const rows: Row[] = [];
const today = new Date().toISOString().slice(0, 10);

try {
  const { chunks } = await readIndexText(indexDir);
  const { retriever } = await openRuntime(config, { indexDir });

  // FTS5 as D1 offers it. trigram: the question's character trigrams, OR-ed (FTS5 ranks by bm25).
  // unicode61: its own tokens of the question, OR-ed (a run of kana/kanji is one token).
  const db = new DatabaseSync(':memory:');
  for (const tok of ['trigram', 'unicode61']) {
    db.exec(`CREATE VIRTUAL TABLE fts_${tok} USING fts5(id UNINDEXED, body, tokenize='${tok}')`);
    const ins = db.prepare(`INSERT INTO fts_${tok} (id, body) VALUES (?, ?)`);
    for (const c of chunks) ins.run(c.id, indexedText(c));
  }
  const byId = new Map<string, Chunk>(chunks.map((c) => [c.id, c]));
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const trigramQuery = (q: string) => {
    const s = q.normalize('NFKC').replace(/[\s、。,.!?！？「」()（）・]+/g, ' ');
    const grams = new Set<string>();
    for (const part of s.split(' ')) for (let i = 0; i + 3 <= part.length; i++) grams.add(part.slice(i, i + 3));
    return [...grams].map(quote).join(' OR ');
  };
  const unicodeQuery = (q: string) => [...new Set(q.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean))].map(quote).join(' OR ');
  for (const [tok, make] of [['trigram', trigramQuery], ['unicode61', unicodeQuery]] as const) {
    const row: Row = { name: `FTS5 ${tok}`, ranks: [], ms: [] };
    const stmt = db.prepare(`SELECT id FROM fts_${tok} WHERE fts_${tok} MATCH ? ORDER BY bm25(fts_${tok}) LIMIT 5`);
    for (const it of golden.answerable) {
      const q = make(it.q);
      const t0 = performance.now();
      const ids = q ? (stmt.all(q) as Array<{ id: string }>).map((r) => r.id) : [];
      row.ms.push(performance.now() - t0);
      row.ranks.push(rankOf(ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])), it.expect));
    }
    rows.push(row);
  }

  for (const [name, mode] of [['BM25 Japanese terms (D1 postings)', 'lexical'], ['+ dense, fused (product)', 'hybrid']] as const) {
    const row: Row = { name, ranks: [], ms: [] };
    for (const it of golden.answerable) {
      const t0 = performance.now();
      const r = await retriever.search({ text: it.q, date: today, dateNamed: false }, { mode });
      row.ms.push(performance.now() - t0);
      row.ranks.push(rankOf(r.hits.slice(0, 5).map((h) => h.chunk), it.expect));
    }
    rows.push(row);
  }

  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const out = [`Lexical index choices on ${golden.answerable.length} answerable golden questions, ${chunks.length} chunks`, '', '                                      hit@1   hit@5     MRR   median ms'];
  for (const r of rows) {
    const { hit1, hit5, mrr } = rankMetrics(r.ranks);
    out.push(`  ${r.name.padEnd(34)} ${pct(hit1)} ${pct(hit5)} ${mrr.toFixed(3).padStart(7)} ${percentile(r.ms, 50).toFixed(2).padStart(9)}`);
  }
  process.stdout.write(out.join('\n') + '\n');
} finally {
  if (temp) rmSync(temp, { recursive: true, force: true });
}
