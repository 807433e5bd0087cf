// The golden evaluation set (test/golden/*.jsonl): loading and matching citations to labels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECTION_SEPARATOR } from '../../src/ingest/chunker.ts';

export interface Expect {
  source: string;
  /** Numbering prefix of the heading that holds the answer: "7.6.4", "Q7-04", "5.". */
  section: string;
}

export interface AnswerableItem { id: string; q: string; expect: Expect[]; category?: string; style?: string }
export interface UnanswerableItem { id: string; q: string; kind?: string }
export interface DateItem { id: string; q: string; revision: 'before' | 'after'; expect: Expect[] }
export interface FollowupItem { id: string; first: string; followup: string; expect: Expect[] }

export interface GoldenSet {
  answerable: AnswerableItem[];
  unanswerable: UnanswerableItem[];
  date: DateItem[];
  followup: FollowupItem[];
}

/** The objects of a JSON-lines file, one per non-empty line (none when the file is missing). */
export function readJsonl<T>(path: string): T[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (e) {
        throw new Error(`${path}:${i + 1}: ${(e as Error).message}`);
      }
    });
}

/**
 * Halves of the golden set, so that changes to the system can be made looking at one half's
 * failures (`dev`: odd-numbered ids) and checked on the other (`test`: even-numbered ids), which
 * stays unseen while tuning. `all` is the whole set.
 */
export type GoldenSplit = 'all' | 'dev' | 'test';

export function inSplit(id: string, split: GoldenSplit): boolean {
  if (split === 'all') return true;
  const n = Number(/(\d+)$/.exec(id)?.[1] ?? Number.NaN);
  if (!Number.isFinite(n)) throw new Error(`Golden id without a number: ${id}`);
  return (n % 2 === 1) === (split === 'dev');
}

export function loadGolden(dir: string, split: GoldenSplit = 'all'): GoldenSet {
  const pick = <T extends { id: string }>(items: T[]) => items.filter((i) => inSplit(i.id, split));
  return {
    answerable: pick(readJsonl<AnswerableItem>(join(dir, 'answerable.jsonl'))),
    unanswerable: pick(readJsonl<UnanswerableItem>(join(dir, 'unanswerable.jsonl'))),
    date: pick(readJsonl<DateItem>(join(dir, 'date.jsonl'))),
    followup: pick(readJsonl<FollowupItem>(join(dir, 'followup.jsonl'))),
  };
}

/** Does a heading path lie within the labelled section? ("7.6" holds "7.6.4 …"; "Q7-04" is exact.) */
export function sectionMatches(sectionPath: string, prefix: string): boolean {
  const p = prefix.trim();
  return sectionPath.split(SECTION_SEPARATOR).some((h) => {
    const head = h.trim();
    if (head === p || head.startsWith(`${p} `)) return true;
    // "7.6" also holds "7.6.4 …"; "5." holds "5.2 …" only when written as "5.".
    return /\d$/.test(p) ? head.startsWith(`${p}.`) : p.endsWith('.') && head.startsWith(p);
  });
}

export interface Cited {
  source: string;
  section: string;
}

export function matches(c: Cited, expects: Expect[]): boolean {
  return expects.some((e) => e.source === c.source && sectionMatches(c.section, e.section));
}

/** 1-based rank of the first matching citation, or null. */
export function rankOf(citations: Cited[], expects: Expect[]): number | null {
  const i = citations.findIndex((c) => matches(c, expects));
  return i < 0 ? null : i + 1;
}
