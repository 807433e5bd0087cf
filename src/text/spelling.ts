// "Did you mean": a wrong kanji or kana in a question (経路剣索, 宿拍, 天付, 庶務淡当) is found where
// the question's character bigrams are unknown to the corpus, and replaced by the character that
// makes both neighbouring bigrams known (経路剣索 → 経路検索). Japanese typos are mostly a wrong
// character of the same reading, so substitutions are enough; the corpus is the dictionary.
// Two-character words (天付, 欠石), which have too little context for that, are read instead
// (homophones.ts) when the index has a reading table.
import { HomophoneIndex } from './homophones.ts';
import type { ReadingTable } from './readings.ts';

// Kanji runs only: a bigram across a kanji–katakana border (確認タブ → 「認タ」) is unknown to any
// corpus, and only kanji are corrected.
const CONTENT_RUN = /[\p{Script=Han}々]{2,}/gu;

export class SpellingIndex {
  /** Bigram → how many chunks hold it. */
  private readonly df = new Map<string, number>();
  /** First character → bigrams starting with it; last character → bigrams ending with it. */
  private readonly byFirst = new Map<string, string[]>();
  private readonly byLast = new Map<string, string[]>();

  private readonly homophones: HomophoneIndex | null;

  /** Bigrams of the corpus with their document frequencies, and its reading table if any. */
  constructor(bigrams: Iterable<[string, number]>, readings: ReadingTable = {}) {
    for (const [b, n] of bigrams) {
      const chars = [...b];
      if (chars.length !== 2) continue;
      this.df.set(b, n);
      (this.byFirst.get(chars[0]!) ?? this.byFirst.set(chars[0]!, []).get(chars[0]!)!).push(b);
      (this.byLast.get(chars[1]!) ?? this.byLast.set(chars[1]!, []).get(chars[1]!)!).push(b);
    }
    this.homophones = Object.keys(readings).length > 0 ? new HomophoneIndex(readings, (w) => this.documentFrequency(w)) : null;
  }

  /**
   * In how many chunks a string of two or more characters occurs, estimated from its bigrams (the
   * least frequent one; exact for two characters).
   */
  documentFrequency(word: string): number {
    const chars = [...word];
    let min = Infinity;
    for (let i = 0; i + 1 < chars.length; i++) min = Math.min(min, this.df.get(chars[i]! + chars[i + 1]!) ?? 0);
    return min === Infinity ? 0 : min;
  }

  private known(a: string, b: string): boolean {
    return this.df.has(a + b);
  }

  /**
   * Corrected spellings of the kanji runs of a text that hold an unknown bigram, then
   * corpus words that its rare kanji words are homophones of.
   */
  corrections(text: string): string[] {
    const out: string[] = [];
    for (const m of text.matchAll(CONTENT_RUN)) {
      const chars = [...m[0]];
      let changed = false;
      for (let i = 0; i < chars.length; i++) {
        const prev = chars[i - 1];
        const next = chars[i + 1];
        const leftOk = prev === undefined || this.known(prev, chars[i]!);
        const rightOk = next === undefined || this.known(chars[i]!, next);
        if (leftOk && rightOk) continue;
        // Characters that would make every neighbouring bigram known; both neighbours are needed
        // unless the character is at the edge of the run and its only neighbour is unknown.
        // A two-character word has too little context to tell which character is wrong.
        if (chars.length < 3) continue;
        const fromLeft = prev === undefined ? null : new Set((this.byFirst.get(prev) ?? []).map((b) => [...b][1]!));
        const fromRight = next === undefined ? null : new Set((this.byLast.get(next) ?? []).map((b) => [...b][0]!));
        let candidates = fromLeft && fromRight ? [...fromLeft].filter((c) => fromRight.has(c)) : [...(fromLeft ?? fromRight ?? [])];
        candidates = candidates.filter((c) => c !== chars[i] && /\p{Script=Han}/u.test(c));
        if (candidates.length === 0 || (candidates.length > 3 && (prev === undefined || next === undefined))) continue;
        const score = (c: string) => (prev ? (this.df.get(prev + c) ?? 0) : 0) + (next ? (this.df.get(c + next) ?? 0) : 0);
        candidates.sort((a, b) => score(b) - score(a));
        chars[i] = candidates[0]!;
        changed = true;
      }
      if (changed) out.push(chars.join(''));
    }
    for (const w of this.homophones?.corrections(text) ?? []) if (!out.includes(w)) out.push(w);
    return out;
  }
}
