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

  it('reads a header repeated as one line above later rows when asked to (lineMax)', () => {
    const joined = ['単位:百万円府省庁名 R2基準額 R5の他律的要因を除いた実績額増減率 R5の実績額他律的要因の額 (A)(B)=(C)-(D)(C)(D)(B)-(A)/(A)', '宮内庁 397 363 363 1 ▲9%'];
    expect(tableHeaders(joined)[1]).toBeNull();
    expect(tableHeaders(joined, 240)[1]).toEqual([0]);
  });
});
