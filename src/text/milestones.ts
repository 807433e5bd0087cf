// The milestone of a law a date is given for. A law is passed (成立), promulgated (公布) and comes
// into force (施行) on three different dates, and documents print each beside its date
// (「デジタル手続法（令和元年5月31日公布）」「一括法（2023年6月成立）」「施行日：2024年4月1日」); a bill or a
// policy is decided by the Cabinet (閣議決定) on yet another. Asked when one of the three happened,
// a date the passage gives for another milestone does not answer: 「施行日はいつ？」 is not answered by
// 「令和元年5月31日公布」. Written from how Japanese legislation is dated (the domain), not from any
// question; a plan's milestones (策定, 決定, 改定) are left alone, since a plan is often 策定 by 閣議決定.

/** The milestones of a law a question may ask the date of. */
const LAW_MILESTONE = /(施行|公布|成立)/u;
/** The milestones a date may be printed with (a law's, and the Cabinet's decision or a revision). */
const DATE_MILESTONE = /施行|公布|成立|閣議決定|改定/gu;

/** The law milestone a question asks the date of (「施行されたのはいつ？」「公布日は？」), if any. */
export function askedMilestone(question: string): string | null {
  return LAW_MILESTONE.exec(question)?.[1] ?? null;
}

/**
 * The milestone a date is printed with: the first milestone word right after it in its clause
 * (「令和元年5月31日公布」「12月に閣議決定で改定」), else the last one just before it (「施行日：2024年4月1日」),
 * else none.
 */
export function dateMilestone(before: string, after: string): string | null {
  const clause = after.split(/[、。,]/u)[0]!.slice(0, 16);
  const next = [...clause.matchAll(DATE_MILESTONE)][0];
  if (next) return next[0];
  const near = before.slice(-12);
  const prev = [...near.matchAll(DATE_MILESTONE)].at(-1);
  return prev ? prev[0] : null;
}

/** Whether a date printed with one milestone is given for another than the one asked. */
export function otherMilestone(asked: string | null, given: string | null): boolean {
  return asked !== null && given !== null && given !== asked;
}
