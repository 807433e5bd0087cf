// Whether an answer's text states a fact: the fact's phrase, as the document prints it, appears in
// the answer with the citation markers taken out, compared without spaces and after NFKC.
import { compactForMatch } from '../../src/text/normalize.ts';

/** The answer's text as compared with a document's phrases: no [n] markers, no spaces, NFKC. */
export function comparable(text: string): string {
  return compactForMatch(text.replace(/\[\d+\]/g, ''));
}

/** True when every phrase appears in the text (in its comparable form). */
export function statesAll(text: string, phrases: string[]): boolean {
  const t = comparable(text);
  return phrases.length > 0 && phrases.every((p) => t.includes(comparable(p)));
}

/** True when some phrase appears in the text (in its comparable form). */
export function statesAny(text: string, phrases: string[]): boolean {
  const t = comparable(text);
  return phrases.some((p) => t.includes(comparable(p)));
}
