// Japanese-aware terms for lexical search: dictionary word segmentation (ICU, through
// Intl.Segmenter, available on Node and Workers) plus character bigrams over kanji/katakana runs,
// which survive segmentation differences, compounds and typos.
import { canonicalize, expansionsFor } from './lexicon.ts';
import { normalizeText, splitSentences } from './normalize.ts';
import { memoizeText } from '../lib/memo.ts';

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

// Function words and politeness that carry no topic. Content words are kept even when short.
const STOPWORDS = new Set([
  'の', 'は', 'が', 'を', 'に', 'へ', 'と', 'で', 'や', 'も', 'か', 'ね', 'よ', 'な', 'から', 'まで', 'より',
  'です', 'ます', 'でし', 'まし', 'ませ', 'ん', 'した', 'する', 'し', 'して', 'て', 'た', 'だ', 'いる', 'い',
  'ある', 'あり', 'なる', 'なり', 'こと', 'もの', 'ため', 'よう', 'これ', 'それ', 'あれ', 'この', 'その',
  'あの', 'どう', 'どの', 'どこ', 'なに', '何', 'ください', '下さい', 'たい', 'たら', 'れば', 'ば', 'でき',
  'できる', 'できます', 'られ', 'れる', 'せる', 'さ', 'お', 'ご', 'など', 'について', 'とき', '場合', 'では',
  'には', 'とは', 'けど', 'けれど', 'って', 'なん', 'ので', 'のに', 'でしょ', 'う', 'ら', 'え', 'いい', 'よい',
  'the', 'a', 'an', 'of', 'to', 'and', 'or', 'in', 'is', 'for',
]);

const CONTENT_RUN = /[\p{Script=Han}\p{Script=Katakana}ー々〆]+/gu;
const HAS_CONTENT = /[\p{L}\p{N}]/u;
const OKURIGANA = /\p{Script=Hiragana}/u;

/** Prefix that keeps bigram terms apart from word terms in one vocabulary. */
export const BIGRAM_PREFIX = '~';

/**
 * Text prepared for term extraction: NFKC (circled numbers folded too), variants folded, lower-case Latin, no digit commas.
 * The same passages are prepared for every question that retrieves them (reranking, evidence,
 * the extractive answer), so results are kept in a bounded cache.
 */
export const prepare = memoizeText(
  (text: string): string => canonicalize(normalizeText(text).normalize('NFKC')).toLowerCase().replace(/(\d),(?=\d{3})/g, '$1'),
  { size: 20_000 },
);

/**
 * A passage's sentences, prepared, and all of them joined. Reranking, evidence and the rule for
 * figures read them for every question that retrieves the passage, so they are cached.
 */
export const preparedSentences = memoizeText(
  (text: string): { sentences: readonly string[]; joined: string } => {
    const sentences = splitSentences(prepare(text));
    return { sentences, joined: sentences.join('\n') };
  },
  { size: 20_000, maxLength: 20_000 },
);

/** Dictionary words of the text, without function words. */
export function words(prepared: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(prepared)) {
    if (!s.isWordLike) continue;
    const w = s.segment;
    if (!HAS_CONTENT.test(w) || STOPWORDS.has(w)) continue;
    if (w.length === 1 && /\p{Script=Hiragana}/u.test(w)) continue;
    out.push(w);
  }
  return out;
}

/** Bigrams (and lone characters) of the kanji/katakana runs of the text. */
export function bigrams(prepared: string): string[] {
  const out: string[] = [];
  for (const m of prepared.matchAll(CONTENT_RUN)) {
    const chars = [...m[0]];
    const next = prepared[(m.index ?? 0) + m[0].length] ?? '';
    // A lone kanji followed by kana is a verb or adjective stem (出た, 見る): its word term is
    // enough; a second, character term would double-count it.
    if (chars.length === 1 && !OKURIGANA.test(next)) out.push(BIGRAM_PREFIX + chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.push(BIGRAM_PREFIX + chars[i] + chars[i + 1]);
  }
  return out;
}

/** All lexical terms of a document text (with repeats, for term frequency). */
export function documentTerms(text: string): string[] {
  const p = prepare(text);
  return [...words(p), ...bigrams(p)];
}

/**
 * Lexical terms of a question, including manual terms implied by everyday words. Retrieval, the
 * scoring of sentences and the value model all read them for the same question: kept for the last
 * few hundred texts (shared: read only).
 */
export const queryTerms: (question: string) => readonly string[] = memoizeText(
  (question: string): readonly string[] => {
    const p = prepare(question);
    const expanded = expansionsFor(p).join(' ');
    return [...words(p), ...bigrams(p), ...words(expanded), ...bigrams(expanded)];
  },
  { size: 512 },
);

/**
 * Character bigrams of every run of letters and digits (hiragana too), NFKC and lower-case, a
 * lone character for a one-character run: how a question is phrased, particles and verb endings
 * included (「出さなくて済む」), which the word and kanji-bigram terms above leave out. The wording
 * signal of retrieval (wording.ts), and the analyzer of the character-bigram BM25 baseline.
 */
export function charBigramTerms(text: string): string[] {
  const out: string[] = [];
  for (const run of normalizeText(text).normalize('NFKC').toLowerCase().split(/[\s\p{P}\p{S}]+/u)) {
    const chars = [...run];
    if (chars.length === 1) out.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** Whitespace tokenization as general-purpose JS search libraries do by default (a baseline). */
export function whitespaceTerms(text: string): string[] {
  return normalizeText(text).toLowerCase().split(/[\s\p{P}]+/u).filter((t) => t.length > 0);
}
