import { describe, expect, it } from 'vitest';
import { Lines, tidy } from '../../../src/answer/extractive/lines.ts';
import { passageSentences } from '../../../src/answer/extractive/sentences.ts';

describe('tidy', () => {
  it('joins figures that text extraction spaced apart inside a sentence', () => {
    expect(tidy('また、4月 22 日に開催された第 10 回デジタル行財政改革会議において指示がございました。')).toBe('また、4月22日に開催された第10回デジタル行財政改革会議において指示がございました。');
    expect(tidy('市・町の運用経費の平均が約 3.6倍、これも 2〜3 倍に増加する見込みであります。')).toBe('市・町の運用経費の平均が約3.6倍、これも2〜3倍に増加する見込みであります。');
  });

  it('keeps the spaces of table cells and of lines that are no sentence', () => {
    expect(tidy('4位 26年度')).toBe('4位 26年度');
    expect(tidy('厚生労働省 182,621 148,815 180,964 32,150 ▲19%')).toBe('厚生労働省 182,621 148,815 180,964 32,150 ▲19%');
    expect(tidy('合計 538,344 496,465 です。', true)).toBe('合計 538,344 496,465 です。');
  });

  it('keeps spaces between words and between figures', () => {
    expect(tidy('資料は Government Cloud の 2 つの構成です。')).toBe('資料は Government Cloud の2つの構成です。');
    expect(tidy('行政管理局 澤田稔一が説明した。')).toBe('行政管理局 澤田稔一が説明した。');
    expect(tidy('2,947 1,068 13,519 を合計した。')).toBe('2,947 1,068 13,519を合計した。');
  });
});

describe('Lines', () => {
  it('names the speaker of a quote from minutes once for each run of their lines', () => {
    const text = '○阪田事務局長：本日は、ありがとうございました。今後、私が主査をつとめる会議等を通じて求めてまいります。また、貴重なご意見を頂きました。\n○村岡知事：はい、賛同いたします。';
    const all = passageSentences(text).map((s) => ({ ...s, n: 1, rank: 0, score: 0, support: 0 }));
    const out = new Lines(new Set(), false);
    out.sentence(all[1]!);
    out.sentence(all[2]!);
    out.sentence(all[3]!);
    expect(out.lines).toEqual(['阪田事務局長：今後、私が主査をつとめる会議等を通じて求めてまいります[1]。', 'また、貴重なご意見を頂きました[1]。', '村岡知事：はい、賛同いたします[1]。']);
    // After the line that opens the turn, from another passage, the speaker is not named again.
    const opener = passageSentences('○阪田事務局長：本日は、ありがとうございました。').map((s) => ({ ...s, n: 2, rank: 1, score: 0, support: 0 }));
    const two = new Lines(new Set(), false);
    two.sentence(opener[0]!);
    two.sentence(all[1]!);
    expect(two.lines).toEqual(['阪田事務局長：本日は、ありがとうございました[2]。', '今後、私が主査をつとめる会議等を通じて求めてまいります[1]。']);
  });
});
