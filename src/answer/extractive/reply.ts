// The short reply that opens an extractive answer stating the value it quotes first
// (「約5400億円です[1]。」), built from the value the direct answer chose (direct.ts), never a figure of
// ours; with the guards that keep a value which does not read alone from being stated as the answer.
import { askedCounters } from '../../text/counters.ts';
import { prepare } from '../../text/tokenize.ts';
import { type Candidate, DIRECT_FEATURES, type DirectModel, VALUE, WHOLE_DATE } from './direct.ts';
import { directValue, leadsWithRecord } from './direct-quote.ts';
import type { Sentence } from './scoring.ts';
import { clean } from './sentences.ts';

/**
 * The short reply that states the value the answer opens with (「約5400億円です[1]。」), cited; null
 * when the value makes no reply alone (replyOf), when its own record leads, when its sentence is
 * short, or when the question asks two figures. The answerer puts it first only when the answer
 * carries no caution (a reply stating a value, then a note that it may not answer, contradicts
 * itself).
 */
export function directReply(question: string, all: Sentence[], model: DirectModel, earlier = ''): string | null {
  return replyTo(question, directValue(question, all, model, earlier));
}

/** The reply (directReply) for the value the answer opens with, already chosen. */
export function replyTo(question: string, c: Candidate | null): string | null {
  // A row's own label already leads (「R6年度:3107件」); a short sentence is read at a glance; a
  // question asking two figures (「何拠点・何人」) is not answered by one.
  const reply = c && !leadsWithRecord(c) && clean(c.s.text).length > SHORT_SENTENCE && askedCounters(prepare(question)).length < 2 ? replyOf(c) : null;
  return reply && c ? `${reply}です[${c.s.n}]。` : null;
}

/**
 * The share of the question's terms that must stand within 25 characters of a value for it to be
 * stated as the reply. On the development sets' replies the four values below 0.2 were all wrong
 * (「3割です」 for a discount rate, three of them near misses); the right ones had 0.27 or more.
 */
const REPLY_NEAR = 0.2;

/** A sentence this short states its value at a glance (「国内出張の宿泊手当は、1夜につき2,400円です。」): no reply repeats it. */
const SHORT_SENTENCE = 40;

/** Units a value reads by alone in a reply (「約7,000名です」「▲8%です」「2,400円です」「3,111百万円です」). */
const PLAIN_UNIT = /^[百千万億兆]*(?:%|パーセント|円|割|[人名件回点倍位歳枚社校]|[かヵヶケカ]?所|[かヵヶケカ]月間?|か年|年間?|日間?|時間|団体|府省庁?|省庁|条項|拠点|システム|項目)?(?:以上|以下|未満|超|程度|前後)?$/u;

/** One end of a range (「20人〜30人」「令和7年4月1日から令和7年5月30日まで」「10-20%」), around a value. */
const RANGE_BEFORE = /(?:[〜~～\-－]|から)\s*(?:約)?$/u;
const RANGE_AFTER = /^\s*(?:[〜~～\-－]|から)\s*(?:約|令和|平成|[RrHh]?\d)/u;
/** A value that continues a larger number (「1億2,000万円」 read as 「2,000万円」) or takes a range's hyphen for a sign. */
const PART_OF_NUMBER = /\d\s*[億兆万千]?\s*[-－]?$/u;
/** A value stated as a cap or a part, not as the value itself (「上限」「最大」「うち」). */
const CAP_OR_PART = /(?:上限|最大|最高|最低|うち|内訳)[はがをの]?\s*(?:約)?$/u;

/** A year, or a fiscal year's end, as a date asked for is answered by it (「2020年度」「令和7年度」「令和9年度末」). */
const YEAR = /^(?:令和|平成|昭和)?(?:\d{4}|\d{1,2}|元)年度?(?:末)?$/u;
/** An era's name printed just before a value read without it (「令和」 of 「令和9年度末」). */
const ERA_BEFORE = /(令和|平成|昭和)$/u;

/** A year date as its reply, with the era printed before it; null for a month or a day without their year. */
function yearOf(value: string, before: string): string | null {
  // The value is read without its era (the whole-date pattern, which takes it, needs a month).
  const year = `${ERA_BEFORE.exec(before.replace(/\s+/gu, ''))?.[1] ?? ''}${value}`;
  return YEAR.test(year) ? year : null;
}

/**
 * The reply a value makes on its own (「約7,000名」「▲8%」「令和元年5月31日」), when it is of the kind
 * asked and reads alone: a date, or a figure in a plain unit. Null otherwise: 「8,614事業地方」 is a
 * figure followed by the words after it; one end of a range, part of a larger number, a cap, or
 * one of several values in the same unit in its sentence (「会場受講30人、オンライン100人」: the
 * reply would drop the condition) is no reply.
 */
function replyOf(c: Candidate): string | null {
  if (c.x[DIRECT_FEATURES.indexOf('kindMatch')] !== 1 && c.x[DIRECT_FEATURES.indexOf('counterMatch')] !== 1) return null;
  // A value with few of the question's words around it is about something else (「3割削減」 for a
  // discount rate asked): it may still be quoted, but not stated as the answer.
  if (c.x[DIRECT_FEATURES.indexOf('near')]! < REPLY_NEAR) return null;
  const text = clean(c.s.text);
  const before = text.slice(Math.max(0, c.index - 12), c.index);
  const after = text.slice(c.index + c.value.trimStart().length);
  if (RANGE_BEFORE.test(before) || RANGE_AFTER.test(after) || PART_OF_NUMBER.test(before) || CAP_OR_PART.test(before)) return null;
  const value = c.value.replace(/\s+/gu, '');
  if (c.kind === 'date') return WHOLE_DATE.test(value) ? value : yearOf(value, before);
  const unit = value.replace(/^(?:約|▲|△|\+)?\d[\d,]*(?:\.\d+)?/u, '');
  if (!PLAIN_UNIT.test(unit)) return null;
  // One of several values in the same unit: which one answers depends on a condition the reply would drop.
  const same = [...text.matchAll(VALUE)].filter((m) => m[0].replace(/\s+/gu, '').replace(/^(?:約|▲|△|\+|-)?\d[\d,]*(?:\.\d+)?/u, '') === unit);
  return same.length > 1 ? null : value;
}
