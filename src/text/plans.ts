// A result asked of a plan. 「実績は？」「実際に何枚発行された？」 asks what happened; a figure the
// document gives as a target does not answer it. Plans, policy evaluations and progress reports
// print targets beside results: 「目標（平成30年度）32時間以内」, 「2025年度までに3割削減することを
// 目指す」, 「2024年度末（目標）▲19%」, a forecast (「…に増加する見込み」), and the values listed under an
// indicator block of an ex-ante evaluation (「【成果指標（アウトカム）】・満足度調査平均点：75％（平成32年度）」),
// which are the levels to reach. Asked a result, the value the answer would give must not be one of
// those: the marker nearest before it (or right after it, in its clause) says which it is, and a
// result's own words (「実績」「決算」) win when they are nearer.
//
// The markers are the vocabulary of Japanese administrative planning (written from the domain, the
// issue's 「計画 vs 実績」 constraint, not from any question): targets (目標, 目指す, KPI), forecasts
// (見込み) and indicator blocks in lenticular brackets (【…指標…】); results (実績, 実際, 決算, 結果).

/** A question asking what actually happened (「実績」「実際」), not what was planned. */
const ACTUAL_ASKED = /実績|実際/u;

/** Words that give a figure as a target or a forecast; an indicator block's label (「【成果指標（アウトカム）】」). */
const PLAN = /目標|目指|見込|kpi|【[^】]*指標[^】]*】/giu;
/** Words that give a figure as a result. */
const RESULT = /実績|実際|決算|結果/gu;

/** Whether the question asks for a result (「29年度の実績は？」「実際の平均点は？」). */
export function asksResult(question: string): boolean {
  return ACTUAL_ASKED.test(question);
}

/** The marker (plan or result) nearest the end of a text, or (`first`) nearest its start, if any. */
function marker(text: string, first = false): 'plan' | 'result' | null {
  let at = first ? Infinity : -1;
  let kind: 'plan' | 'result' | null = null;
  for (const [re, k] of [[PLAN, 'plan'], [RESULT, 'result']] as const) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (first ? start < at : end > at) [at, kind] = [first ? start : end, k];
    }
  }
  return kind;
}

/** A sentence that is only a block label in lenticular brackets (「【成果指標（アウトカム）】」). */
export const BLOCK_LABEL = /^\s*【[^】]*】\s*$/u;

/**
 * Whether a value is given as a target or forecast: its own clause after it says so (「3割削減することを
 * 目指す」「約3.6倍（見込み）」), else the marker nearest before it, in its sentence or in the block label
 * above it (`label`: 【成果指標】), is a plan's. A result's word right after it or nearer before it
 * (「実績平均40.1時間→目標32時間以内」 gives 40.1 as a result) says it is not.
 */
export function givenAsPlan(label: string, before: string, after: string): boolean {
  // Its own clause: up to the next punctuation, arrow or figure (「40.1時間→目標32時間」: the target is the next figure's).
  const clause = after.split(/[、。,→\d]/u)[0] ?? '';
  const own = marker(clause, true);
  if (own !== null) return own === 'plan';
  return marker(`${label} ${before}`) === 'plan';
}
