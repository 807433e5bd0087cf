import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/ingest/types.ts';
import { chunkPhrases, phraseScores, questionPhrases } from '../../src/retrieval/phrasing.ts';
import { phraseTerms } from '../../src/text/tokenize.ts';

const chunk = (id: string, text: string): Chunk => ({ id, source: 'd.txt', title: '資料', kind: 'guideline', section: '', page: null, text, effectiveFrom: null, effectiveTo: null, ordinal: 0 });

describe('phrasing', () => {
  it('reads every script as character bigrams, a lone character for a one-character run', () => {
    expect(phraseTerms('出さなくて済む、Ａ')).toEqual(['出さ', 'さな', 'なく', 'くて', 'て済', '済む', 'a']);
  });
  it('scores the candidate phrased like the question first, relative to the best (0–1)', () => {
    const a = chunk('a', '一度提出した情報は、二度提出することを不要とする(ワンスオンリー)。');
    const b = chunk('b', '情報システムの運用経費を削減する。');
    const stats = { df: Object.fromEntries(questionPhrases('同じ情報を二度提出しなくて済む原則は').map((t) => [t, 1])), docCount: 10, avgLength: 30 };
    const s = phraseScores('同じ情報を二度提出しなくて済む原則は', [a, b], stats);
    expect(s.get('a')).toBe(1);
    expect(s.get('b')!).toBeLessThan(1);
    expect(s.get('b')!).toBeGreaterThanOrEqual(0);
  });
  it('counts a chunk as searched: its title and section too, each bigram once', () => {
    const { terms, length } = chunkPhrases({ ...chunk('c', 'ああ'), title: 'いい', section: '' });
    expect(terms.sort()).toEqual(['ああ', 'いい']);
    expect(length).toBe(2);
  });
});
