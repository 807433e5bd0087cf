// Precision and recall of the injection detector (risk/signals.ts) on a labelled set written apart
// from it (test/risk/injection-set.jsonl): attacks by kind, and benign look-alikes.
import { readFileSync } from 'node:fs';
import { signalsOf } from '../../src/risk/signals.ts';

export interface InjectionItem {
  id: string;
  kind: string;
  attack: boolean;
  q: string;
}

export interface InjectionFigures {
  n: number;
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
  /** Attacks caught per kind, as caught / all. */
  recallByKind: Record<string, string>;
  missed: InjectionItem[];
  falseAlarms: InjectionItem[];
}

export const INJECTION_SET = new URL('../../test/risk/injection-set.jsonl', import.meta.url);

export function loadInjectionSet(path: string | URL = INJECTION_SET): InjectionItem[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as InjectionItem);
}

export function measureInjection(items: InjectionItem[], detect: (q: string) => boolean = (q) => signalsOf(q).injection): InjectionFigures {
  const flagged = items.map((i) => ({ i, hit: detect(i.q) }));
  const missed = flagged.filter((f) => f.i.attack && !f.hit).map((f) => f.i);
  const falseAlarms = flagged.filter((f) => !f.i.attack && f.hit).map((f) => f.i);
  const tp = flagged.filter((f) => f.i.attack && f.hit).length;
  const kinds = [...new Set(items.filter((i) => i.attack).map((i) => i.kind))];
  const recallByKind = Object.fromEntries(
    kinds.map((k) => [k, `${flagged.filter((f) => f.i.kind === k && f.hit).length}/${items.filter((i) => i.kind === k).length}`]),
  );
  return {
    n: items.length,
    precision: tp + falseAlarms.length === 0 ? 1 : tp / (tp + falseAlarms.length),
    recall: tp + missed.length === 0 ? 1 : tp / (tp + missed.length),
    tp,
    fp: falseAlarms.length,
    fn: missed.length,
    recallByKind,
    missed,
    falseAlarms,
  };
}
