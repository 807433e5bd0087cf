import { describe, expect, it } from 'vitest';
import { checkCitations } from '../../src/answer/citations.ts';

describe('checkCitations', () => {
  it('keeps valid markers, removes invalid ones, normalizes full-width brackets and repeats', () => {
    const r = checkCitations('Aです[1][1]。Bです【2】。Cです[7]。', new Set([1, 2]));
    expect(r).toEqual({ text: 'Aです[1]。Bです[2]。Cです。', used: [1, 2], removed: 1 });
  });
});
