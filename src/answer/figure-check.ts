// A model's answer may state only figures its cited passages print: a sentence with a number that
// none of the passages it cites holds (a figure computed, remembered or misread) is removed. The
// built-in answer quotes, so it never loses a sentence here; an LLM's may.
import { compactForMatch } from '../text/normalize.ts';

const MARKER = /\[(\d{1,3})\]/g;

/**
 * The numbers of a text, as compared: NFKC, no thousands separators, whole numbers only (「5000」 is
 * not in 「15,000」); spaces inside a line do not separate digits (「約 3.6倍」), line breaks do
 * (「約248億円1」 then 「2027年」 on the next line are two numbers).
 */
export function numbersOf(text: string): string[] {
  return compactForMatch(text.replace(/\n/g, '、')).replace(/(\d),(?=\d{3})/g, '$1').match(/(?<![\d.])\d+(?:\.\d+)?(?![\d.])/g) ?? [];
}

/** A step's or list item's own number at the start of a line (「1. 」「2) 」): numbering, no figure. */
const ITEM_NUMBER = /^([ \t]*)\d{1,2}[.)．][ \t]+/gmu;

/** The numbers of a sentence that none of the passages it cites ([n]) prints. */
export function unsupportedFigures(sentence: string, passages: ReadonlyMap<number, string>): string[] {
  // Without item numbers, in the answer and in the passages, which would otherwise read as one
  // figure with what follows them (「1. 2027年6月までの…」 as 1.2027).
  const figures = numbersOf(sentence.replace(ITEM_NUMBER, '$1').replace(MARKER, ' '));
  if (figures.length === 0) return [];
  const printed = new Set([...sentence.matchAll(MARKER)].flatMap((m) => numbersOf((passages.get(Number(m[1])) ?? '').replace(ITEM_NUMBER, '$1'))));
  return figures.filter((f) => !printed.has(f));
}

/** Sentences of an answer: each ends at 。！？ or a line break (the break stays with it). */
export function answerSentences(text: string): string[] {
  return text.match(/[^。！？\n]*(?:[。！？]+(?:[ \t]*\[\d{1,3}\])*|\n|$)/g)?.filter((s) => s !== '') ?? [];
}

/**
 * The answer's cited units: a sentence with its markers, together with the sentences before it in
 * the same line that have none (「…運用を開始。遺失届の提出…が可能に[1]。」 is one quote of
 * passage 1). A line's sentences without any marker form a unit of their own.
 */
export function citedUnits(text: string): string[] {
  const units: string[] = [];
  let current = '';
  for (const s of answerSentences(text)) {
    current += s;
    if (MARKER.test(s) || s.endsWith('\n')) {
      units.push(current);
      current = '';
    }
    MARKER.lastIndex = 0;
  }
  if (current !== '') units.push(current);
  return units;
}

/** The answer without its cited units that state figures their cited passages do not hold. */
export function dropUnsupportedFigures(text: string, passages: ReadonlyMap<number, string>): { text: string; dropped: string[] } {
  const dropped: string[] = [];
  const kept = citedUnits(text).filter((s) => {
    const bad = unsupportedFigures(s, passages);
    if (bad.length > 0) dropped.push(s.trim());
    return bad.length === 0;
  });
  return { text: kept.join('').replace(/\n{3,}/g, '\n\n').trim(), dropped };
}
