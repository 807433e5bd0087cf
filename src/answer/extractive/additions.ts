// Sentences added after the layout: up to maxSupporting well-supported ones, another passage's
// best one where it carries the question as well as the lead, and the answer to the last part of a
// question that asks twice.
import { queryTerms } from '../../text/tokenize.ts';
import { NAME, antecedent, itemsAfter, listOf } from './layouts.ts';
import type { Lines } from './lines.ts';
import type { ExtractiveOptions } from './options.ts';
import type { Sentence } from './scoring.ts';

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / Math.max(1, a.size + b.size - inter);
}

/** Up to maxSupporting sentences that add something: well supported, not a near-repeat. */
export function writeSupporting(out: Lines, lead: Sentence, ranked: Sentence[], all: Sentence[], options: ExtractiveOptions): void {
  const start = out.used.length;
  for (const s of ranked.slice(1)) {
    if (out.used.length - start >= options.maxSupporting) break;
    if (s.score < Math.max(options.minSupport, lead.score * 0.8)) break;
    // Not a sentence announcing a list or table the answer does not show.
    if (s.step !== null || s.row || s.fragment || s.introduces || s.procedural || out.has(s) || out.used.some((c) => jaccard(c.terms, s.terms) > 0.5)) continue;
    // 「この場合、…」 reads only after the sentence it refers to.
    const before = antecedent(s, all);
    if (before) out.inPlace(before);
    out.inPlace(s);
  }
}

/**
 * How well, relative to the lead, another passage's best sentence must carry the question's terms
 * to be quoted too. Where retrieval cannot tell two passages apart, the answer was often in the one
 * not quoted (on the seed questions leave one document out, the passage holding the fact was the
 * second in 7 of 70 answers that missed it). Chosen on the tuned seed questions and the golden
 * facts (at 1.2 / 1.0 / 0.8 / 0.6: golden facts 38 / 41 / 41 / 42 of 56, median length 217 / 232 /
 * 238 / 247 characters, 207 without), then measured once on the untuned set: fact 0.643 → 0.686,
 * right passage cited 0.700 → 0.743.
 */
const OTHER_PASSAGE_SUPPORT = 1;

/**
 * When the answer quotes one passage only: the sentence of another passage that carries at least
 * as much of the question's terms as the lead (not a step, row or list fragment, nor a near-repeat).
 */
export function writeOtherPassage(out: Lines, lead: Sentence, all: Sentence[]): void {
  if (out.used.some((u) => u.n !== lead.n)) return;
  const best = all
    .filter((s) => s.n !== lead.n && s.step === null && !s.row && !s.fragment && !s.introduces && !s.procedural && !out.has(s) && !out.used.some((c) => jaccard(c.terms, s.terms) > 0.5))
    .sort((a, b) => b.support - a.support || a.rank - b.rank)[0];
  if (!best || best.support <= 0 || best.support < OTHER_PASSAGE_SUPPORT * lead.support) return;
  // 「この場合、…」 reads only after the sentence it refers to.
  const before = antecedent(best, all);
  if (before && !out.has(before)) out.sentence(before);
  out.sentence(best);
}

/**
 * A question in two parts (「どうやって解除できますか？新しいパスワードの条件も教えてください。」):
 * when the answer so far leaves out most of what only the last part asks (its own words, weighted
 * by rarity among the passages' sentences), the sentence that holds most of it, with the list it
 * belongs to or announces.
 */
export function writeLastPart(out: Lines, question: string, all: Sentence[], options: ExtractiveOptions): void {
  const parts = question.split(/(?<=[？?。！!\n])/u).map((x) => x.trim()).filter((x) => x.length > 0);
  // Two questions, not a situation and a question (「E4002が出ました。どういう意味ですか？」).
  if (parts.length < 2 || !ASKS.test(parts[parts.length - 1]!) || !parts.slice(0, -1).some((x) => ASKS.test(x))) return;
  const before = new Set(parts.slice(0, -1).flatMap((x) => queryTerms(x)));
  const own = [...new Set(queryTerms(parts[parts.length - 1]!))].filter((t) => NAME.test(t) && !before.has(t));
  if (own.length === 0) return;
  const df = (t: string) => all.filter((x) => x.terms.has(t)).length;
  const weights = new Map(own.map((t) => [t, Math.log(1 + all.length / (1 + df(t)))]));
  const total = [...weights.values()].reduce((a, w) => a + w, 0);
  const share = (x: Sentence) => own.reduce((a, t) => a + (x.terms.has(t) ? weights.get(t)! : 0), 0) / total;
  if (out.used.some((x) => share(x) >= LAST_PART_COVERED)) return;
  const best = [...all].filter((x) => !out.has(x) && x.step === null && share(x) >= LAST_PART_COVERED).sort((a, b) => share(b) - share(a) || b.score - a.score)[0];
  if (!best) return;
  const passage = all.filter((y) => y.n === best.n);
  if (best.bullet && !best.fragment) {
    for (const x of listOf(best, passage).slice(0, options.maxRows)) out.item(x);
    return;
  }
  out.sentence(best);
  if (best.introduces) for (const item of itemsAfter(passage, passage.indexOf(best), options.maxRows, out.asked)) out.item(item);
}

/** A part of a question that asks (「…ですか？」「…教えてください。」), not one that tells the situation. */
const ASKS = /[？?]$|教えて|ください|下さい|ますか|でしょうか|知りたい/u;

/** How much of what only a question's last part asks a sentence must hold to answer that part. */
const LAST_PART_COVERED = 0.6;
