// A model's answer may state only figures its cited passages print: a sentence with a number that
// none of the passages it cites holds (a figure computed, remembered or misread) is removed. The
// built-in answer quotes, so it never loses a sentence here; an LLM's may.
import { compactForMatch } from '../text/normalize.ts';

const MARKER = /\[(\d{1,3})\]/g;

/** Numbers as compared: NFKC, no spaces, no thousands separators. */
function comparableNumbers(text: string): string {
  return compactForMatch(text).replace(/(\d),(?=\d{3})/g, '$1');
}

/** Does the sentence state a number that none of the passages it cites ([n]) holds? */
export function unsupportedFigures(sentence: string, passages: ReadonlyMap<number, string>): string[] {
  const figures = comparableNumbers(sentence.replace(MARKER, ' ')).match(/\d+(?:\.\d+)?/g) ?? [];
  if (figures.length === 0) return [];
  const pool = [...sentence.matchAll(MARKER)].map((m) => comparableNumbers(passages.get(Number(m[1])) ?? '')).join('\n');
  return figures.filter((f) => !pool.includes(f));
}

/** Sentences of an answer: each ends at 。！？ or a line break (the break stays with it). */
export function answerSentences(text: string): string[] {
  return text.match(/[^。！？\n]*(?:[。！？]+(?:\[\d{1,3}\])*|\n|$)/g)?.filter((s) => s !== '') ?? [];
}

/** The answer without its sentences that state figures their cited passages do not hold. */
export function dropUnsupportedFigures(text: string, passages: ReadonlyMap<number, string>): { text: string; dropped: string[] } {
  const dropped: string[] = [];
  const kept = answerSentences(text).filter((s) => {
    const bad = unsupportedFigures(s, passages);
    if (bad.length > 0) dropped.push(s.trim());
    return bad.length === 0;
  });
  return { text: kept.join('').replace(/\n{3,}/g, '\n\n').trim(), dropped };
}
