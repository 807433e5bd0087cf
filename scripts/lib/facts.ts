// Whether an answer's text states a fact: the fact's phrase, as the document prints it, appears in
// the answer with the citation markers and the list bullets opening its lines taken out, compared
// without spaces and after NFKC.
import { compactForMatch } from '../../src/text/normalize.ts';

/** The answer's text as compared with a document's phrases: no [n] markers, no spaces, NFKC. */
export function comparable(text: string): string {
  return compactForMatch(text.replace(/\[\d+\]/g, ''));
}

/**
 * A text as judged for stating a fact: comparable, and without the bullets that open its lines
 * (「・澤田稔一」). An answer lays a heading and the short lines under it out as a list (「作成責任者[1]\n・澤田稔一[1]」);
 * a phrase copied across those lines (「…企画課長 澤田 稔一」) is stated all the same. Since session 12;
 * before, such answers counted as not stating the fact (development sets: 5 answers).
 */
function judged(text: string): string {
  return comparable(text.replace(/^[ \t]*[・•][ \t]*/gmu, ''));
}

/** True when every phrase appears in the text (in its judged form). */
export function statesAll(text: string, phrases: string[]): boolean {
  const t = judged(text);
  return phrases.length > 0 && phrases.every((p) => t.includes(judged(p)));
}

/** True when some phrase appears in the text (in its judged form). */
export function statesAny(text: string, phrases: string[]): boolean {
  const t = judged(text);
  return phrases.some((p) => t.includes(judged(p)));
}
