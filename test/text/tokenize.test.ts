import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../src/text/lexicon.ts';
import { BIGRAM_PREFIX, bigrams, documentTerms, prepare, queryTerms, whitespaceTerms, words } from '../../src/text/tokenize.ts';

describe('tokenization', () => {
  it('segments Japanese into content words without particles', () => {
    const w = words(prepare('出張から戻ったら旅費の精算はどう請求しますか'));
    expect(w).toEqual(expect.arrayContaining(['出張', '旅費', '精算', '請求']));
    expect(w).not.toContain('の');
    expect(w).not.toContain('から');
  });
  it('adds character bigrams of kanji and katakana runs', () => {
    expect(bigrams(prepare('宿泊手当'))).toEqual([`${BIGRAM_PREFIX}宿泊`, `${BIGRAM_PREFIX}泊手`, `${BIGRAM_PREFIX}手当`]);
  });
  it('folds 清算 to 精算, kana readings to kanji, and digit commas', () => {
    expect(canonicalize('旅費の清算とりょうしゅうしょ')).toBe('旅費の精算と領収書');
    expect(canonicalize('領収書を添附できない')).toBe('領収書を添付できない');
    // 何 with a counter typed in kana asks a number in that counter; なんか + いい does not.
    expect(canonicalize('パスワードなんかい間違えたら')).toBe('パスワード何回間違えたら');
    expect(canonicalize('なんにち前までに')).toBe('何日前までに');
    expect(canonicalize('なんかいい方法ある？')).toBe('なんかいい方法ある？');
    // Only where the counter ends a word, after something that is not hiragana or after a particle.
    for (const plain of ['なんかいつもエラーになる', '書類ってなんかいる？', 'なんかいきなりログアウトされた', 'どうなんねん']) expect(canonicalize(plain)).toBe(plain);
    expect(canonicalize('パスワードってなんかい間違えると')).toBe('パスワードって何回間違えると');
    expect(canonicalize('なんねんどから宿泊手当が出る？')).toBe('何年度から宿泊手当が出る？');
    expect(canonicalize('なんかげつ以内')).toBe('何ヶ月以内');
    expect(documentTerms('2,400円')).toContain('2400');
  });
  it('expands everyday words in questions only', () => {
    expect(queryTerms('ホテル代のレシート')).toEqual(expect.arrayContaining(['~宿泊', '~泊費', '~領収', '~収書']));
    expect(documentTerms('レシート')).not.toContain('~領収');
  });
  it('maps everyday names for people and legs of a trip to the manuals’ terms', () => {
    expect(queryTerms('委員の先生の帰りの新幹線')).toEqual(expect.arrayContaining(['委員', '講師', '復路']));
    expect(queryTerms('超えた分は自腹？')).toEqual(expect.arrayContaining(['自己', '負担', '~己負']));
  });
  it('whitespace baseline keeps a Japanese sentence as one token', () => {
    expect(whitespaceTerms('旅費の精算はどうしますか')).toHaveLength(1);
  });
});
