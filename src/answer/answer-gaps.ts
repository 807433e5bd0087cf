// What an extractive answer fails to give that its question asks for, read from the answer's own
// text: the composer quotes the passages' best lines, and when the question asks which body
// (「どの府省？」) or how many in a counter (「何人参加した」) and those lines name none, the
// passages say that some did, or when, not which or how many. Each gap is named in the decline.
import { askedCounters } from '../text/counters.ts';
import { askedBody } from '../text/entities.ts';
import { prepare } from '../text/tokenize.ts';

/** A count of things in any counter, or of a noun after の (「約60のシステム」): what 「何件」 asks, counting items of any kind (not 「第7章」「3条」, nor an amount in 「760百万円」). */
const ITEMS_COUNTED = /(?<!第\s*)(?<![\d,.])\d[\d,.]*\s*の?\s*(?![年月日円百千万億兆章節条項号頁])[\p{Script=Han}\p{Script=Katakana}]/u;

/** Hours given as a range of the clock (「8時00分から20時00分まで」「9:00~17:00」): what 「何時間」 may be answered by. */
const CLOCK_RANGE = /\d{1,2}\s*(?:時|:)\s*\d{0,2}\s*分?\s*(?:から|~|〜|-|－)\s*\d{1,2}\s*(?:時|:)/u;

/**
 * The gaps of an answer to a question, each as a decline names it:
 * - the kind of body asked which of (text/entities.ts), when the answer names none of that kind,
 *   only the kind itself (「各府省…一部低調府省」 for 「一番低い府省はどこ？」) or a body the question names;
 * - the counters a number is asked in (text/counters.ts), when the answer gives no figure in any
 *   (a date and an office for 「何人参加した」); 「何件」 counts items of any kind (「約60のシステム」).
 */
export function answerGaps(question: string, answer: string): string[] {
  const body = askedBody(question);
  if (body && body.named(answer).length === 0) return [body.label];
  const p = prepare(question);
  const counters = askedCounters(p);
  const text = prepare(answer);
  const held = (c: { label: string; holds: RegExp }) =>
    c.holds.test(text) || (/^何\s*件/u.test(c.label) && ITEMS_COUNTED.test(text)) || (/^何\s*時間/u.test(c.label) && CLOCK_RANGE.test(text));
  if (counters.length > 0 && !counters.some(held)) return counters.map((c) => c.label);
  return [];
}
