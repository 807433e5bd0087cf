// The answer opened with the value asked for: the value the model believes in most among those not
// shown in a layout of their own, from OPEN_SHARE of its belief (the model's threshold), quoted with
// its sentence or, in a long sentence, its clause, and cited. The passage's own text, never a figure
// of ours. Split from direct.ts (which chooses the value) in session 17.
import { type Candidate, type DirectModel, VALUE, bestCandidate } from './direct.ts';
import type { Lines } from './lines.ts';
import type { Sentence } from './scoring.ts';
import { clean } from './sentences.ts';

/** Sentences longer than this are quoted around the value only. */
const LONG_SENTENCE = 160;

/** The clause of a sentence that holds the value: between the 、。 around it, at least 16 characters. */
export function clauseOf(text: string, index: number, length: number): string {
  let start = index;
  let end = index + length;
  while (start > 0 && !(/[、。]/u.test(text[start - 1]!) && index - start >= 8)) start--;
  while (end < text.length && !/[。]/u.test(text[end]!) && !(/[、]/u.test(text[end]!) && end - index >= 16)) end++;
  return text.slice(start, end).trim();
}

/**
 * The value that opens the answer, when the model is sure enough of it: the best of the values that
 * are not in a table row, a step or a list item (those are shown in their layout, where the value
 * is read with its neighbours), with its share of the model's belief.
 */
export function directValue(question: string, all: Sentence[], model: DirectModel, earlier: string): Candidate | null {
  return directOpening(question, all, model, earlier)?.c ?? null;
}

/** The opening value (directValue) with the model's share of belief in it. */
export function directOpening(question: string, all: Sentence[], model: DirectModel, earlier = ''): { c: Candidate; p: number } | null {
  const best = bestCandidate(question, all, model, ({ s: x }) => !(x.row || x.step !== null || x.bullet || x.fragment), earlier);
  return best && best.p >= model.threshold ? best : null;
}

/**
 * The model's share of belief in the opening value from which that value's quote is the whole
 * answer. Below it, the sentences composed after the opening stay: they hold the fact when the
 * opening is wrong. Measured on the development sets leaving one document out (session 19), the
 * answers shortened and the facts they lost: from 0.4, 131 and 10; 0.5, 103 and 3; 0.6, 86 and 2;
 * 0.7, 67 and 1.
 */
export const SURE_OPENING = 0.5;

/**
 * How many of the answer's lines the opening (directOpening) is when the model is sure of its value
 * (SURE_OPENING): its record and row, or its sentence; 0 when it is not sure or opens nothing.
 */
export function sureOpeningLines(best: { c: Candidate; p: number } | null): number {
  if (!best || best.p < SURE_OPENING) return 0;
  return leadsWithRecord(best.c) && clean(best.c.s.text).length <= LONG_SENTENCE ? 2 : 1;
}

/** A value in a row of figures labelled by years (「R5年度:2313件 → R6年度:3107件」), which leads with its own label. */
export function leadsWithRecord(c: Candidate): boolean {
  return c.record !== null && c.record.length <= 30 && (clean(c.s.text).match(VALUE)?.length ?? 0) >= 3;
}

/**
 * Opens the answer with the value asked for, when the model is sure enough: the clause that holds
 * it, cited (「R6年度までに13府省庁がGSS導入済[1]」). The passage's own text, never a figure of ours.
 * True when it did.
 */
export function writeDirect(out: Lines, question: string, all: Sentence[], model: DirectModel, earlier = ''): boolean {
  const c = directValue(question, all, model, earlier);
  if (!c) return false;
  const { s } = c;
  const text = clean(s.text);
  // A value in a row of figures labelled by years opens with its own label (「R6年度:3107件」), and
  // the row follows.
  if (leadsWithRecord(c)) {
    out.text(`${c.record}[${s.n}]`);
    if (text.length <= LONG_SENTENCE) out.sentence(s);
    return true;
  }
  // A sentence of ordinary length is quoted whole (a clause cut at 、 lost what followed it); a
  // long one, often a table flattened by PDF extraction, around the value, and not again whole: a
  // blind reader found the excerpt followed by its whole sentence repetitive (session 10: loo.json
  // fact −1, where the clause held another figure of the sentence than the one asked).
  if (text.length <= LONG_SENTENCE) {
    out.sentence(s);
    return true;
  }
  out.quote(s, `…${clauseOf(text, c.index, c.value.length).replace(/[、。]$/u, '')}…`);
  return true;
}
