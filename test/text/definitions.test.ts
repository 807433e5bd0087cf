import { describe, expect, it } from 'vitest';
import { definedTerm, defines } from '../../src/text/definitions.ts';
import { prepare } from '../../src/text/tokenize.ts';

describe('definitions', () => {
  it('reads the term a question asks the meaning of', () => {
    expect(definedTerm(prepare('費用対効果でいう「効果」ってどういう意味？'))).toBe('効果');
    expect(definedTerm(prepare('PMOって何の略？'))).toBe('pmo');
    expect(definedTerm(prepare('ワンスオンリーとはどういう原則ですか'))).toBe('ワンスオンリー');
    expect(definedTerm(prepare('効果はいくらでしたか'))).toBeNull();
    expect(definedTerm(prepare('e-Taxとは何ですか'))).toBe('e-tax');
  });
  it('reads no definition asked in a count, a how-to or 「とは別に」', () => {
    for (const q of ['出張申請って何日前までに出せばいい？', '日当って何円？', 'PMOって何人いる？', '経費精算ってどうやるの？', '予定とは違う経路で出張した場合は？', '申請とは別に領収書は必要ですか'])
      expect(definedTerm(prepare(q))).toBeNull();
    expect(defines(prepare('概算払とは別に精算が必要です。'), '概算払')).toBe(false);
  });
  it('knows a line that defines the term by its glossary form, not one that merely names it', () => {
    expect(defines(prepare('「効果」…システムの整備によって創出される利益を金額換算したもの。'), '効果')).toBe(true);
    expect(defines(prepare('- ②ワンスオンリー:一度提出した情報は、二度提出することを不要とする'), 'ワンスオンリー')).toBe(true);
    expect(defines(prepare('※ PMO(Program Management Office 府省全体管理組織)'), 'pmo')).toBe(true);
    expect(defines(prepare('デジタルインフラとは、「政府全体で共通的に利用するシステム、基盤、機能等」'), 'デジタルインフラ')).toBe(true);
    expect(defines(prepare('効果の最大化に向け、各府省庁は取り組んでいる'), '効果')).toBe(false);
    expect(defines(prepare('PMOの体制を強化する'), 'pmo')).toBe(false);
  });
});
