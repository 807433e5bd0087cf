// Two runs of eval:seeds compared question by question: verdicts as eval:seeds judges them, moves
// counted per set, changed questions listed, and a blind set's questions counted but never listed.
import { describe, expect, it } from 'vitest';
import { CAUTION_TEXT } from '../../src/answer/declines.ts';
import { compareOutcomes, verdict } from '../../scripts/lib/compare-outcomes.ts';
import type { SeedQuestion } from '../../scripts/lib/evaluate-seeds.ts';

const answerable: SeedQuestion & { answer?: string[] } = { id: 'a1', q: '定員は何人？', expect: ['定員:1,200人(平成30年度)'], answer: ['1,200人'] };
const nearMiss: SeedQuestion & { answer?: string[] } = { id: 'n1', q: '29年度の実績は何人？', expect: [], answerable: false };

describe('compareOutcomes', () => {
  it('judges as eval:seeds does: the short answer stated, missed or declined; a near miss declined, cautioned or answered', () => {
    expect(verdict(answerable, { set: 's', id: 'a1', escalate: false, answer: '定員は1,200人です[1]。' })).toBe('fact');
    expect(verdict(answerable, { set: 's', id: 'a1', escalate: false, answer: '定員は920人です[1]。' })).toBe('miss');
    expect(verdict(answerable, { set: 's', id: 'a1', escalate: true, answer: '1,200人に当たる記載は見つかりませんでした。' })).toBe('declined');
    expect(verdict(nearMiss, { set: 's', id: 'n1', escalate: true, answer: '' })).toBe('near miss declined');
    expect(verdict(nearMiss, { set: 's', id: 'n1', escalate: false, answer: `定員は1,200人です[1]。\n\n${CAUTION_TEXT}` })).toBe('near miss cautioned');
    expect(verdict(nearMiss, { set: 's', id: 'n1', escalate: false, answer: '定員は1,200人です[1]。' })).toBe('near miss answered');
  });
  it('counts the moves per set and lists the changed questions, except a blind set’s', () => {
    const questions = new Map([
      ['dev', new Map([['a1', answerable], ['n1', nearMiss]])],
      ['blind', new Map([['a1', answerable]])],
    ]);
    const before = [
      { set: 'dev', id: 'a1', escalate: false, answer: '定員は920人です[1]。' },
      { set: 'dev', id: 'n1', escalate: true, answer: '見つかりませんでした。' },
      { set: 'blind', id: 'a1', escalate: false, answer: '定員は920人です[1]。' },
    ];
    const after = [
      { set: 'dev', id: 'a1', escalate: false, answer: '定員は1,200人です[1]。' },
      { set: 'dev', id: 'n1', escalate: true, answer: '記載は見つかりませんでした。' },
      { set: 'blind', id: 'a1', escalate: false, answer: '定員は1,200人です[1]。' },
      { set: 'dev', id: 'unknown', escalate: false, answer: '' },
    ];
    const { bySet, changed } = compareOutcomes(before, after, questions, new Set(['blind']));
    expect(Object.fromEntries(bySet.get('dev')!)).toEqual({ 'miss → fact': 1, 'near miss declined': 1 });
    expect(Object.fromEntries(bySet.get('blind')!)).toEqual({ 'miss → fact': 1 });
    expect(changed.map((c) => [c.set, c.id, c.before, c.after, c.textOnly])).toEqual([
      ['dev', 'a1', 'miss', 'fact', false],
      ['dev', 'n1', 'near miss declined', 'near miss declined', true],
    ]);
  });
});
