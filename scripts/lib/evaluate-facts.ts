// Whether the answer's own text states the fact that answers the question, on questions labelled
// with phrases copied from the answering section (test/golden-facts, written blind in session 4).
// A right passage among the citations is not enough for a traveler, who reads the answer.
import type { Answerer } from '../../src/answer/answerer.ts';
import { statesAll } from './facts.ts';
import { readJsonl } from './golden.ts';

export interface FactItem {
  id: string;
  q: string;
  source: string;
  section: string;
  /** Phrases of the answering section that a right answer contains, all of them. */
  must: string[];
  kind: string;
}

export interface FactResult {
  n: number;
  /** Questions answered (not declined). */
  answered: number;
  /** Answered questions with the phrases in one of the cited passages. */
  cited: number;
  /** Answered questions whose answer text holds the phrases. */
  stated: number;
  byKind: Record<string, { n: number; stated: number }>;
  failures: Array<{ id: string; q: string; problem: 'declined' | 'not cited' | 'not stated'; answer: string }>;
}

export function loadFacts(file: string): FactItem[] {
  return readJsonl<FactItem>(file);
}

export async function evaluateFacts(items: FactItem[], answerer: Answerer): Promise<FactResult> {
  const r: FactResult = { n: items.length, answered: 0, cited: 0, stated: 0, byKind: {}, failures: [] };
  for (const it of items) {
    const kind = (r.byKind[it.kind] ??= { n: 0, stated: 0 });
    kind.n++;
    const a = await answerer.ask({ question: it.q });
    if (a.escalate) {
      r.failures.push({ id: it.id, q: it.q, problem: 'declined', answer: a.answer });
      continue;
    }
    r.answered++;
    const cited = a.citations.some((c) => statesAll(c.text, it.must));
    if (cited) r.cited++;
    if (statesAll(a.answer, it.must)) {
      r.stated++;
      kind.stated++;
    } else r.failures.push({ id: it.id, q: it.q, problem: cited ? 'not stated' : 'not cited', answer: a.answer });
  }
  return r;
}
