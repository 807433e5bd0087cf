import { describe, expect, it } from 'vitest';
import { expansionsFor } from '../../src/text/lexicon.ts';
import { BIGRAM_PREFIX, queryTerms } from '../../src/text/tokenize.ts';

describe('lexicon', () => {
  it('reads the short name of a government body or shared system as the name documents print', () => {
    expect(expansionsFor('厚労省のR2基準額は？')).toEqual(['厚生労働省']);
    expect(expansionsFor('国交省とガバクラ')).toEqual(['国土交通省', 'ガバメントクラウド']);
    // The full name's terms join the question's, so a table row 「厚生労働省 182,621 …」 is found.
    expect(queryTerms('厚労省の実績額は？')).toContain(`${BIGRAM_PREFIX}労働`);
  });
  it('adds nothing to a question that already uses the full name', () => {
    expect(expansionsFor('ガバメントクラウドの利用料は？')).toEqual([]);
    expect(expansionsFor('厚生労働省の実績額は？')).toEqual([]);
  });
  it('looks up words in Latin letters as the prepared question spells them', () => {
    expect(expansionsFor('jrで出張した')).toContain('鉄道賃');
    expect(expansionsFor('suicaで払った')).toContain('ICカード');
    // As whole words only: 「ict」 holds no 「ic」.
    expect(expansionsFor('ict人材育成の研修')).toEqual([]);
  });
});
