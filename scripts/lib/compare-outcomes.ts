// Two runs of `npm run eval:seeds -- --loo … --outcomes <file>` compared question by question: how
// each answer was judged in each (the fact stated, missed or declined; a near miss declined,
// answered with the caution or answered without it), per set, and which questions changed. The
// judge is eval:seeds' own (statesAny over the short answers a document prints, else the passage
// phrases). Questions of a blind set are counted, never listed.
import { CAUTION_TEXT } from '../../src/answer/declines.ts';
import { statesAny } from './facts.ts';
import type { SeedQuestion } from './evaluate-seeds.ts';

/** One line of an outcomes file. */
export interface Outcome {
  set: string;
  id: string;
  escalate: boolean;
  answer: string;
}

export type Verdict = 'fact' | 'miss' | 'declined' | 'near miss declined' | 'near miss cautioned' | 'near miss answered';

export function verdict(q: SeedQuestion & { answer?: string[] }, o: Outcome): Verdict {
  if (q.answerable === false) return o.escalate ? 'near miss declined' : o.answer.includes(CAUTION_TEXT) ? 'near miss cautioned' : 'near miss answered';
  if (o.escalate) return 'declined';
  return statesAny(o.answer, q.answer ?? q.expect ?? []) ? 'fact' : 'miss';
}

export interface Comparison {
  /** Per set: how many questions went from one verdict to another (「fact → miss」), unchanged ones as 「fact」. */
  bySet: Map<string, Map<string, number>>;
  /** The questions whose verdict or answer text changed, of sets that are not blind. */
  changed: Array<{ set: string; id: string; q: string; before: Verdict; after: Verdict; textOnly: boolean }>;
}

/**
 * Compares two runs. `questions` gives each set's labelled questions by id; `blind` names the sets
 * whose questions are only counted. Lines of a set or id that either run or the labels lack are
 * left out.
 */
export function compareOutcomes(before: Outcome[], after: Outcome[], questions: Map<string, Map<string, SeedQuestion & { answer?: string[] }>>, blind: ReadonlySet<string>): Comparison {
  const key = (o: Outcome) => `${o.set}\u0000${o.id}`;
  const earlier = new Map(before.map((o) => [key(o), o]));
  const bySet = new Map<string, Map<string, number>>();
  const changed: Comparison['changed'] = [];
  for (const b of after) {
    const a = earlier.get(key(b));
    const q = questions.get(b.set)?.get(b.id);
    if (!a || !q) continue;
    const [va, vb] = [verdict(q, a), verdict(q, b)];
    const counts = bySet.get(b.set) ?? new Map<string, number>();
    const label = va === vb ? va : `${va} → ${vb}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
    bySet.set(b.set, counts);
    if ((va !== vb || a.answer !== b.answer) && !blind.has(b.set)) changed.push({ set: b.set, id: b.id, q: q.q, before: va, after: vb, textOnly: va === vb });
  }
  return { bySet, changed };
}
