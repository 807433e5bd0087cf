import { describe, expect, it } from 'vitest';
import { BLOCK_LABEL, asksResult, givenAsPlan } from '../../src/text/plans.ts';

describe('asksResult', () => {
  it('reads a result asked (実績, 実際), not a figure asked plainly', () => {
    expect(asksResult('e-Govのアクセス件数、29年度の実績は？')).toBe(true);
    expect(asksResult('満足度調査、実際の平均点は何％でした？')).toBe(true);
    expect(asksResult('満足度調査の目標は何％？')).toBe(false);
    expect(asksResult('宿泊費の上限はいくら？')).toBe(false);
  });
});

describe('givenAsPlan', () => {
  it('reads a target or forecast from the marker nearest before the value', () => {
    // 「目標（平成30年度）32時間以内」: the target; 「実績平均40.1時間」: the result, though a target follows.
    const kpi = '電子決裁に要する期間の短縮(平成27年3月実績平均40.1時間→目標(平成30年度)32時間以内)';
    const at = (v: string) => [kpi.slice(0, kpi.indexOf(v)), kpi.slice(kpi.indexOf(v) + v.length)] as const;
    expect(givenAsPlan('', ...at('32時間'))).toBe(true);
    expect(givenAsPlan('', ...at('40.1時間'))).toBe(false);
    expect(givenAsPlan('', '2024年度末(目標)', '(10.6億円)')).toBe(true);
  });
  it('reads the clause after the value first (「…を目指す」「…見込み」)', () => {
    expect(givenAsPlan('', '2020年度時点での経費を、2025年度までに', '削減することを目指す')).toBe(true);
    expect(givenAsPlan('', '運用経費は', 'に増加する見込みであります')).toBe(true);
    // A result's word after the value wins over a target named before it.
    expect(givenAsPlan('', '目標に対して、', '(実績)')).toBe(false);
  });
  it('reads an indicator block label above a list of values as a target, and nothing as nothing', () => {
    expect(givenAsPlan('【成果指標(アウトカム)】', '・満足度調査平均点:', '(平成32年度)')).toBe(true);
    expect(givenAsPlan('', '【活動指標(アウトプット)】平成28年度末におけるマイナンバーカードの発行枚数:', '社会保障・税に関わる')).toBe(true);
    // An indicator named in angle brackets beside a table row's figures (baseline and target alike) is no block label.
    expect(givenAsPlan('', '電子決裁に要する期間 <アウトプット指標> ', ' 26年度 32時間以内 30年度')).toBe(false);
    expect(givenAsPlan('', 'R6.4~9月の申請', 'のうち23件がオンライン申請')).toBe(false);
    expect(givenAsPlan('【参考】', '内閣官房 908 970 1,089 119 ', '')).toBe(false);
  });
  it('takes a whole line in lenticular brackets as a block label', () => {
    expect(BLOCK_LABEL.test('【成果指標(アウトカム)】')).toBe(true);
    expect(BLOCK_LABEL.test('【成果指標】・満足度調査平均点:75%')).toBe(false);
  });
});
