import { describe, expect, it } from 'vitest';
import {
  compactForMatch, isFigureRow, isPageNumber, joinBrokenLines, normalizeText, splitSentences, stripChartAxes, stripRepeatedLines, stripRunningHeaders,
} from '../../src/text/normalize.ts';

describe('normalizeText', () => {
  it('keeps the boundary between a speaker and the speech in minutes (「○村岡山口県知事 はい、…」) as 「：」', () => {
    expect(normalizeText('○村岡⼭⼝県知事 はい、どうもありがとうございます。')).toBe('○村岡山口県知事：はい、どうもありがとうございます。');
    expect(normalizeText(' ○阪⽥事務局⻑ \n本日は')).toBe(' ○阪田事務局長：\n本日は');
    // A bullet or a heading with brackets is no speaker.
    expect(normalizeText('○ 制度所管 府省庁')).toBe('○ 制度所管府省庁');
    expect(normalizeText('○電子政府の総合窓口（e-Gov）の管理・運営')).toBe('○電子政府の総合窓口(e-Gov)の管理・運営');
    expect(normalizeText('○電子政府の総合窓口の管理')).toBe('○電子政府の総合窓口の管理');
    expect(normalizeText('○デジタル庁 は、令和6年度までに移行する。')).toBe('○デジタル庁は、令和6年度までに移行する。');
    expect(normalizeText('〇河野大臣 ありがとうございます。')).toBe('〇河野大臣：ありがとうございます。');
  });
  it('folds Kangxi radicals, radical-supplement look-alikes and width variants', () => {
    expect(normalizeText('令和７年６⽉２⽇ ⾃治体 市⻑ ＳＥＡＢＩＳ ｼｽﾃﾑ')).toBe('令和7年6月2日自治体市長 SEABIS システム');
  });
  it('removes stray spaces between Japanese characters but keeps them between words in Latin', () => {
    expect(normalizeText('旅 費 の 精 算　は SEABIS で')).toBe('旅費の精算は SEABIS で');
    expect(normalizeText('travel expense  system')).toBe('travel expense system');
  });
  it('drops private-use bullet glyphs and zero-width characters', () => {
    expect(normalizeText('\uF06C業務効率化\u200B')).toBe('業務効率化');
  });
  it('compares text regardless of layout', () => {
    expect(compactForMatch('宿泊手当は\n 2,400 円')).toBe(compactForMatch('宿泊手当は2,400円'));
  });
});

describe('joinBrokenLines', () => {
  it('joins a sentence broken across lines without a space, and keeps list items apart', () => {
    const lines = ['資料1 共通化候補(令和6年度選定分)に係る検討の経緯について(内閣官房デジタ', 'ル行財政改革会議事務局提出資料)', '・次の項目', '・別の項目'];
    expect(joinBrokenLines(lines)).toEqual([
      '資料1 共通化候補(令和6年度選定分)に係る検討の経緯について(内閣官房デジタル行財政改革会議事務局提出資料)',
      '・次の項目',
      '・別の項目',
    ]);
  });
  it('does not join a line the caller says starts anew', () => {
    const lines = ['(3)生成AIの調達・利活用ルール ※ 各府省の役割ごとにルールを規定', 'AI統括責任者は、利用ルールを策定。'];
    expect(joinBrokenLines(lines)).toHaveLength(1);
    expect(joinBrokenLines(lines, (i) => i === 1)).toEqual(lines);
  });
  it('does not join after a sentence end', () => {
    expect(joinBrokenLines(['これは一つ目の文で、ここで終わる長い文章です。', '次の文です。'])).toHaveLength(2);
  });
  it('joins the short lines of a slide when the next one can only continue (it opens with hiragana)', () => {
    expect(joinBrokenLines(['APIによる電子申請', 'の利用拡大に向け', 'た取組の実施', '', 'マイナンバーカード'])).toEqual(['APIによる電子申請の利用拡大に向けた取組の実施', '', 'マイナンバーカード']);
    expect(joinBrokenLines(['目標年度', 'マイナンバーカード'])).toEqual(['目標年度', 'マイナンバーカード']);
    // A word that opens a sentence starts a new line: 「また、」「この」.
    expect(joinBrokenLines(['目標年度', 'また、次の年度も', 'この指標'])).toEqual(['目標年度', 'また、次の年度も', 'この指標']);
  });
  it('keeps the rows of a table of figures apart, each a record of its own', () => {
    const rows = ['内閣法制局 93 106 106 0 +14%', '人事院 424 105 112 8 ▲75%', '内閣府 6,200 4,700 4,935 234 ▲24%'];
    expect(joinBrokenLines(rows)).toEqual(rows);
    expect(joinBrokenLines(['主要な指標の推移は次の表のとおりであり、基準年度と目標年度', '920人 27年度 1,200人以上 30年度'])).toHaveLength(2);
  });
});

describe('isFigureRow', () => {
  it('reads a line of figures standing apart, with no kana of a sentence, as a row', () => {
    for (const l of ['人事院 424 105 112 8 ▲75%', '401,595千件 27年度 534,521千件以上 30年度', '40.1 時間 26年度 32 時間以内 30年度', '21年度: 84.7% 22年度: 83.5% 23年度: 85.7%', '倍率 1.2倍 1.5倍']) expect(isFigureRow(l)).toBe(true);
  });
  it('does not read prose with spaced numbers, or one figure, as a row', () => {
    for (const l of ['また、4月 22 日に開催された第 10 回デジタル行財政改革会議において', '令和7年度 約5400億円', 'R2 R5', '第3章 旅費の請求']) expect(isFigureRow(l)).toBe(false);
  });
  it('does not read a date, an article number, a phone number or English with numbers as a row, so their lines still join', () => {
    for (const l of ['令和7年 6月 2日', '第 1 条 第 2 項', 'TEL 03 1234 5678', 'Applications received between 1 April and 30 June 2025']) expect(isFigureRow(l)).toBe(false);
    expect(joinBrokenLines(['この規程は令和7年 6月 2日', 'から適用する。'])).toEqual(['この規程は令和7年 6月 2日から適用する。']);
  });
});

describe('running headers and page numbers', () => {
  it('recognizes page-number lines', () => {
    for (const l of ['- 3 -', '12', '3/10', 'p.4']) expect(isPageNumber(l)).toBe(true);
    expect(isPageNumber('2,400円')).toBe(false);
  });
  it('removes a header repeated at the top of most pages, and page numbers', () => {
    const body = (n: number) => [`第${n}節の冒頭の文です。`, `ここに${n}頁目の説明が続きます。`, `${n}頁目の最後の文です。`];
    const pages = [1, 2, 3, 4].map((n) => ['旅費マニュアル 第1版', ...body(n), `- ${n} -`]);
    expect(stripRunningHeaders(pages)).toEqual([1, 2, 3, 4].map(body));
  });
  it('removes short lines repeated many times in text without pages', () => {
    const lines = ['見出し', '本文A', 'ヘッダ', '本文B', 'ヘッダ', '本文C', 'ヘッダ', 'ヘッダ', '7'];
    expect(stripRepeatedLines(lines)).toEqual(['見出し', '本文A', '本文B', '本文C']);
  });
  it('keeps lines that repeat because the structure does: figures, labels in brackets, clauses', () => {
    const block = (n: number) => ['【成果指標（アウトカム）】', `・満足度調査平均点：7${n}％（平成32年度）`, `${n},343百万円`, '30年度', '○議長 ありがとうございます。続いて、'];
    const lines = [1, 2, 3, 4].flatMap(block);
    expect(stripRepeatedLines(lines)).toEqual(lines);
    // A speaker's turn standing alone on its line stays: the speech under it is that speaker's.
    const minutes = [1, 2, 3, 4].flatMap((n) => ['○座長', `議題${n}について説明します。`]);
    expect(stripRepeatedLines(minutes)).toEqual(minutes);
    // Full-width digits are digits: a cell 「３０年度」 stays too.
    expect(stripRepeatedLines(['３０年度', '本文A', '３０年度', '本文B', '３０年度', '３０年度'])).toHaveLength(6);
  });
  it('removes a running header that carries a page number or a year, repeated in text without pages', () => {
    const lines = [1, 2, 3, 4].flatMap((n) => [`旅費マニュアル ${n}`, `本文${n}の説明です。`, '旅費の手引き（令和7年度版）']);
    expect(stripRepeatedLines(lines)).toEqual([1, 2, 3, 4].map((n) => `本文${n}の説明です。`));
  });
});

describe('stripChartAxes', () => {
  it("removes a chart axis's ticks, one per line, stepping evenly through zero, and keeps its data labels", () => {
    const axis = ['0', '', '10,000', '', '20,000', '', '30,000'];
    const percent = ['0%', '10%', '20%', '30%', '40%'];
    const lines = ['運用経費の上位80%を', '占めるシステム', ...axis, ...percent, '(百万円)', '35,640', '24,297', '2,700', '(23.4%)'];
    expect(stripChartAxes(lines)).toEqual(['運用経費の上位80%を', '占めるシステム', '', '', '', '(百万円)', '35,640', '24,297', '2,700', '(23.4%)']);
  });
  it('reads a falling axis, decimals, negative and full-width ticks', () => {
    for (const axis of [['80,000', '60,000', '40,000', '20,000', '0'], ['0', '0.1', '0.2', '0.3', '0.4'], ['-10%', '0%', '10%', '20%'], ['０', '１０，０００', '２０，０００', '３０，０００']]) {
      expect(stripChartAxes(['見出し', ...axis, '本文です。'])).toEqual(['見出し', '本文です。']);
    }
  });
  it('keeps a column stepping evenly with no zero, three figures in a row, uneven figures and figures with words', () => {
    const lodging = Array.from({ length: 12 }, (_, i) => `${(8 + i).toLocaleString('en')},000円`);
    for (const lines of [lodging, ['0', '10', '20'], ['2,343百万円', '3,184百万円', '2,824百万円', '1,000百万円'], ['0件', '1件', '2件', '3件'], ['0', '20', '40', '80']]) {
      expect(stripChartAxes(lines)).toEqual(lines);
    }
  });
});

describe('splitSentences', () => {
  it('splits at 。！？ keeping closing brackets, and never starts with 。', () => {
    expect(splitSentences('「請求」を押します。」次へ！本当？はい')).toEqual(['「請求」を押します。」', '次へ！', '本当？', 'はい']);
    expect(splitSentences('前の文\n。続き').every((s) => !s.startsWith('。'))).toBe(true);
  });
});
