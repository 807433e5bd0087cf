import { describe, expect, it } from 'vitest';
import { headerText, isTableRow, tableHeaders } from '../../src/text/tables.ts';

const table = [
  '(注4)国の安全保障等公表に適さないものは、全府省庁の合計額に含めている。',
  '単位:百万円',
  '府省庁名',
  'R2基準額 R5の他律的要因を除',
  'いた実績額増減率',
  '内閣官房 908 970 1,089 119 +7%',
  'こども家庭庁 66 83 83 0 +26%',
  '個人情報保護委',
  '員会 1,105 718 718 0 ▲35%',
  '金融庁 3,009 2,050 2,254 205 ▲32%',
  '今般の調査において、運用経費等の削減ができた情報システムは、主に以下のような取組を行っていた。',
  '人事院 424 105 112 8 ▲75%',
];

describe('tables', () => {
  it('reads a row of figures, and a short label in kana before three figures, as a row; not a sentence or a date', () => {
    expect(isTableRow('内閣官房 908 970 1,089 119 +7%')).toBe(true);
    expect(isTableRow('こども家庭庁 66 83 83 0 +26%')).toBe(true);
    expect(isTableRow('申請は 3 回まで、4 回目から 5 日待ちます')).toBe(false);
    expect(isTableRow('令和7年 6月 2日')).toBe(false);
  });

  it("gives each row the header above its table's first row, through a wrapped label, and stops the header at a sentence", () => {
    const headers = tableHeaders(table);
    const header = [1, 2, 3, 4];
    expect(headers.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(headers.slice(5, 10)).toEqual([header, header, null, header, header]);
    // A sentence ends the table; a row after it has no header of its own (the sentence is none).
    expect(headers[10]).toBeNull();
    expect(headers[11]).toBeNull();
  });

  it('reads no header where the lines above the first row are sentences', () => {
    expect(tableHeaders(['次のとおり集計した。', '人事院 424 105 112 8 ▲75%'])).toEqual([null, null]);
  });

  it('joins a header wrapped mid-word without a space, and its cells with one', () => {
    expect(headerText(['府省庁名', '1:法令等に起因する', '2:セキュ', 'リティリスク・', 'インシデントに起因する', '(A) (B)'])).toBe('府省庁名 1:法令等に起因する 2:セキュリティリスク・インシデントに起因する (A) (B)');
  });

  it("reads a header repeated as one line above later rows, as a chunk's first line only (firstLineMax)", () => {
    const joined = ['単位:百万円府省庁名 R2基準額 R5の他律的要因を除いた実績額増減率 R5の実績額他律的要因の額 (A)(B)=(C)-(D)(C)(D)(B)-(A)/(A)', '宮内庁 397 363 363 1 ▲9%'];
    expect(tableHeaders(joined)[1]).toBeNull();
    expect(tableHeaders(joined, 270)[1]).toEqual([0]);
    // A long line elsewhere is a paragraph, not a header, however it ends.
    const prose = ['指定職の額', '旅費の支給額は別表のとおりとする。ただし、宿泊を伴わない場合の日当は半額とする。なお、端数は切り捨てる(第3条関係)', '指定職 3,000 2,600 2,200', '一般職 2,200 1,900 1,700'];
    expect(tableHeaders(prose, 270).slice(2)).toEqual([null, null]);
  });

  it('reads no row in a spaced date, a list item or a calculation, and no table in a single row', () => {
    expect(isTableRow('令和 7 年 6 月 2 日')).toBe(false);
    expect(isTableRow('- 講演:10,000円 × 2時間 = 20,000円')).toBe(false);
    expect(isTableRow('・支払額の合計 35,000 円 3,573 円 31,427 円')).toBe(false);
    expect(tableHeaders(['目標', '処理日数を短縮', '85% 90% 95%'])).toEqual([null, null, null]);
    // List items are no header lines.
    expect(tableHeaders(['・手続のオンライン化率', '・処理日数', '85% 90% 95%', '100 200 300'])).toEqual([null, null, null, null]);
  });

  it('ends a table at a caption between rows: the next table does not take its header', () => {
    const lines = ['表1 旅行件数', '区分 R4 R5', '甲省 120 130', '乙省 140 150', '表2 日当の額(円)', '丙職 2981 2581', '丁職 2200 2100'];
    const headers = tableHeaders(lines);
    expect(headers[3]).toEqual([0, 1]);
    expect(headers[5]).toEqual([4]);
  });
});
