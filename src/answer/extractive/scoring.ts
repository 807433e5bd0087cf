// Sentences of the numbered passages scored against the question: the question's terms a sentence
// carries (rarer terms weigh more; an earlier turn's at 0.4; the heading's at half where the
// sentence lacks them), discounted by its passage's rank, with the kind of fact asked for and the
// items of a list counting for it, and examples against it; and the sentence that leads.
import { askedTypes } from '../../text/answer-types.ts';
import { definedTerm, defines } from '../../text/definitions.ts';
import { askedFields, fieldOf } from '../../text/fields.ts';
import { codesIn } from '../../text/codes.ts';
import { prepare, queryTerms, words } from '../../text/tokenize.ts';
import type { PromptPassage } from '../prompt.ts';
import { type PassageSentence, clean, passageSentences, termSet } from './sentences.ts';

/**
 * How much less a sentence of the next passage down counts. The retriever's order already weighs
 * where the question's terms meet (one sentence, the heading): at 0.15 the lead sentence came from
 * a lower passage often enough that it cited an expected passage for 0.730 of the answered golden
 * test-half questions while the top passage was an expected one for 0.778; at 0.5 the two agree
 * (dev half 0.802 → 0.810; `npm run eval` prints it as the answer's lead accuracy). Applied once
 * per rank (1, 0.5, 0.25 …): until session 4 it was subtracted per rank (1, 0.5, 0, −0.5 …), so
 * that no sentence of the third passage or below could support an answer (a seed question's
 * figure, 「計33人が定員措置」, was in the fourth).
 */
const RANK_DISCOUNT = 0.5;

/**
 * A question asking for every item of a list: sentences naming several items are preferred, and
 * no row it happens to name is shown alone.
 */
export const ASKS_ALL = /一覧|全部|ぜんぶ|すべて|全て|どんな|どれ(?!くらい|ぐらい|だけ|ほど)|何と何|それぞれ|列挙/u;

export interface Sentence extends PassageSentence {
  n: number;
  /** Position of the passage among those given (0 = best ranked). */
  rank: number;
  score: number;
  /** Share of the question's term weight the sentence carries, before its passage's rank counts. */
  support: number;
}

/**
 * How well, relative to an example, another sentence must be supported to lead instead. At 0.5 an
 * example that fits the question's own case (「区分5の職員が鉄道で片道40kmの…日帰り」 for that
 * question) lost the lead; from 0.6 to 0.8 it keeps it, while a general example (「例:用務区分
 * 「会議出席」…」 for 「用務内容 どこまで詳しく」) gives way.
 */
const EXAMPLE_YIELDS = 0.7;

/** An example (「例: …」「例えば、…」). */
function isExample(s: Sentence | undefined): boolean {
  return s !== undefined && /^例えば/u.test(clean(s.text));
}

/** What a sentence that lists the items asked for (「…の費用をぜんぶ」) gains, as a sentence holding the kind of fact asked for does. */
const LIST_BOOST = 0.15;

/** A sentence naming four or more items (three 、 or ・ between them): 「予防接種の費用、旅券の交付手数料、査証の取得手数料、…」. */
function enumerates(sentence: string): boolean {
  return sentence.split(/[、・]/u).filter((x) => x.trim().length >= 2).length >= 4;
}

/**
 * What a header field of the kind asked (「2.場所オンライン開催」 for 「どこで開催？」, text/fields.ts)
 * gains: it shares none of the question's words but the kind of fact, while the title line above
 * it shares them all. At 0.3 the date fields led and the venue did not (the title line still led);
 * 0.5 lets both lead, with no answer lost on the development sets.
 */
const FIELD_BOOST = 0.5;

/**
 * What the line defining the term a question asks about gains (「「効果」…システムの整備によって…
 * 金額換算したもの。」 for 「「効果」ってどういう意味？」): slides and reports define their terms in a
 * glossary line, a colon, 「とは」 or an abbreviation's expansion, a line that shares only the term
 * with the question. Development seed sets at 0.5: facts +2 (fourth, fifth); at 1: +3 (third too),
 * and loo's 「SLAって何の略」 led by 「SLA(Service Level Agreement …)」; no answer lost.
 */
const DEFINITION_BOOST = 1;

/** What a table header's term counts for its rows, against one the row carries itself (as a passage heading's). */
const TABLE_HEADER = 0.5;

function answerTypeBoost(question: string, sentence: string): number {
  return askedTypes(question).filter((t) => t.holds.test(sentence)).length * 0.15;
}

/** Scores every sentence by the question's terms it carries (rarer terms weigh more). */
export function scoreSentences(question: string, history: string[], passages: PromptPassage[]): Sentence[] {
  // The answerer scores a question's passages twice (the decline check, then the composition, which
  // reads them back from the prompt): the last few results are kept. Results are shared: read only.
  const key = [question.replace(/\s+/g, ' ').trim(), history.join('\u0002'), ...passages.map((p) => `${p.n}\u0002${p.label}\u0002${p.text.trim()}`)].join('\u0001');
  const hit = recent.get(key);
  if (hit) return hit;
  const out = score(question, history, passages);
  if (recent.size >= 8) recent.delete(recent.keys().next().value!);
  recent.set(key, out);
  return out;
}

const recent = new Map<string, Sentence[]>();

function score(question: string, history: string[], passages: PromptPassage[]): Sentence[] {
  const all = passages.flatMap((p, rank) => passageSentences(p.text).map((s) => ({ ...s, n: p.n, rank, score: 0, support: 0 })));
  const qTerms = new Set(queryTerms(question));
  const ctxTerms = new Set(history.flatMap((h) => queryTerms(h)).filter((t) => !qTerms.has(t)));
  const df = new Map<string, number>();
  for (const s of all) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const weight = (t: string) => (t.startsWith('~') ? 1 : 2) * Math.log(1 + all.length / (1 + (df.get(t) ?? 0)));
  let qMass = 0;
  for (const t of qTerms) qMass += weight(t);
  // A passage's heading speaks for all its sentences (an error code or FAQ question is often
  // only in the heading): its matching terms count at half weight where a sentence lacks them.
  const labelTerms = new Map(passages.map((p) => [p.n, termSet(p.label)]));
  const codes = new Set(codesIn(prepare(question)));
  const asksList = ASKS_ALL.test(question);
  const fields = askedFields(prepare(question));
  const defined = definedTerm(prepare(question));
  for (const s of all) {
    let m = 0;
    for (const t of s.terms) {
      if (qTerms.has(t)) m += weight(t);
      else if (ctxTerms.has(t)) m += 0.4 * weight(t);
    }
    const label = labelTerms.get(s.n);
    for (const t of label ?? []) if (qTerms.has(t) && !s.terms.has(t)) m += (codes.has(t) ? 1 : 0.5) * weight(t);
    // A table's header names what a row's figures are: its terms count for the row at half weight
    // (once: a term of the passage's heading too has counted already).
    for (const t of s.header ?? []) if (qTerms.has(t) && !s.terms.has(t) && !label?.has(t)) m += TABLE_HEADER * weight(t);
    // A courtesy supports nothing, whatever names it carries.
    const support = s.courtesy ? 0 : m / Math.max(1e-9, qMass);
    s.support = support;
    // Better-ranked passages are preferred; examples support, they do not lead.
    const field = fields.length > 0 && support > 0 && fields.includes(fieldOf(clean(s.text))!) ? FIELD_BOOST * (1 - RANK_DISCOUNT) ** s.rank : 0;
    const def = defined && support > 0 && defines(prepare(clean(s.text)), defined) ? DEFINITION_BOOST * (1 - RANK_DISCOUNT) ** s.rank : 0;
    s.score = support * (1 - RANK_DISCOUNT) ** s.rank + field + def + (support > 0 ? answerTypeBoost(question, s.text) + (asksList && enumerates(s.text) ? LIST_BOOST : 0) : 0) - (isExample(s) ? 0.1 : 0);
  }
  return all;
}

/**
 * The sentence that leads: the best scored, unless it is an example and another sentence has
 * EXAMPLE_YIELDS of its score (an example illustrates; it leads only when it fits the question's
 * own case much better than anything else).
 */
export function leadOf(ranked: Sentence[], all: Sentence[] = ranked, asked: ReadonlySet<string> = new Set()): Sentence | undefined {
  const top = ranked[0];
  if (isExample(top)) return ranked.find((x) => !isExample(x) && x.score >= top!.score * EXAMPLE_YIELDS) ?? top;
  // A bare line (a slide title, a label: 「ガバメントクラウド」 asked about it) holds the question's words
  // and says nothing of them; unless a list follows it, a sentence with content leads instead.
  if (top && isBare(top, all, asked)) return ranked.find((x) => !isBare(x, all, asked) && x.score >= top.score * BARE_YIELDS) ?? top;
  return top;
}

/**
 * How well, relative to a bare line, a sentence with content must be supported to lead instead
 * (0.5 and 0.3 gave the same answers on the seed questions; 0.5 as a paragraph's first sentence
 * needs to lead, layouts.ts).
 */
const BARE_YIELDS = 0.5;

/**
 * A short line with no sentence end and no figure that names nothing the question does not
 * (「ガバメントクラウド」 for a question about it), not followed by the items of a list it
 * announces; or a table's header. A line naming something new (「住民制度課長阿部知明」) may be
 * the answer.
 */
function isBare(s: Sentence, all: Sentence[], asked: ReadonlySet<string>): boolean {
  // A table's header names what its rows hold: a row of its table leads instead.
  if (s.heads) return true;
  const text = clean(s.text);
  if (text.length > 30 || /[。！？]$/u.test(text) || /\d/u.test(text) || s.step !== null || s.row) return false;
  if (words(prepare(text)).some((w) => [...w].length >= 2 && /[\p{Script=Han}\p{Script=Katakana}a-z]/u.test(w) && !asked.has(w))) return false;
  const next = all.find((x) => x.n === s.n && x.pos === s.pos + 1);
  return !(next && (next.bullet || next.step !== null || next.row));
}
