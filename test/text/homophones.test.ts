import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devoice, HomophoneIndex, kanjiReadings, readingsOf } from '../../src/text/homophones.ts';
import { SpellingIndex } from '../../src/text/spelling.ts';
import type { ReadingTable } from '../../src/text/readings.ts';

// A corpus in miniature: its reading table, and in how many chunks each kanji string occurs.
const table: ReadingTable = {
  てんぷ: ['添付'],
  しつもん: ['質問'],
  けっせき: ['欠席'],
  しょうめい: ['証明'],
  ぜんがく: ['全額'],
  ぜんかく: ['全角'],
  はいし: ['廃止'],
  ぶしょ: ['部署'],
  いどう: ['移動', '異動'],
  こうにゅう: ['購入'],
  ばんごう: ['番号'],
  もうしこみ: ['申込み'],
  けっこう: ['欠航'],
};
const df: Record<string, number> = {
  添付: 149, 質問: 157, 欠席: 3, 証明: 19, 全額: 2, 全角: 6, 廃止: 22, 部署: 25, 移動: 43, 異動: 11, 購入: 8, 番号: 30, 申込: 40, 欠航: 1,
};
const index = new HomophoneIndex(table, (w) => df[w] ?? 0);

describe('readingsOf', () => {
  it('joins the kanji readings with sokuon and voicing after ん', () => {
    expect(readingsOf('欠席')).toContain('けっせき');
    expect(readingsOf('学校')).toContain('がっこう');
    expect(readingsOf('添付')).toContain('てんぷ');
    expect(readingsOf('天付')).toContain('てんぷ');
  });
  it('does not voice a one-kana reading after other kana (日誌 is not にちじ)', () => {
    expect(readingsOf('日誌')).toContain('にっし');
    expect(readingsOf('日誌')).not.toContain('にちじ');
  });
  it('is empty for a kanji the table does not know', () => {
    expect(readingsOf('天付', { 天: ['てん'] })).toEqual([]);
  });
});

describe('HomophoneIndex', () => {
  it('offers the common corpus word of the same reading that shares a kanji in place', () => {
    expect(index.corrections('両方に天付しなきゃだめ')).toEqual(['添付']);
    expect(index.corrections('チャットにうまく質門するコツ')).toEqual(['質問']);
    expect(index.corrections('委員さんが欠石だったとき')).toEqual(['欠席']);
    expect(index.corrections('理由の照明ってどうすれば')).toEqual(['証明']);
    expect(index.corrections('配止になった')).toEqual(['廃止']);
    expect(index.corrections('隣の部所に')).toEqual(['部署']);
  });
  it('keeps voiced and voiceless readings apart (全学 is 全額, not 全角)', () => {
    expect(index.corrections('全学出る')).toEqual(['全額']);
  });
  it('reads a kanji word with its okurigana', () => {
    expect(index.corrections('申混みはどこ')).toEqual(['申込み']);
  });
  it('leaves words the corpus knows alone, even with a more frequent homophone', () => {
    expect(index.corrections('添付して質問する')).toEqual([]);
    expect(index.corrections('異動になった')).toEqual([]);
    expect(index.corrections('移動になった')).toEqual([]);
  });
  it('offers only words common in the corpus', () => {
    // 欠航 occurs in one chunk only.
    expect(index.corrections('欠講になった')).toEqual([]);
    expect(new HomophoneIndex(table, (w) => df[w] ?? 0, kanjiReadings, { minCandidateDf: 1 }).corrections('欠講になった')).toEqual(['欠航']);
  });
  it('does not read across a word the corpus knows (号入 of 番号入れ is no 購入)', () => {
    expect(index.corrections('番号入れても')).toEqual([]);
  });
  it('offers nothing without a reading table', () => {
    expect(new HomophoneIndex({}, () => 0).corrections('天付')).toEqual([]);
  });
});

describe('SpellingIndex with a reading table', () => {
  const bigrams: Array<[string, number]> = Object.entries(df).filter(([w]) => w.length === 2);
  it('corrects two-character words by reading, which bigram context cannot', () => {
    expect(new SpellingIndex(bigrams).corrections('天付')).toEqual([]);
    expect(new SpellingIndex(bigrams, table).corrections('両方に天付しなきゃ')).toEqual(['添付']);
    expect(new SpellingIndex(bigrams, table).corrections('添付する')).toEqual([]);
  });
  it('estimates a string\'s document frequency from its rarest bigram', () => {
    const s = new SpellingIndex([['源泉', 18], ['泉徴', 17], ['徴収', 30]]);
    expect(s.documentFrequency('源泉')).toBe(18);
    expect(s.documentFrequency('源泉徴収')).toBe(17);
    expect(s.documentFrequency('源線')).toBe(0);
  });
});

describe('kanji-readings.json (npm run build:kanji-readings)', () => {
  const url = new URL('../../src/text/kanji-readings.json', import.meta.url);
  const raw = readFileSync(url, 'utf8');
  const data = JSON.parse(raw) as Record<string, string[]>;
  it('is small and maps single kanji to hiragana readings', () => {
    expect(Buffer.byteLength(raw)).toBeLessThan(150 * 1024);
    const keys = Object.keys(data);
    expect(keys.length).toBeGreaterThan(2000);
    for (const k of keys) {
      expect(k).toMatch(/^\p{Script=Han}$/u);
      expect(data[k]!.length).toBeGreaterThan(0);
      expect(data[k]!.length).toBeLessThanOrEqual(6);
      for (const r of data[k]!) expect(r).toMatch(/^[\p{Script=Hiragana}ー]+$/u);
    }
    expect(kanjiReadings).toEqual(data);
  });
  it('holds the common readings of known kanji, including those IPADIC has no entry for alone', () => {
    expect(data['添']).toContain('てん');
    expect(data['警']).toContain('けい');
    expect(data['付']).toContain('ふ');
    expect(data['席']).toContain('せき');
    expect(data['質']).toContain('しつ');
    expect(data['問']).toContain('もん');
    expect(data['証']).toContain('しょう');
    expect(data['担']).toContain('たん');
  });
});

describe('devoice', () => {
  it('removes voicing marks', () => {
    expect(devoice('てんぷ')).toBe('てんふ');
    expect(devoice('がっこう')).toBe('かっこう');
  });
});
