import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunker.ts';
import { parseMarkdown } from '../../src/ingest/loaders/markdown.ts';
import { parseText } from '../../src/ingest/loaders/text.ts';

const doc = (body: string) => parseMarkdown('m.md', `---\ntitle: 手引き\nkind: manual\n---\n${body}`);

describe('chunkDocument', () => {
  it('keeps the heading path below the title and never crosses a heading', async () => {
    const chunks = await chunkDocument(doc('# 手引き\n## 1 申請\n申請します。\n### 1.1 添付\n添付します。\n## 2 請求\n請求します。'));
    expect(chunks.map((c) => [c.section, c.text])).toEqual([
      ['1 申請', '申請します。'],
      ['1 申請 › 1.1 添付', '添付します。'],
      ['2 請求', '請求します。'],
    ]);
  });
  it('cites text under no heading of its own in a document with headings under the title, as printed there, and does not search that section', async () => {
    const titled = (body: string) => parseMarkdown('m.md', `---\ntitle: 旅費の手引き(第2版)\nkind: manual\n---\n${body}`);
    const chunks = await chunkDocument(titled('まえがきです。\n# 旅費の手引き\n総論です。\n## 1 申請\n申請します。'));
    expect(chunks.map((c) => [c.section, c.text, c.flags ?? []])).toEqual([
      ['旅費の手引き(第2版)', 'まえがきです。', ['inferred-section']],
      ['旅費の手引き', '旅費の手引き\n総論です。', ['inferred-section']],
      ['1 申請', '申請します。', []],
    ]);
    // A document without headings has no sections to name.
    expect((await chunkDocument(doc('本文だけです。')))[0]?.section).toBe('');
  });
  it("opens a section's first chunk with its heading when the heading is no numbered one, as the page prints it", async () => {
    const chunks = await chunkDocument(doc('# 手引き\n## デジタル手続法(令和元年5月31日公布)の概要\n### 目的\n利便性を高める。\n## 12.3.3 E2003 重複\n期間が重なっています。\n## 第7章 精算\n精算します。\n## Q7-08 相乗りは？\n理由を書きます。'));
    expect(chunks.map((c) => [c.section, c.text])).toEqual([
      // A heading with no text of its own before the next one stays in the path only.
      ['デジタル手続法(令和元年5月31日公布)の概要 › 目的', '目的\n利便性を高める。'],
      ['12.3.3 E2003 重複', '期間が重なっています。'],
      ['第7章 精算', '精算します。'],
      ['Q7-08 相乗りは?', '理由を書きます。'],
    ]);
    const dated = await chunkDocument(doc('## デジタル手続法(令和元年5月31日公布)の概要\n正式名称は長い。'));
    expect(dated[0]?.text).toBe('デジタル手続法(令和元年5月31日公布)の概要\n正式名称は長い。');
    // A heading that opens with a figure of its own is no numbered one; (2), ① and a question are kept out.
    const more = await chunkDocument(doc('## 2025年度の計画\n計画です。\n## (2) 謝金\n謝金です。\n## ① 旅費\n旅費です。\n## 出張先で病気になったら？\n上司に連絡します。'));
    expect(more.map((c) => c.text)).toEqual(['2025年度の計画\n計画です。', '謝金です。', '旅費です。', '上司に連絡します。']);
  });
  it('cuts long sections at sentence ends near the target size, never starting with 。', async () => {
    const text = Array.from({ length: 40 }, (_, i) => `これは旅費の精算について説明するための${i + 1}番目の十分に長い一文であり、句点で終わります。`).join('');
    const chunks = await chunkDocument(doc(`## 長い節\n${text}`), { targetChars: 200, maxChars: 400 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.text.startsWith('。')).toBe(false);
      expect(c.text.endsWith('。')).toBe(true);
      expect(c.text.length).toBeLessThanOrEqual(400);
    }
  });
  it('keeps list items as lines and derives ids from content', async () => {
    const a = await chunkDocument(doc('## 手順\n次のとおりです。\n\n1. 開きます。\n2. 押します。'));
    const b = await chunkDocument(doc('## 手順\n次のとおりです。\n\n1. 開きます。\n2. 押します。'));
    expect(a[0]?.text).toBe('手順\n次のとおりです。\n1. 開きます。\n2. 押します。');
    expect(a.map((c) => c.id)).toEqual(b.map((c) => c.id));
    const changed = await chunkDocument(doc('## 手順\n次のとおりです。\n\n1. 開きます。\n2. 押しません。'));
    expect(changed[0]?.id).not.toBe(a[0]?.id);
  });
  it('reads front matter, including effective dates', () => {
    const d = parseMarkdown('r.md', '---\ntitle: 規程\nkind: guideline\neffective_from: 2025-04-01\n---\n本文');
    expect(d.meta).toMatchObject({ title: '規程', kind: 'guideline', effectiveFrom: '2025-04-01', effectiveTo: null });
  });
  it('rejects bad front matter with the field named', () => {
    expect(() => parseMarkdown('r.md', '---\nkind: memo\n---\n本文')).toThrow(/r\.md: kind/);
    expect(() => parseMarkdown('r.md', '---\neffective_from: 2025-13-01\n---\n本文')).toThrow(/effective_from/);
  });
  it("repeats a table's header above its rows in a later chunk, and nowhere else", async () => {
    // Rows with labels of their own (rows alike but for their figures would be read as a running header and dropped).
    const K = '甲乙丙丁戊己庚辛壬癸';
    const rows = Array.from({ length: 40 }, (_, i) => `${K[i % 10]}${K[Math.floor(i / 10)]}省 ${100 + i} ${200 + i} ${300 + i} +${i}%`);
    const text = ['集計の結果は次のとおり。', '単位:百万円', '府省庁名', 'R2基準額 R5の他律的要因を除', 'いた実績額増減率', ...rows, '以上が集計の結果である。'].join('\n');
    const chunks = await chunkDocument(parseText('t.txt', text, null));
    expect(chunks.length).toBeGreaterThan(1);
    const header = '単位:百万円府省庁名 R2基準額 R5の他律的要因を除いた実績額増減率';
    // The first chunk prints the header as the PDF does; each later one opens with it, joined into one line.
    expect(chunks[0]!.text).toContain('府省庁名\nR2基準額');
    for (const c of chunks.slice(1)) expect(c.text.split('\n')[0]).toBe(header);
    expect(chunks[0]!.text.startsWith(header)).toBe(false);
    // Every row is in exactly one chunk.
    for (const r of rows) expect(chunks.filter((c) => c.text.split('\n').includes(r)).length).toBe(1);
  });
  it('repeats the header above a later chunk that opens with a wrapped row label', async () => {
    const K = '甲乙丙丁戊己庚辛壬癸';
    // Every row's label is wrapped: 「甲乙保護」 on one line, 「丁委員会 100 …」 on the next.
    const rows = Array.from({ length: 30 }, (_, i) => [`${K[i % 10]}${K[Math.floor(i / 10)]}保護`, `${K[(i + 3) % 10]}委員会 ${100 + i} ${200 + i} ${300 + i} +${i}%`]).flat();
    const text = ['集計の結果は次のとおり。', '単位:百万円', '府省庁名', 'R2基準額 実績額', ...rows, '以上が集計の結果である。'].join('\n');
    const chunks = await chunkDocument(parseText('t.txt', text, null));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks.slice(1)) if (/^[甲-癸]{2}保護\n/u.test(c.text) || /^単位/u.test(c.text)) expect(c.text.split('\n')[0]).toBe('単位:百万円府省庁名 R2基準額実績額');
    expect(chunks.slice(1).filter((c) => c.text.startsWith('単位:百万円')).length).toBeGreaterThan(0);
  });
});
