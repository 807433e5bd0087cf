import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Retriever } from '../../src/retrieval/retriever.ts';
import type { FileIndex } from '../../src/retrieval/node/file-index.ts';
import { FIXTURES, buildIndex, tempDir } from '../helpers/index.ts';

let index: FileIndex;
beforeAll(async () => {
  index = (await buildIndex(join(FIXTURES, 'mini'))).index;
});

/** An index of one document written for the test. */
async function indexOfOne(name: string, text: string): Promise<FileIndex> {
  const dir = tempDir();
  writeFileSync(join(dir, name), text);
  return (await buildIndex(dir)).index;
}

/** Whether the hit holding a phrase reads as holding the kind of fact asked. */
const typedAt = (hits: Array<{ chunk: { text: string }; features: { typed: number } }>, phrase: string) => hits.find((h) => h.chunk.text.includes(phrase))!.features.typed;

describe('Retriever', () => {
  it('fuses lexical and dense scores into 0–1 and ranks the answering passage first', async () => {
    const r = await new Retriever(index).search({ text: '領収書をなくした', date: '2026-01-01', dateNamed: false });
    expect(r.hits[0]?.chunk.section).toContain('7.2');
    for (const h of r.hits) {
      expect(h.score).toBeGreaterThanOrEqual(0);
      expect(h.score).toBeLessThanOrEqual(1);
    }
    expect(r.hits.map((h) => h.score)).toEqual([...r.hits.map((h) => h.score)].sort((a, b) => b - a));
  });
  it('adds how the question is phrased (character bigrams) to the best candidates, and only in hybrid mode without a fitted ranker', async () => {
    const q = { text: '領収書をなくしてしまったらどうすればいい', date: '2026-01-01', dateNamed: false };
    const on = await new Retriever(index).search(q);
    const off = await new Retriever(index, { wordingWeight: 0 }).search(q);
    const best = on.hits.find((h) => h.features.wording === 1);
    expect(best).toBeDefined();
    expect(on.hits.every((h) => h.features.wording >= 0 && h.features.wording <= 1)).toBe(true);
    // The same passage scores more with the signal than without it, by at most its weight.
    const same = off.hits.find((h) => h.chunk.id === best!.chunk.id);
    expect(same).toBeDefined();
    expect(best!.score).toBeGreaterThan(same!.score);
    expect(best!.score - same!.score).toBeLessThanOrEqual(0.1 * best!.dateFactor + 1e-9);
    expect(off.hits.every((h) => h.features.wording === 0)).toBe(true);
    const lexical = await new Retriever(index).search(q, { mode: 'lexical' });
    expect(lexical.hits.every((h) => h.features.wording === 0)).toBe(true);
    const ranked = await new Retriever(index, { ranker: { features: ['lexical', 'dense'], weights: [1, 1], bias: 0 } }).search(q);
    expect(ranked.hits.every((h) => h.features.wording === 0)).toBe(true);
  });
  it('leaves the wording signal out when the index has no bigram statistics', async () => {
    const bare = Object.create(index) as FileIndex;
    bare.wordingStats = async (terms) => ({ df: Object.fromEntries(terms.map((t) => [t, 0])), docCount: 0, avgLength: 0 });
    const r = await new Retriever(bare).search({ text: '領収書をなくした', date: '2026-01-01', dateNamed: false });
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits.every((h) => h.features.wording === 0)).toBe(true);
  });
  it('counts the bigrams of a chunk added at run time in the statistics', async () => {
    const before = await index.wordingStats(['紛失']);
    await index.upsert([{ id: 'live-phrase-1', source: 'faq-entries/9.md', title: '承認済みFAQ', kind: 'faq', section: 'Q 紛失', page: null, text: '領収書を紛失したときは紛失届を添付します。', effectiveFrom: null, effectiveTo: null, ordinal: 0 }]);
    const after = await index.wordingStats(['紛失']);
    expect(after.df['紛失']).toBe((before.df['紛失'] ?? 0) + 1);
    expect(after.docCount).toBe(before.docCount + 1);
    await index.remove(['live-phrase-1']);
  });
  it('scores how closely a section heading is phrased like the question, unless a date is named', async () => {
    const r = await new Retriever(index).search({ text: 'パスワードを忘れたときはどうする', date: '2026-01-01', dateNamed: false });
    const faq = r.hits.find((h) => h.chunk.section.includes('パスワードを忘れた場合'));
    expect(faq?.features.phrasing).toBeGreaterThan(0.4);
    for (const h of r.hits.filter((x) => x !== faq)) expect(h.features.phrasing).toBeLessThan(faq!.features.phrasing);
    const dated = await new Retriever(index).search({ text: 'パスワードを忘れたときはどうする', date: '2025-03-01', dateNamed: true });
    expect(dated.hits.every((h) => h.features.phrasing === 0)).toBe(true);
  });
  it("lifts a document's header for a question about its own date or venue that names its title", async () => {
    const body = Array.from({ length: 12 }, (_, i) => `○議長：第3回地域交通連絡会議の議題${i + 1}に移ります。資料${i + 1}について事務局から説明があり、次回の地域交通連絡会議の開催までに委員から意見を出すこととした。`).join('\n');
    const minutes = await indexOfOne('minutes.txt', `地域交通連絡会議(第3回)\n議事要旨\n1.日時令和7年6月2日(月)14:00〜15:00\n2.場所オンライン開催\n3.出席者\n山田太郎委員長\n\n${body}\n`);
    const q = { text: '第3回の地域交通連絡会議はどこで開催されましたか', date: '2026-01-01', dateNamed: false };
    const lifted = await new Retriever(minutes).search(q);
    expect(lifted.hits[0]?.chunk.ordinal).toBe(0);
    expect(lifted.hits[0]?.chunk.text).toContain('場所オンライン開催');
    const plain = await new Retriever(minutes, { headerBoost: 1 }).search(q);
    expect(plain.hits[0]?.chunk.ordinal).not.toBe(0);
    // A when/where question that does not name the document's title leaves its header as it is.
    const other = { ...q, text: '議題はどこで説明されましたか' };
    const headerScore = async (headerBoost: number) => (await new Retriever(minutes, { headerBoost, k: 40 }).search(other)).hits.find((h) => h.chunk.ordinal === 0)?.score;
    expect(await headerScore(1.3)).toBe(await headerScore(1));
    // A question about the body's content is not lifted to the header.
    const content = await new Retriever(minutes).search({ ...q, text: '第3回地域交通連絡会議の議題5では何が説明されましたか' });
    expect(content.hits[0]?.chunk.ordinal).not.toBe(0);
  });
  it('reads a count asked in a counter as held only by a passage with a figure in that counter', async () => {
    const own = await indexOfOne('report.md', '# 研修\n\n情報システム研修は、平成28年度に集合研修として実施し、10コースを開講した。\n\n# 受講\n\n情報システム研修の受講者は平成28年度に1,200人だった。\n');
    const r = await new Retriever(own).search({ text: '情報システム研修は平成28年度に何人受講した？', date: '2026-01-01', dateNamed: false });
    expect(typedAt(r.hits, '1,200人')).toBe(1);
    expect(typedAt(r.hits, '10コース')).toBe(0);
  });
  it('reads a question asking what a term means as answered by a passage with a line defining it', async () => {
    const own = await indexOfOne('glossary.md', '# 考え方\n\n費用対効果の最大化に向け、各府省庁は効果の創出に取り組んでいる。\n\n# 用語\n\n「効果」…システムの整備によって創出される利益を金額換算したもの。\n');
    const r = await new Retriever(own).search({ text: '費用対効果の「効果」ってどういう意味？', date: '2026-01-01', dateNamed: false });
    expect(typedAt(r.hits, '金額換算')).toBe(1);
    expect(typedAt(r.hits, '取り組んでいる')).toBe(0);
  });
  it('ranks documents in force on a named date first', async () => {
    const q = { text: '日当 宿泊手当 制度', dateNamed: true };
    const before = await new Retriever(index).search({ ...q, date: '2025-03-15' });
    const after = await new Retriever(index).search({ ...q, date: '2025-04-15' });
    expect(before.hits[0]?.chunk.source).toBe('rules-old.md');
    expect(after.hits[0]?.chunk.source).toBe('rules-new.md');
    expect(before.hits.find((h) => h.chunk.source === 'rules-new.md')?.inForce).toBe(false);
  });
  it('lets a follow-up lean on the earlier question', async () => {
    const alone = await new Retriever(index).search({ text: '誰に相談すればいい？', date: '2026-01-01', dateNamed: false });
    const withContext = await new Retriever(index).search({ text: '誰に相談すればいい？', context: '領収書をなくした', date: '2026-01-01', dateNamed: false });
    expect(withContext.hits[0]?.chunk.section).toContain('7.2');
    expect(withContext.evidence.coverage).toBeGreaterThanOrEqual(alone.evidence.coverage);
  });
  it('reports weak evidence for a question the documents do not cover', async () => {
    const r = await new Retriever(index).search({ text: '年末調整の書類の締切', date: '2026-01-01', dateNamed: false });
    const good = await new Retriever(index).search({ text: '領収書を紛失した場合', date: '2026-01-01', dateNamed: false });
    expect(r.evidence.knownShare).toBeLessThan(good.evidence.knownShare);
    expect(r.evidence.lexicalTop).toBeLessThan(good.evidence.lexicalTop);
  });
  it('offers lexical-only and dense-only modes for baselines', async () => {
    const lex = await new Retriever(index, { mode: 'lexical' }).search({ text: '管理換', date: '2026-01-01', dateNamed: false });
    const dense = await new Retriever(index, { mode: 'dense' }).search({ text: '管理換', date: '2026-01-01', dateNamed: false });
    expect(lex.hits[0]?.dense).toBe(0);
    expect(dense.hits.every((h) => h.lexical === 0)).toBe(true);
  });
  it('ranks an error message’s entry below the page that answers, unless the question is about an error', async () => {
    const dir = join(tempDir(), 'proxy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'proxy.md'), '---\ntitle: 代理入力\nkind: manual\n---\n# 9 代理入力\n\n## 9.2 代理入力者になれる職員\n\n同じ課室の庶務担当の職員などを指定できます。旅行命令権者は指定できません。\n');
    writeFileSync(join(dir, 'errors.md'), '---\ntitle: エラー\nkind: manual\n---\n# 12 エラーメッセージ\n\n## 12.7.5 E6005 選択した職員は代理入力者に登録できません\n\n代理入力者に指定できる職員は、同じ課室の職員に限られます。別の職員を指定してください。\n');
    const { index: idx } = await buildIndex(dir);
    // The wording signal is relative to the best of the candidates: with two passages it swings
    // fully to the one phrased like the question. It is left out to see the entry's factor alone.
    const retriever = (o: { errorEntryFactor?: number } = {}) => new Retriever(idx, { wordingWeight: 0, ...o });
    const plain = await retriever().search({ text: '代理入力者に指定できる職員は？', date: '2026-01-01', dateNamed: false });
    const unweighted = await retriever({ errorEntryFactor: 1 }).search({ text: '代理入力者に指定できる職員は？', date: '2026-01-01', dateNamed: false });
    const entry = (r: typeof plain) => r.hits.find((h) => h.chunk.section.includes('E6005'))!;
    expect(entry(plain).score).toBeCloseTo(entry(unweighted).score * 0.85, 6);
    // Unweighted, the entry (which repeats the question's words) outranks the page; weighted, not.
    expect(unweighted.hits[0]?.chunk.section).toContain('E6005');
    expect(plain.hits[0]?.chunk.section).toContain('9.2');
    const aboutError = await retriever().search({ text: '代理入力者に指定できませんと表示された', date: '2026-01-01', dateNamed: false });
    const aboutErrorUnweighted = await retriever({ errorEntryFactor: 1 }).search({ text: '代理入力者に指定できませんと表示された', date: '2026-01-01', dateNamed: false });
    expect(entry(aboutError).score).toBe(entry(aboutErrorUnweighted).score);
  });
});
