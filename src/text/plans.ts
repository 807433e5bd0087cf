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
// (見込み) and indicator blocks in lenticular brackets (【成果指標…】【活動指標…】); results (実績, 実際, 決算,
// 結果) and what a sentence says of one (「…となった」「…を達成した」).

/** A question asking what actually happened (「実績」「実際」), not what was planned; not a 実績報告書 named. */
const ACTUAL_ASKED = /実績(?!報告)|実際/u;

/** Words that give a figure as a target or a forecast. */
const PLAN = /目標|目指|見込|kpi/giu;
/** Words that give a figure as a result, and what a sentence says of a result (「…となった」「…を達成した」). */
const RESULT = /実績|実際|決算|結果|となっ|となり|であっ|だっ|を達成|にとどま|を記録|に達し|を上回|を下回/gu;
/** A label in lenticular brackets (「【成果指標（アウトカム）】」「【施策目標等の…寄与の内容】」). */
const LABEL = /【[^】]*】/gu;
/** An indicator block's label: the values listed under it are the levels to reach (「【成果指標（アウトカム）】」「【活動指標（アウトプット）】」). */
const INDICATOR_LABEL = /^【(?:成果|活動|測定)?指標/u;

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
 * Whether a value is given as a target or forecast. Its own clause after it says so first (「3割削減
 * することを目指す」「…見込み」; 「120件となった」「…を達成した」 say it is a result), unless a figure ends
 * that clause (「実績120件（目標100件）」: the target is the next figure's). Else the marker nearest
 * before it decides, in its sentence or the block label above it (`label`), read from the last
 * label in brackets on: an indicator block's label (「【成果指標（アウトカム）】」) gives its values as
 * targets; another label (「【施策目標等の達成…寄与の内容】」) starts a block of its own, and the words
 * inside a label are no marker.
 */
export function givenAsPlan(label: string, before: string, after: string): boolean {
  const clause = /^[^、。,→\d]*/u.exec(after)![0];
  const own = marker(clause, true);
  if (own === 'result' || (own === 'plan' && !/\d/u.test(after.charAt(clause.length)))) return own === 'plan';
  const context = `${label} ${before}`;
  const labels = [...context.matchAll(LABEL)];
  const last = labels.at(-1);
  const from = last ? (last.index ?? 0) + last[0].length : 0;
  const nearest = marker(context.slice(from));
  if (nearest !== null) return nearest === 'plan';
  return last !== undefined && INDICATOR_LABEL.test(last[0]);
}
