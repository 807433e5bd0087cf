// What an extractive answer fails to give that its question asks for, read from the answer's own
// text: the composer quotes the passages' best lines, and when the question asks which body
// (「どの府省？」), who holds a post (「委員は誰？」) or how many in a counter (「何人参加した」) and
// those lines name none, the passages say that some did, or when, not which, who or how many; asked
// figures broken down (「内訳は？」) and those lines give the total only, they say how much in all,
// not how it divides; asked when (「移行の期限はいつ？」) and those lines give no time at all, they say
// what, not when. Each gap is named in the decline.
import { askedTypes } from '../text/answer-types.ts';
import { askedCounters } from '../text/counters.ts';
import { askedBody, otherBodyAnswered } from '../text/entities.ts';
import { askedPerson } from '../text/persons.ts';
import { prepare } from '../text/tokenize.ts';
import { VENUE_GAP, asksVenue, givesPlace } from '../text/venues.ts';
import { DATE_WORDS } from './extractive/direct.ts';

/** A count of things in any counter, or of a noun after の (「約60のシステム」): what 「何件」 asks, counting items of any kind (not 「第7章」「3条」, nor an amount in 「760百万円」). */
const ITEMS_COUNTED = /(?<!第\s*)(?<![\d,.])\d[\d,.]*\s*の?\s*(?![年月日円百千万億兆章節条項号頁])[\p{Script=Han}\p{Script=Katakana}]/u;

/** Hours given as a range of the clock (「8時00分から20時00分まで」「9:00~17:00」): what 「何時間」 may be answered by. */
const CLOCK_RANGE = /\d{1,2}\s*(?:時|:)\s*\d{0,2}\s*分?\s*(?:から|~|〜|-|－)\s*\d{1,2}\s*(?:時|:)/u;

/**
 * Any time a text gives, read after prepare(): a date or its part (「2025年度末」「6月上旬」「R7.8」
 * 「令和元年」), a span (「1か月以内」「3日前」「翌日」), a season or a period's part (「年内」「今夏」「上旬」), or the
 * words procedures set a time with (「速やかに」「事前に」「直ちに」「当日」「その都度」); times in words are the
 * value model's (direct.ts DATE_WORDS). What 「いつ」 may be answered by.
 */
const TIME_GIVEN = new RegExp(
  `\\d\\s*(?:[かヵヶケカ]\\s*)?(?:年|月|日|週|時|:)|(?:^|[^a-z])[rh]\\s*\\d|令和|平成|昭和|元年|年度初|今年|来年|昨年|本年|${DATE_WORDS.source}|速やか|直ち|事前|前日|当日|翌|直後|その都度|随時`,
  'u',
);

/** The label a time-asked gap is declined with (declines.ts). */
export const TIME_GAP = '日付・時期';

/** A question asking figures broken down (「内訳は？」「都道府県と市町村に分けるとそれぞれ何%？」「府省ごとの金額」). */
const BREAKDOWN_ASKED = /内訳|それぞれ|(?:ごと|別)\s*(?:に|の)|分けると|分けて/u;
/** A figure with its unit (「約700億円」「52.4%」「20名」), not a year, month or day, a list number or an ordinal. */
const FIGURE = /(?<![\d,.第])\d[\d,]*(?:\.\d+)?\s*(?![年月日.．、)）])(?:[%％]|[\p{Script=Han}\p{Script=Katakana}])/gu;

/** A breakdown printed in brackets after its total (「全96団体(22都道府県、74市町村)」「20名(補佐官3名、支援6名…)」): two figures or more inside. */
const BRACKETED_BREAKDOWN = /[(（][^()（）]*\d[^()（）]*[、,・／/][^()（）]*\d[^()（）]*[)）]/u;

/** The label a breakdown-asked gap is declined with (declines.ts). */
export const BREAKDOWN_GAP = '内訳';

/**
 * The gaps of an answer to a question, each as a decline names it:
 * - the kind of body asked which of (text/entities.ts), when the answer names none of that kind,
 *   only the kind itself (「各府省…一部低調府省」 for 「一番低い府省はどこ？」) or a body the question names;
 * - who holds a post the question names (text/persons.ts), when the answer names nobody for it, only
 *   the post or what it does (「アドバイザリーボードの委員って誰？」 answered with what the board does);
 * - the counters a number is asked in (text/counters.ts), when the answer gives no figure in any
 *   (a date and an office for 「何人参加した」); 「何件」 counts items of any kind (「約60のシステム」);
 * - a breakdown, when the question asks figures broken down and the answer gives one figure or none;
 * - a time, when the question asks when (text/answer-types.ts) and the answer gives none (TIME_GIVEN);
 * - a place, when the question asks where something is held and the answer names none (text/venues.ts);
 * - the body the question names as its condition (「一宮市だと何倍？」), when the answer names another of
 *   its kind and not it (text/entities.ts otherBodyAnswered): the passages speak for someone else.
 */
export function answerGaps(question: string, answer: string): string[] {
  const body = askedBody(question);
  if (body && body.named(answer).length === 0) return [body.label];
  const other = otherBodyAnswered(question, answer);
  if (other) return [other];
  const person = askedPerson(question);
  if (person && !person.answers(answer)) return [person.label];
  const p = prepare(question);
  const counters = askedCounters(p);
  const text = prepare(answer);
  const held = (c: { label: string; holds: RegExp }) =>
    c.holds.test(text) || (/^何\s*件/u.test(c.label) && ITEMS_COUNTED.test(text)) || (/^何\s*時間/u.test(c.label) && CLOCK_RANGE.test(text));
  if (counters.length > 0 && !counters.some(held)) return counters.map((c) => c.label);
  const types = askedTypes(p).map((t) => t.name);
  // Asked figures broken down, and the answer's lines give one figure (the total) or none in the unit asked.
  if (BREAKDOWN_ASKED.test(p) && (/内訳/u.test(p) || counters.length > 0 || types.includes('amount') || types.includes('number'))) {
    const all = (re: RegExp) => text.match(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))?.length ?? 0;
    const figures = counters.length > 0 ? counters.reduce((n, c) => n + all(c.holds), 0) : all(FIGURE);
    if (figures <= 1 && !BRACKETED_BREAKDOWN.test(text)) return [BREAKDOWN_GAP];
  }
  // Asked when, and no time in the answer's lines: they tell what was done or planned, not when.
  if (types.includes('when') && !TIME_GIVEN.test(text)) return [TIME_GAP];
  // Asked where it is held, and no place in the answer's lines: they tell when or who, not where.
  if (asksVenue(p) && !givesPlace(text)) return [VENUE_GAP];
  return [];
}

/**
 * The shortened answer, unless it leaves out something the question asks that the whole gives
 * (answerGaps: a count, a body, a time): how an answer is laid out must not turn it into a decline.
 */
export function shortened(question: string, whole: string, short: string): string {
  if (short === whole) return whole;
  const gaps = answerGaps(question, whole);
  return answerGaps(question, short).every((g) => gaps.includes(g)) ? short : whole;
}
