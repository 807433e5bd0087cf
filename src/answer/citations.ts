// Checks the [n] markers of a model's answer against the passages it was given: markers that
// point nowhere are removed, and the numbers actually used are reported; and the passages as the
// answer cites them.
import type { Hit } from '../retrieval/types.ts';
import type { Citation } from './types.ts';

export interface CitationCheck {
  text: string;
  used: number[];
  removed: number;
}

const MARKER = /\[(\d{1,3})\]|【(\d{1,3})】|\[\^(\d{1,3})\]/g;

export function checkCitations(answer: string, valid: ReadonlySet<number>): CitationCheck {
  const used = new Set<number>();
  let removed = 0;
  const text = answer
    .replace(MARKER, (_m, a: string | undefined, b: string | undefined, c: string | undefined) => {
      const n = Number(a ?? b ?? c);
      if (valid.has(n)) {
        used.add(n);
        return `[${n}]`;
      }
      removed++;
      return '';
    })
    .replace(/(\[\d+\])(?:\s*\1)+/g, '$1')
    .replace(/[ \t]+([。、\n])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  return { text, used: [...used].sort((x, y) => x - y), removed };
}

/** The passages as the answer cites them: numbered from 1, with whether the answer used each. */
export function citationsOf(hits: Hit[], cited: Set<number>): Citation[] {
  return hits.map((h, i) => ({
    n: i + 1,
    source: h.chunk.source,
    title: h.chunk.title,
    section: h.chunk.section,
    page: h.chunk.page,
    text: h.chunk.text,
    score: Math.round(h.score * 1000) / 1000,
    cited: cited.has(i + 1),
    effectiveFrom: h.chunk.effectiveFrom,
    effectiveTo: h.chunk.effectiveTo,
  }));
}
