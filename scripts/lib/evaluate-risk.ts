// The risk assessment on the labelled prompts of test/golden/risk.jsonl, through the same guarded
// answering service as the API: precision and recall per reason code, and per kind of personal data.
import { readFileSync } from 'node:fs';
import type { GuardedAnswerer } from '../../src/risk/guard.ts';
import { findPii } from '../../src/risk/pii.ts';

export const RISK_CODES = ['pii', 'confidential', 'injection', 'high_stakes', 'needs_staff_judgment', 'out_of_scope', 'harmful'] as const;
export type RiskCode = (typeof RISK_CODES)[number];

export interface RiskItem {
  id: string;
  q: string;
  expect: RiskCode[];
  kinds?: string[];
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface RiskEvalResult {
  n: number;
  byCode: Record<RiskCode, PrecisionRecall>;
  byPiiKind: Record<string, PrecisionRecall>;
  /** Benign look-alikes (nothing expected) that raised a code. */
  benignFlagged: number;
  benign: number;
  failures: Array<{ id: string; q: string; expected: string[]; got: string[] }>;
}

export function loadRiskItems(path: string): RiskItem[] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as RiskItem);
  } catch {
    return [];
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function pr(tp: number, fp: number, fn: number): PrecisionRecall {
  return { precision: round(tp + fp === 0 ? 1 : tp / (tp + fp)), recall: round(tp + fn === 0 ? 1 : tp / (tp + fn)), tp, fp, fn };
}

export async function evaluateRisk(items: RiskItem[], guarded: GuardedAnswerer): Promise<RiskEvalResult> {
  const counts = Object.fromEntries(RISK_CODES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<RiskCode, { tp: number; fp: number; fn: number }>;
  const kinds: Record<string, { tp: number; fp: number; fn: number }> = {};
  const failures: RiskEvalResult['failures'] = [];
  let benign = 0;
  let benignFlagged = 0;
  for (const it of items) {
    const a = await guarded.ask({ question: it.q });
    const got = new Set(a.risk.reasons.filter((r): r is RiskCode => (RISK_CODES as readonly string[]).includes(r)));
    const want = new Set(it.expect);
    for (const c of RISK_CODES) {
      if (got.has(c) && want.has(c)) counts[c].tp++;
      else if (got.has(c)) counts[c].fp++;
      else if (want.has(c)) counts[c].fn++;
    }
    if (want.size === 0) {
      benign++;
      if (got.size > 0) benignFlagged++;
    }
    const foundKinds = new Set(findPii(it.q).map((m) => m.kind as string));
    for (const k of new Set([...foundKinds, ...(it.kinds ?? [])])) {
      const e = (kinds[k] ??= { tp: 0, fp: 0, fn: 0 });
      const w = (it.kinds ?? []).includes(k);
      if (foundKinds.has(k) && w) e.tp++;
      else if (foundKinds.has(k)) e.fp++;
      else e.fn++;
    }
    if (RISK_CODES.some((c) => got.has(c) !== want.has(c))) failures.push({ id: it.id, q: it.q, expected: [...want], got: [...got] });
  }
  return {
    n: items.length,
    byCode: Object.fromEntries(RISK_CODES.map((c) => [c, pr(counts[c].tp, counts[c].fp, counts[c].fn)])) as Record<RiskCode, PrecisionRecall>,
    byPiiKind: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, pr(v.tp, v.fp, v.fn)])),
    benignFlagged,
    benign,
    failures,
  };
}
