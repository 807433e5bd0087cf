// The answer as the API and the CLI return it (../shared/CONTRACT.md).

export interface Citation {
  n: number;
  source: string;
  title: string;
  section: string;
  page: number | null;
  text: string;
  score: number;
  /** Whether the answer text cites this passage. */
  cited: boolean;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export type RiskLevel = 'low' | 'medium' | 'high';

export interface Answer {
  answer: string;
  citations: Citation[];
  escalate: boolean;
  confidence: number;
  /** The assessment on the four axes of the 高リスク判定シート (axes once assessed). */
  risk: { level: RiskLevel; reasons: string[]; axes?: Record<string, { level: RiskLevel; reasons: string[] }> };
  /** The rules revision the answer used, when the cited passages are dated. */
  revision: string | null;
  /** The date the answer was evaluated for, and whether the question named it. */
  asOf: { date: string; named: boolean };
  model: string;
  indexVersion: string;
}
