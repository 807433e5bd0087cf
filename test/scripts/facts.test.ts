import { describe, expect, it } from 'vitest';
import { statesAll, statesAny } from '../../scripts/lib/facts.ts';

describe('whether an answer states a fact', () => {
  it('finds the phrase across citation markers, spaces and width variants', () => {
    const answer = '本サンプルでは、5回続けて失敗するとロックされます[1]。\n宿泊費基準額: 19,000円[2]';
    expect(statesAll(answer, ['5回続けて失敗するとロックされます。'])).toBe(true);
    expect(statesAll(answer, ['５回続けて', '19,000円'])).toBe(true);
    expect(statesAll(answer, ['5回続けて', '21,000円'])).toBe(false);
    expect(statesAny(answer, ['21,000円', '19,000円'])).toBe(true);
    expect(statesAll(answer, [])).toBe(false);
  });
  it('reads a phrase across the lines an answer lays out as a list, not across other words', () => {
    const listed = '行政管理局行政情報システム企画課長[1]\n・澤田稔一[1]';
    expect(statesAny(listed, ['行政管理局行政情報システム企画課長 澤田 稔一'])).toBe(true);
    expect(statesAny('2024年度末までのGSS移行実績[1]\n・約1,400拠点[1]\n・約42,400ユーザ[1]', ['約1,400拠点 約42,400ユーザ'])).toBe(true);
    expect(statesAny('・約1,400拠点、約42,400ユーザ', ['約1,400拠点 約42,400ユーザ'])).toBe(false);
    expect(statesAny('デジタル・ガバメント', ['デジタルガバメント'])).toBe(false);
  });
});
