import { describe, expect, it } from 'vitest';
import { BLOCK_LABEL, asksResult, givenAsPlan } from '../../src/text/plans.ts';

/** The text before and after a value in a sentence, as givenAsPlan reads them. */
const around = (text: string, v: string) => [text.slice(0, text.indexOf(v)), text.slice(text.indexOf(v) + v.length)] as const;

describe('asksResult', () => {
  it('reads a result asked (実績, 実際), not a figure asked plainly', () => {
    expect(asksResult('e-Govのアクセス件数、29年度の実績は？')).toBe(true);
    expect(asksResult('満足度調査、実際の平均点は何％でした？')).toBe(true);
    expect(asksResult('満足度調査の目標は何％？')).toBe(false);
    expect(asksResult('宿泊費の上限はいくら？')).toBe(false);
    // A report named, not a result asked.
    expect(asksResult('実績報告書は何日以内に提出する？')).toBe(false);
  });
});

describe('givenAsPlan', () => {
  it('reads a target or forecast from the marker nearest before the value', () => {
    // 「目標（平成30年度）32時間以内」: the target; 「実績平均40.1時間」: the result, though a target follows.
    const kpi = '電子決裁に要する期間の短縮(平成27年3月実績平均40.1時間→目標(平成30年度)32時間以内)';
    const at = (v: string) => around(kpi, v);
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
  it('reads a result said of the value, and a target labelling the next figure, as no target', () => {
    const at = around;
    const cases = [
      ['令和5年度の申請件数は実績120件(目標100件)であった。', '120件'],
      ['目標を上回る120件を達成した。', '120件'],
      ['目標値100件に対し、120件となった。', '120件'],
      ['目標の9割に当たる90件にとどまった。', '90件'],
      ['令和5年度の目標達成率は95%であった。', '95%'],
      ['見込みより少ない80件となった。', '80件'],
      ['KPIである利用率は令和5年度に62%となった。', '62%'],
    ] as const;
    for (const [text, v] of cases) expect(givenAsPlan('', ...at(text, v)), text).toBe(false);
    expect(givenAsPlan('', ...at('目標値100件に対し、120件となった。', '100件'))).toBe(true);
  });
  it('reads a label in brackets as starting its own block, and only an indicator block as targets', () => {
    const glued = '【施策目標等の達成又は測定指標の推移に対する寄与の内容】総務省の全国約80拠点の庁舎、約7,000名のユーザをネットワークで接続し';
    const at = (v: string) => around(glued, v);
    expect(givenAsPlan('', ...at('約80拠点'))).toBe(false);
    expect(givenAsPlan('', ...at('約7,000名'))).toBe(false);
    expect(givenAsPlan('【活動指標(アウトプット)】', 'ユーザー数約7,000人:', '(平成30年度)')).toBe(true);
  });
  it('takes a whole line in lenticular brackets as a block label', () => {
    expect(BLOCK_LABEL.test('【成果指標(アウトカム)】')).toBe(true);
    expect(BLOCK_LABEL.test('【成果指標】・満足度調査平均点:75%')).toBe(false);
  });
});
