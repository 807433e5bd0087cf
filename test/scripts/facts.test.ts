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
});
