import { describe, expect, it } from 'vitest';
import { tidy } from '../../../src/answer/extractive/lines.ts';

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
