import { describe, expect, it } from 'vitest';
import { leadOf, scoreSentences } from '../../../src/answer/extractive/scoring.ts';

const table = {
  n: 1,
  label: '進捗状況',
  text: [
    '府省庁名 1:法令等に起因する 2:セキュリティリスク・インシデントに起因する 3:サポート終了/サービス終了/老朽化に起因する 合計',
    '外務省 149 2 259 410',
    '財務省 91 1,562 285 1,938',
    '金融庁 11 4 167 182',
  ].join('\n'),
};

describe('scoring a table', () => {
  it("reads a row with its header's words: the row of the organisation asked about leads, not the header", () => {
    const q = '財務省の他律的要因のうち、セキュリティリスク・インシデント対応の分っていくら？';
    const all = scoreSentences(q, [], [table]);
    const ranked = [...all].sort((a, b) => b.score - a.score);
    const row = all.find((s) => s.text.startsWith('財務省'))!;
    const other = all.find((s) => s.text.startsWith('外務省'))!;
    // The header's terms count for its rows (at half weight), so the row named by the question outranks the others.
    expect(row.header).not.toBeNull();
    expect(row.support).toBeGreaterThan(other.support);
    expect(row.support).toBeGreaterThan(all.find((s) => s.text.startsWith('金融庁'))!.support);
    // The header line holds the question's words but none of the figures: a row of its table leads instead.
    expect(all[0]!.heads).toBe(true);
    expect(leadOf(ranked, all)?.text).toBe('財務省 91 1,562 285 1,938');
  });

  it("counts a term once when both the passage's heading and the table's header hold it", () => {
    const q = '財務省のセキュリティリスク対応の額は？';
    const header = '府省庁名 1:法令等に起因する 2:セキュリティリスク・インシデントに起因する';
    const rows = '財務省 91 1,562 285\n外務省 149 2 259';
    const headed = scoreSentences(q, [], [{ n: 1, label: 'セキュリティリスク', text: `${header}\n${rows}` }]);
    const plain = scoreSentences(q, [], [{ n: 1, label: '一覧', text: `${header}\n${rows}` }]);
    const row = (all: typeof headed) => all.find((x) => x.text.startsWith('財務省'))!;
    // Half weight from the heading or from the header, not both.
    expect(row(headed).header).not.toBeNull();
    expect(row(headed).support).toBeCloseTo(row(plain).support, 5);
  });

  it('gives a row no header terms where its table has no header', () => {
    const all = scoreSentences('財務省はいくら？', [], [{ n: 1, label: '', text: '次のとおり集計した。\n財務省 91 1,562 285 1,938' }]);
    expect(all.find((s) => s.text.startsWith('財務省'))!.header).toBeNull();
  });
});
