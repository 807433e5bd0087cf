// The four axes of the 高リスク判定シート (the Digital Agency's generative-AI guideline), assessed
// for every interaction: (1) who uses it and how many, from the deployment settings; (2) the nature
// of the work the output feeds, from the question; (3) confidential or personal data in the input;
// (4) whether the output would be acted on without a person's judgment. Each axis is low, medium or
// high; the overall level follows from their sum and the thresholds in the settings.
import { PII_NAMES, type PiiKind } from './pii.ts';
import type { Signals } from './signals.ts';

export type Level = 'low' | 'medium' | 'high';
export type Axis = 'users' | 'work' | 'data' | 'judgment';
export const AXES: Axis[] = ['users', 'work', 'data', 'judgment'];

/** The reason codes of ../shared/CONTRACT.md. */
export type ReasonCode =
  | 'pii' | 'confidential' | 'injection' | 'high_stakes' | 'needs_staff_judgment' | 'out_of_scope' | 'harmful'
  | 'low_confidence' | 'negative_feedback' | 'provider_failure';

export interface RiskSettings {
  /** Who may use the deployment: government staff only, or the public. */
  audience: 'staff' | 'public';
  /** How many people may use it. */
  users: number;
  /** Sum of axis points (low 0, medium 1, high 2) from which the level is medium / high. */
  mediumAt: number;
  highAt: number;
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = { audience: 'staff', users: 400_000, mediumAt: 2, highAt: 3 };

export interface AxisResult {
  level: Level;
  reasons: string[];
}

export interface Assessment {
  level: Level;
  reasons: ReasonCode[];
  axes: Record<Axis, AxisResult>;
  pii: PiiKind[];
}

export interface AssessInput {
  signals: Signals;
  pii: PiiKind[];
  /** Outcome of answering, when known. */
  lowConfidence?: boolean;
  providerFailure?: boolean;
  negativeFeedback?: boolean;
}

const POINTS: Record<Level, number> = { low: 0, medium: 1, high: 2 };
const max = (a: Level, b: Level): Level => (POINTS[b] > POINTS[a] ? b : a);

export function assess(input: AssessInput, settings: RiskSettings = DEFAULT_RISK_SETTINGS): Assessment {
  const s = input.signals;
  const reasons = new Set<ReasonCode>();
  const axes: Record<Axis, AxisResult> = {
    users: { level: 'low', reasons: [] },
    work: { level: 'low', reasons: [] },
    data: { level: 'low', reasons: [] },
    judgment: { level: 'low', reasons: [] },
  };
  const raise = (axis: Axis, level: Level, why: string) => {
    axes[axis].level = max(axes[axis].level, level);
    axes[axis].reasons.push(why);
  };

  // (1) 利用者の範囲・種別
  if (settings.audience === 'public') raise('users', 'high', '国民が利用する');
  else if (settings.users >= 100_000) raise('users', 'medium', `職員 約${settings.users.toLocaleString()}人が利用する`);

  // (2) 利用業務の性格
  if (s.harmful) (reasons.add('harmful'), raise('work', 'high', '有害な内容の要求'));
  if (s.injection) (reasons.add('injection'), raise('work', 'high', '指示の上書き・内部情報の引き出しの試み'));
  if (s.highStakes) (reasons.add('high_stakes'), raise('work', 'high', '支給額・資格・法的判断・処分・不正・評価に関わる'));
  if (s.outOfScope) (reasons.add('out_of_scope'), raise('work', 'medium', '利用目的外の依頼'));

  // (3) 機密情報・個人情報
  if (input.pii.length > 0) (reasons.add('pii'), raise('data', 'high', `個人情報(${input.pii.map((k) => PII_NAMES[k]).join('、')})の入力`));
  if (s.confidential) (reasons.add('confidential'), raise('data', 'high', '秘密区分・取扱注意の情報の入力'));

  // (4) 出力結果の職員判断
  if (s.needsStaffJudgment) (reasons.add('needs_staff_judgment'), raise('judgment', 'high', '支給額の確定・承認を求めている'));
  if (input.lowConfidence) (reasons.add('low_confidence'), raise('judgment', 'medium', '確信度の低い回答'));
  if (input.providerFailure) (reasons.add('provider_failure'), raise('judgment', 'medium', '生成モデルの障害(抜粋回答で代替)'));
  if (input.negativeFeedback) (reasons.add('negative_feedback'), raise('judgment', 'medium', '利用者が役に立たなかったと評価'));

  const score = AXES.reduce((n, a) => n + POINTS[axes[a].level], 0);
  const level: Level = score >= settings.highAt ? 'high' : score >= settings.mediumAt ? 'medium' : 'low';
  return { level, reasons: [...reasons], axes, pii: input.pii };
}
