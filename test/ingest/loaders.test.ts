import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/ingest/loaders/html.ts';
import { parsePdf } from '../../src/ingest/loaders/pdf.ts';
import { parseText } from '../../src/ingest/loaders/text.ts';
import { chunkDocument, INFERRED_SECTION } from '../../src/ingest/chunker.ts';
import { renderPdf } from '../../scripts/lib/make-pdf.ts';

describe('PDF loader', () => {
  it('extracts Japanese text, headings and pages from a PDF it did not write, dropping headers and page numbers', async () => {
    const long = '出張から戻ったら、旅費請求(精算)作成画面で実績を入力し、領収書等を添付して請求ボタンを押します。'.repeat(3);
    const bytes = await renderPdf(
      [
        { kind: 'heading', level: 1, text: '旅費精算の手引き' },
        { kind: 'text', text: long },
        { kind: 'heading', level: 2, text: '宿泊手当' },
        { kind: 'text', text: '宿泊手当は1夜につき2,400円です。' },
        { kind: 'pagebreak' },
        { kind: 'heading', level: 2, text: '問い合わせ' },
        { kind: 'text', text: '会計担当職員に問い合わせてください。' },
        { kind: 'pagebreak' },
        { kind: 'text', text: '三頁目の本文です。' },
      ],
      { title: 'テスト文書', header: '旅費精算の手引き(テスト用)', pageNumbers: true },
    );
    const doc = await parsePdf('t.pdf', bytes, { kind: 'guideline', effective_from: '2025-04-01' });
    expect(doc.meta).toMatchObject({ title: 'テスト文書', kind: 'guideline', effectiveFrom: '2025-04-01' });
    expect(doc.blocks).toEqual([
      { type: 'heading', level: 1, text: '旅費精算の手引き', page: 1 },
      { type: 'text', text: long, page: 1, list: false },
      { type: 'heading', level: 2, text: '宿泊手当', page: 1 },
      { type: 'text', text: '宿泊手当は1夜につき2,400円です。', page: 1, list: false },
      { type: 'heading', level: 2, text: '問い合わせ', page: 2 },
      { type: 'text', text: '会計担当職員に問い合わせてください。', page: 2, list: false },
      { type: 'text', text: '三頁目の本文です。', page: 3, list: false },
    ]);
  });
  it('rejects bytes that are not a PDF with an error', async () => {
    await expect(parsePdf('bad.pdf', new TextEncoder().encode('not a pdf'), null)).rejects.toThrow();
  });
});

describe('HTML loader', () => {
  it('turns headings and paragraphs into blocks, skipping scripts and navigation', () => {
    const d = parseHtml('f.html', '<html><head><title>FAQ</title><meta name="kind" content="faq"><script>x()</script></head><body><nav>menu</nav><h1>FAQ</h1><h2>質問</h2><p>答え&amp;説明です。</p><ul><li>項目</li></ul></body></html>', null);
    expect(d.meta).toMatchObject({ title: 'FAQ', kind: 'faq' });
    expect(d.blocks).toEqual([
      { type: 'heading', level: 1, text: 'FAQ', page: null },
      { type: 'heading', level: 2, text: '質問', page: null },
      { type: 'text', text: '答え&説明です。', page: null, list: false },
      { type: 'text', text: '項目', page: null, list: true },
    ]);
  });
});

describe('text loader', () => {
  it('joins broken lines, uses the first line as title and understands # headings and form feeds', () => {
    const d = parseText('n.txt', '物品の手引き\n\n# 管理換\n物品を別の課に移すときは、物品管理システムの管理換の画面で申請しま\nす。\f# 照会\n照会します。', null);
    expect(d.meta.title).toBe('物品の手引き');
    expect(d.blocks).toContainEqual({ type: 'text', text: '物品を別の課に移すときは、物品管理システムの管理換の画面で申請します。', page: 1, list: false });
    expect(d.blocks).toContainEqual({ type: 'heading', level: 1, text: '照会', page: 2 });
  });
});

describe('symbol-font bullets', () => {
  it('starts a line opened by a private-use bullet glyph anew, without the glyph', () => {
    const text = 'スライドの題名について1/2\n\uF06C 削減率は▲8%となった\n（３）調達・利活用ルール ※ 役割ごとにルールを規定\n\uF0D8AI統括責任者は、利用ルールを策定。';
    const lines = parseText('s.txt', text, null).blocks.map((b) => b.text);
    expect(lines).toContain('削減率は▲8%となった');
    expect(lines).toContain('AI統括責任者は、利用ルールを策定。');
    // Without the glyph, the same lines are joined to the ones above them.
    const plain = parseText('p.txt', text.replace(/[\uF06C\uF0D8]/gu, ''), null).blocks.map((b) => b.text);
    expect(plain.some((l) => l.includes('ルールを規定AI統括責任者'))).toBe(true);
  });
});

describe('structure of text without markup', () => {
  it('takes the title from the most title-like first line: not a date, not a slide counter', () => {
    expect(parseText('a.txt', '\n \n# 実行計画の対応状況\n令和元年10月9日\n本文です。', null).meta.title).toBe('実行計画の対応状況');
    expect(parseText('b.txt', '令和元年10月9日\n運用コスト削減の進捗状況について1/2\n本文です。', null).meta.title).toBe('運用コスト削減の進捗状況について');
    expect(parseText('c.txt', '2024/11/07\nR7.6.2\n電子申請の利用拡大\n本文です。', null).meta.title).toBe('電子申請の利用拡大');
  });

  it('gives every passage the heading path of numbered, bracketed and slide headings, without cutting the text at them', async () => {
    const text = ['協議会(第3回)', '(開催要領)', '1. 日時 令和7年6月2日', '2. 場所 オンライン開催', '3. 出席者', '山口県知事', '【PMO】', 'PMOはPJMOを支援する。'].join('\n');
    const doc = parseText('c.txt', text, null);
    const headings = doc.blocks.filter((b) => b.type === 'heading').map((b) => b.type === 'heading' && b.text);
    // 「1. 日時 …」 followed by 「2. 場所 …」 are list items, not headings: no text is lost.
    expect(headings).toEqual(['(開催要領)', '3. 出席者', '【PMO】']);
    const chunks = await chunkDocument(doc);
    expect(chunks.map((c) => c.text).join('\n')).toContain('1. 日時令和7年6月2日');
    expect(chunks.every((c) => c.section !== '' && c.flags?.includes(INFERRED_SECTION))).toBe(true);
  });

  it('reads the last item of a numbered list as an item, not a heading', () => {
    const doc = parseText('e.txt', ['注記', '1. レビューした件数。', '2. 担当の職員数。', '3. 「連絡会議」資料6', '本文です。'].join('\n'), null);
    expect(doc.blocks.filter((b) => b.type === 'heading')).toEqual([]);
  });

  it('keeps circled numbers as printed, reads bullets as 「・」 and drops lines of dots', () => {
    const doc = parseText('d.txt', '手順の説明\n✓ ①企画者が申請する\n・・・\n• 承認者が確認する\n- ✓ 政府CIOの指揮の下で管理する\n- ・ 市町村は計画を勘案する', null);
    const texts = doc.blocks.map((b) => b.text);
    expect(texts).toContain('・①企画者が申請する');
    expect(texts).toContain('・承認者が確認する');
    // Several marks in a row (a list marker and a glyph) are one bullet.
    expect(texts).toContain('・政府CIOの指揮の下で管理する');
    expect(texts).toContain('・市町村は計画を勘案する');
    expect(texts).not.toContain('・・・');
  });
});
