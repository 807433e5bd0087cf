// The Worker's lexical index (BM25 postings in D1) ranks exactly as the Node index does: same
// terms, same formula, same scores. Both are built from one ingestion of the same fixture.
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudflareExport } from '../../scripts/lib/cloudflare.ts';
import { HashedNgramEmbedder } from '../../src/retrieval/embeddings/hashed.ts';
import type { FileIndex } from '../../src/retrieval/node/file-index.ts';
import { questionBigrams } from '../../src/retrieval/wording.ts';
import { Retriever } from '../../src/retrieval/retriever.ts';
import { D1VectorizeIndex } from '../../src/retrieval/workers/d1-vectorize-index.ts';
import { D1Sql, type D1Like } from '../../src/store/d1.ts';
import { applyMigrations } from '../helpers/d1.ts';
import { FIXTURES, buildIndex } from '../helpers/index.ts';

const QUESTIONS = [
  '領収書をなくしたらどうすればいいですか',
  '精算の流れを教えて',
  '宿泊手当はいくらですか',
  '2025年3月の出張の日当は',
  'りょうしゅうしょ を紛失',
  '承認後に差し戻されたら',
  '清算はいつまでに',
  'ホテル代の上限',
];

let mf: Miniflare;
let node: FileIndex;
let workers: D1VectorizeIndex;

beforeAll(async () => {
  const built = await buildIndex(join(FIXTURES, 'mini'));
  node = built.index;
  const data = await cloudflareExport(built.dir);
  mf = new Miniflare({ modules: true, script: 'export default { fetch() { return new Response("ok"); } };', compatibilityDate: '2026-05-01', d1Databases: ['DB'] });
  const d1 = (await mf.getD1Database('DB')) as unknown as D1Like;
  await applyMigrations(d1);
  for (let i = 0; i < data.statements.length; i += 50) {
    await d1.batch(data.statements.slice(i, i + 50).map((s) => d1.prepare(s.sql).bind(...(s.params ?? []))));
  }
  // Dense search is not compared here (Vectorize is approximate); the lexical side is exact.
  const vectors = { query: async () => ({ matches: [] }), upsert: async () => ({}), deleteByIds: async () => ({}) };
  workers = await D1VectorizeIndex.open(new D1Sql(d1), vectors as never, new HashedNgramEmbedder());
}, 120_000);
afterAll(async () => {
  await mf?.dispose();
});

describe('lexical parity between the Node and Worker indexes', () => {
  it('has the same chunks, version and reading table', () => {
    expect(workers.size).toBe(node.size);
    expect(workers.version).toBe(node.version);
    expect(workers.readings).toEqual(node.readings);
  });
  it.each(QUESTIONS)('ranks %s the same, with the same scores', async (question) => {
    const [a, b] = await Promise.all([
      new Retriever(node).search({ text: question, date: '2026-11-24', dateNamed: false }, { mode: 'lexical' }),
      new Retriever(workers).search({ text: question, date: '2026-11-24', dateNamed: false }, { mode: 'lexical' }),
    ]);
    expect(a.hits.length).toBeGreaterThan(0);
    expect(b.hits.map((h) => h.chunk.id)).toEqual(a.hits.map((h) => h.chunk.id));
    b.hits.forEach((h, i) => expect(h.score).toBeCloseTo(a.hits[i]!.score, 9));
  });
});

describe('spelling corrections on the Worker index', () => {
  it('corrects like the Node index, and takes a word an upserted passage brings as no typo', async () => {
    const typo = '領集書をなくした';
    expect(await workers.corrections(typo)).toEqual(await node.corrections(typo));
    expect(await workers.corrections(typo)).toContain('領収書');
    const approved = { id: 'approved-1', source: 'faq-approved/1.md', title: '承認済みFAQ', kind: 'faq' as const, section: 'Q 領集書とは', page: null, text: '領集書という様式はありません。', effectiveFrom: null, effectiveTo: null, ordinal: 0 };
    await workers.upsert([approved]);
    expect(await workers.corrections(typo)).not.toContain('領収書');
    await workers.remove([approved.id]);
    expect(await workers.corrections(typo)).toContain('領収書');
  });
});

describe('phrasing statistics on the Worker index', () => {
  it('counts the chunks holding each character bigram as the Node index does, through an upsert and a removal', async () => {
    const terms = questionBigrams('領収書をなくしたらどうすればいいですか');
    const [a, b] = await Promise.all([node.wordingStats(terms), workers.wordingStats(terms)]);
    expect(b).toEqual(a);
    expect(Object.values(a.df).some((n) => n > 0)).toBe(true);
    expect(a.avgLength).toBeGreaterThan(0);
    const approved = { id: 'approved-2', source: 'faq-approved/2.md', title: '承認済みFAQ', kind: 'faq' as const, section: 'Q 紛失', page: null, text: '領収書をなくしたときは申立書を添付します。', effectiveFrom: null, effectiveTo: null, ordinal: 0 };
    await workers.upsert([approved]);
    await workers.upsert([approved]); // the same chunk again is counted once
    const added = await workers.wordingStats(['領収']);
    expect(added.df['領収']).toBe((b.df['領収'] ?? 0) + 1);
    await workers.remove([approved.id]);
    expect((await workers.wordingStats(['領収'])).df['領収']).toBe(b.df['領収']);
  });
});
