import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/ingest/types.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chunkBigrams, bigramKey, wordingScores, questionBigrams, scanBigrams } from '../../src/retrieval/wording.ts';
import { charBigramTerms } from '../../src/text/tokenize.ts';

const chunk = (id: string, text: string): Chunk => ({ id, source: 'd.txt', title: '資料', kind: 'guideline', section: '', page: null, text, effectiveFrom: null, effectiveTo: null, ordinal: 0 });

describe('phrasing', () => {
  it('reads every script as character bigrams, a lone character for a one-character run', () => {
    expect(charBigramTerms('出さなくて済む、Ａ')).toEqual(['出さ', 'さな', 'なく', 'くて', 'て済', '済む', 'a']);
  });
  it('scores the candidate phrased like the question first, relative to the best (0–1)', () => {
    const a = chunk('a', '一度提出した情報は、二度提出することを不要とする(ワンスオンリー)。');
    const b = chunk('b', '情報システムの運用経費を削減する。');
    const stats = { df: Object.fromEntries(questionBigrams('同じ情報を二度提出しなくて済む原則は').map((t) => [t, 1])), docCount: 10, avgLength: 30 };
    const s = wordingScores('同じ情報を二度提出しなくて済む原則は', [a, b], stats);
    expect(s.get('a')).toBe(1);
    expect(s.get('b')!).toBeLessThan(1);
    expect(s.get('b')!).toBeGreaterThanOrEqual(0);
  });
  it('counts a chunk as searched: its title and section too, each bigram once', () => {
    const { terms, length } = chunkBigrams({ ...chunk('c', 'ああ'), title: 'いい', section: '' });
    expect(terms.sort()).toEqual(['ああ', 'いい']);
    expect(length).toBe(2);
  });
});

describe('bigrams read as numbers', () => {
  it('are the bigrams charBigramTerms writes, in the same number, on every kind of text', () => {
    const texts = [
      '出張旅費の精算は、帰着後1か月以内に行います。',
      '𠮷野家で𠮷と書く、a b c',
      'A.B/C-D　ＥＦ ｶﾅ ①② ⻑官',
      'x',
      '',
      '\u0000x y\u0000',
      readFileSync(fileURLToPath(new URL('../../corpus/faq/faq.md', import.meta.url)), 'utf8').slice(0, 4000),
    ];
    for (const text of texts) {
      const keys: number[] = [];
      const length = scanBigrams(text, (k) => keys.push(k));
      expect(keys).toEqual(charBigramTerms(text).map(bigramKey));
      expect(length).toBe(charBigramTerms(text).length);
    }
    // A lone character and a bigram never share a number (NUL included).
    expect(bigramKey('x')).not.toBe(bigramKey('\u0000x'));
  });
});
