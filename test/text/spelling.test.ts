import { describe, expect, it } from 'vitest';
import { SpellingIndex } from '../../src/text/spelling.ts';

function bigramsOf(words: string[]): Array<[string, number]> {
  const df = new Map<string, number>();
  for (const w of words) {
    const c = [...w];
    for (let i = 0; i + 1 < c.length; i++) df.set(c[i]! + c[i + 1]!, (df.get(c[i]! + c[i + 1]!) ?? 0) + 1);
  }
  return [...df];
}

describe('SpellingIndex', () => {
  const index = new SpellingIndex(bigramsOf(['経路検索', '検索結果', '宿泊税', '宿泊費', '庶務担当', '担当者']));
  it('replaces the one wrong character that breaks known bigrams', () => {
    expect(index.corrections('経路剣索のボタン')).toEqual(['経路検索']);
    expect(index.corrections('宿拍税を取られた')).toEqual(['宿泊税']);
    expect(index.corrections('庶務淡当です')).toEqual(['庶務担当']);
  });
  it('leaves known words and two-character words alone', () => {
    expect(index.corrections('経路検索と宿泊費')).toEqual([]);
    expect(index.corrections('天付')).toEqual([]);
  });
});

describe('SpellingIndex across scripts', () => {
  it('does not take the border of a kanji word and a katakana word for a typo (確認タブ)', () => {
    const bigrams = new Map<string, number>([['確認', 5], ['認証', 3], ['確化', 1], ['化タ', 1], ['タブ', 4]]);
    expect(new SpellingIndex(bigrams).corrections('確認タブを開く')).toEqual([]);
  });
});
