// The direct answer: when a question asks for a value (a percentage, an amount, a count, a date),
// the value in the passages that fits it opens the answer, quoted with its clause and cited,
// before the supporting passage. Which value fits is decided by a small logistic model over
// general evidence — the value's kind and counter against what is asked, the year the question
// names against the years around the value, the question's words in the value's sentence, around
// the value (weighed by rarity) and right before it, whether a date starts or ends what is asked,
// the passage's rank — fitted and cross-validated leaving one document out on
// labelled questions (scripts/fit-direct.ts), not by rules for particular questions.
import { askedTypes } from '../../text/answer-types.ts';
import { askedCounters } from '../../text/counters.ts';
import { askedDateRole, dateRoleAfter, dateRoleFit } from '../../text/date-roles.ts';
import { askedBody } from '../../text/entities.ts';
import { askedMilestone, dateMilestone, otherMilestone } from '../../text/milestones.ts';
import { BLOCK_LABEL, asksResult, givenAsPlan } from '../../text/plans.ts';
import { prepare, queryTerms } from '../../text/tokenize.ts';
import { endsInEraLetter, yearPhrases, yearsIn } from '../../text/years.ts';
import type { Sentence } from './scoring.ts';
import { clean, termSet } from './sentences.ts';
import fitted from './direct-model.json' with { type: 'json' };

export type ValueKind = 'percentage' | 'amount' | 'count' | 'date' | 'number';

export interface DirectModel {
  features: string[];
  weights: number[];
  bias: number;
  /** The chosen value's share (of the softmax over the question's values) from which it opens the answer. */
  threshold: number;
  /**
   * Whether the best value answers the question at all (a logistic model over DECLINE_FEATURES of
   * the question's best value, fitted on answerable questions and near misses): below `below`, the
   * question is declined; below `cautionBelow`, it is answered with the caution.
   */
  decline?: { features: string[]; weights: number[]; bias: number; below: number; cautionBelow?: number };
  fittedOn: string;
}

/**
 * The evidence that the question's best value answers it, beyond how well it fits (its logit): the
 * conditions the question puts that the value's sentence does not meet — a year it names that the
 * sentence (and the one before) does not, in a passage naming years; a year other than the
 * question's labelling the value. Ablated on the seed questions leave one document out and left
 * out: the retrieval's confidence (without it, near misses declined 40 → 42 of 70 on loo.json and
 * fresh.json, no fact lost), a result asked of a plan (「実績は」 against 「目標」; no answer changed)
 * and a part asked of a total (「単体で」 against 「全体で」; once narrowed to spare 「…んだけど」, no
 * untuned answer changed and the tuned sets lost two facts with it).
 *
 * `looseCount`: a number asked with no counter (「どれくらい」「いくつ」「何年になった」), whose best value
 * fits less well than one asked with its counter (no counter can match it) without being less likely
 * the answer; with this input the fit of the other questions is read on their own scale. Session 21,
 * leaving one document out (fit:direct: near misses declined 204 → 226 of 474, answerable declined 48 →
 * 50; end to end on the sixteen development sets: facts 885 → 893, near misses declined 445 → 448 and
 * answered without a caveat 117 → 113, answerable declined 140 → 129).
 */
export const DECLINE_FEATURES = ['fit', 'yearAbsent', 'yearOther', 'looseCount'] as const;

/** The question-level evidence (DECLINE_FEATURES) for a candidate value and its fit. */
export function declineInputs(question: string, c: Candidate, fit: number, all: Sentence[]): number[] {
  const p = prepare(question);
  const qYears = yearsIn(p);
  const sentence = prepare(clean(c.s.text));
  const before = all.find((x) => x.n === c.s.n && x.pos === c.s.pos - 1);
  const window = `${before ? prepare(clean(before.text)) : ''} ${sentence}`;
  const named = yearsIn(window);
  // A passage that names no year at all speaks for the period its document is in force (a rates
  // table of the current rules): a year asked is not missing from it.
  const dated = qYears.size > 0 && all.some((x) => x.n === c.s.n && yearsIn(prepare(x.text)).size > 0);
  return [
    fit,
    dated && ![...qYears].some((y) => named.has(y)) ? 1 : 0,
    c.x[DIRECT_FEATURES.indexOf('yearOther')]!,
    askedKind(question) === 'count' && askedCounters(p).length === 0 ? 1 : 0,
  ];
}

/** The decline model's probability that the question is answered by its best value. */
export function answeredProbability(decline: NonNullable<DirectModel['decline']>, inputs: number[]): number {
  const z = inputs.reduce((a, v, i) => a + (decline.weights[i] ?? 0) * v, decline.bias);
  return 1 / (1 + Math.exp(-z));
}


export const DIRECT_FEATURES = ['support', 'rank', 'kindMatch', 'kindMismatch', 'counterMatch', 'yearMatch', 'yearOther', 'near', 'early', 'labelSupport', 'approx', 'relScore', 'looseMismatch', 'dateRole', 'nearRare', 'label'] as const;

/**
 * The decline model of a value model when it reads the inputs this code computes (their order is
 * their meaning), else none: a model fitted before the inputs changed declines nothing until
 * `npm run fit:direct -- --write` refits it (a test holds the shipped model to the code).
 */
function declineOf(model: DirectModel): DirectModel['decline'] {
  const d = model.decline;
  return d && d.features.length === DECLINE_FEATURES.length && d.features.every((f, i) => f === DECLINE_FEATURES[i]) ? d : undefined;
}

export const DIRECT_MODEL: DirectModel = fitted as DirectModel;

/** A figure as printed: sign or 約, digits, then its unit (「約7800万人」「▲8%」「1,200人以上」「令和7年6月2日」). */
export const VALUE = new RegExp(
  [
    // A whole date first (「令和7年6月2日」「2024年11月7日」), so that it is one value, not three.
    '(?:令和|平成|昭和|[RrHh])?\\s*(?:\\d{1,4}|元)\\s*年度?\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?',
    '(?:約|▲|△|\\+|-)?\\s*\\d[\\d,]*(?:\\.\\d+)?\\s*(?:[千万億兆]\\s*)*(?:%|パーセント|円|割|[かヵヶケカ]月間?|か年|[\\p{Script=Han}\\p{Script=Katakana}ー]{1,4})?',
  ].join('|'),
  'gu',
);
/** A question about a change (「減った」「増えそう」「下がった」「削減」): its answer may be a rate or a multiple. */
const CHANGE = /減|増|下が|上が|伸び|縮|削減|増加|低下|上昇|変わ|変化/u;

/** A question asking which one of a series (「第何回」「何条何項」「法律第何号」「何番目」): an ordinal answers it. */
const ORDINAL_ASKED = /第\s*何|何\s*(?:条(?!件)|号|項(?!目)|番目|回目)/u;

/**
 * A time given in words, as administrative text sets deadlines (「年内を目途に」「年度内」「今夏」「年度末まで
 * に」): a date's value when a date is asked for, though it has no digit.
 */
export const DATE_WORDS = /(?:本|今|来|次|当)?年度(?:内|中|末)|(?<!\d\s*)年内|年末(?!調整|年始)|今夏|今秋|今冬|今春|(?:夏|秋|冬|春|年度末|年末)頃|上半期|下半期|(?<![\d月])(?:上旬|中旬|下旬)/gu;

/** A whole date (its unit is read as a date's). */
export const WHOLE_DATE = /^(?:令和|平成|昭和|[RrHh])?\s*(?:\d{1,4}|元)\s*年度?\s*\d{1,2}\s*月/u;
/**
 * A value that is no figure, read with what follows it: a list or step number (「1. 」「2)」), a
 * section number (「2.1.3」).
 */
const NOT_A_FIGURE = /^(?:\d{1,2}[.)．](?!\d)|\d+(?:\.\d+)+\.\d)/u;

/**
 * A footnote's mark: one or two digits with no unit, glued to the word or bracket before them and
 * ending the sentence (「…の費用対効果の推計2」「…R7年度で更に+13名)2。」「…約248億円1」), a superscript
 * that PDF extraction flattened into the line. It refers to a note; it is no figure of anything.
 */
const FOOTNOTE_MARK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー)）」』]$/u;
function footnoteMark(value: string, before: string, after: string): boolean {
  return /^\d{1,2}$/u.test(value) && FOOTNOTE_MARK.test(before) && /^\s*(?:[。．]|$)/u.test(after);
}

export interface Candidate {
  s: Sentence;
  value: string;
  index: number;
  kind: ValueKind;
  x: number[];
  /** The value with the year it is given for, as printed (「R6年度:3107件」), when a year labels it. */
  record: string | null;
}

function kindOfUnit(unit: string): ValueKind {
  if (/^(?:%|パーセント|割)/u.test(unit)) return 'percentage';
  if (/円/u.test(unit)) return 'amount';
  // A length of time counts (「5年間」「3か月」「40時間」); a year, a month or a day names a date.
  if (/^(?:年間|か年|[かヶカ]?月間|[かヶカ]月|日間|時間)/u.test(unit)) return 'count';
  if (/^(?:年|月|日)/u.test(unit)) return 'date';
  return unit === '' ? 'number' : 'count';
}

/**
 * The kind of value a question asks for, if any. A question asking which body (「割合のグラフに出てくる
 * A社って、どこの会社？」, text/entities.ts) asks for a name, whatever figure its topic names: its
 * answer is checked for the name (answer-gaps.ts), and a decline names what is missing (「会社名」),
 * not 「割合」.
 */
export function askedKind(question: string): ValueKind | null {
  const p = prepare(question);
  if (askedBody(question) !== null) return null;
  if (/何\s*(?:%|パーセント|割)|割合|比率|[^確効]率(?:は|って|を|$)/u.test(p)) return 'percentage';
  const types = askedTypes(p).map((t) => t.name);
  if (types.includes('amount')) return 'amount';
  // 「平成27年4月1日時点で、いくつあった？」 asks a count at a date.
  if (types.includes('when') && !/いくつ|何\s*(?![年月日時])[\p{Script=Han}\p{Script=Katakana}]/u.test(p)) return 'date';
  if (askedCounters(p).length > 0) return 'count';
  if (types.includes('number')) return 'count';
  return null;
}

/** How many characters before a value are read as its label (the words that say what it is of). */
const LABEL_CHARS = 12;
/** Where a value's clause starts: its label is read after the last of these. */
const CLAUSE_BREAKS = '、。，,;；→';

/** Every value in the passages' sentences, with the evidence that it is the one asked for. */
export function candidates(question: string, all: Sentence[], earlier = ''): Candidate[] {
  // A follow-up (「R5年度は？」) asks the kind of value the question it follows asked.
  const asked = askedKind(question) ?? (earlier ? askedKind(earlier) : null);
  if (asked === null) return [];
  const p = prepare(question);
  const counters = askedCounters(p);
  const qYears = yearsIn(p);
  const qTerms = new Set(queryTerms(question));
  const approxAsked = /だいたい|くらい|ぐらい|程度|ほど|約|およそ/u.test(p);
  const changeAsked = approxAsked && counters.length === 0 && CHANGE.test(p);
  const ordinalAsked = ORDINAL_ASKED.test(p);
  const role = askedDateRole(p);
  // How rare each of the question's terms is among the passages' sentences: a rare term near a value
  // (「引越し」) says more of it than a common one (「申請」). A term in no sentence (a phrasing fragment,
  // 「教えてください」) weighs most and is near no value, so phrasing alone lowers the share a little;
  // counting only the terms the passages hold measured level (a reviewer's run, session 17: right
  // values 407 against 409). This input and `near` are collinear: the fit gives `near` a negative
  // weight beside it (dropping `near` cost 3 right values), which a later refit may flip.
  const df = new Map<string, number>();
  for (const s of all) for (const t of s.terms) if (qTerms.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + all.length / (1 + (df.get(t) ?? 0)));
  const qMass = [...qTerms].reduce((a, t) => a + idf(t), 0);
  const top = Math.max(1e-9, ...all.map((s) => s.score));
  const out: Candidate[] = [];
  for (const [i, s] of all.entries()) {
    const text = clean(s.text);
    // A value's label may stand on the line before it (a heading line, then its figures).
    const prev = i > 0 && all[i - 1]!.n === s.n ? all[i - 1]!.support : 0;
    const dateWords = asked === 'date' ? [...text.matchAll(DATE_WORDS)] : [];
    if (!/\d/u.test(text) && dateWords.length === 0) continue;
    const sentenceYears = yearsIn(prepare(text));
    const matches = [...text.matchAll(VALUE), ...dateWords];
    for (const m of matches) {
      const value = m[0].trim();
      const wordDate = !/\d/u.test(value);
      const after = text.slice((m.index ?? 0) + m[0].length);
      const before0 = text.slice(0, m.index ?? 0);
      // An ordinal names one of a series (「第10回」) and gives no value, unless the question asks
      // which one (「法律第何号」「何条何項」「第何回」); nor does a list or step number.
      if ((!wordDate && !/\d/u.test(value)) || /\d[.．]$/u.test(before0) || (!ordinalAsked && /第\s*$/u.test(before0)) || NOT_A_FIGURE.test(`${value}${after.slice(0, 3)}`) || footnoteMark(value, before0, after)) continue;
      // A figure after an era's letter is a year (「R5進捗状況」, 「一部R7.8~」 for 令和7年8月): a date's
      // value when a date is asked for, else none.
      const era = !wordDate && endsInEraLetter(before0);
      if (era && asked !== 'date') continue;
      const unit = wordDate || era || WHOLE_DATE.test(value) ? '年月日' : value.replace(/^(?:約|▲|△|\+|-)?\s*\d[\d,]*(?:\.\d+)?\s*(?:[千万億兆]\s*)*/u, '');
      // A value in the counter asked for is of the kind asked (「当初3年→2年」 for 「何年間」); else a year
      // is a date's, not a count's: 「2024年度」 counts nothing.
      const counted = counters.length > 0 && counters.some((c) => c.holds.test(prepare(value)));
      const kind = counted ? asked : kindOfUnit(unit);
      if (kind === 'date' && asked !== 'date' && /^年/u.test(unit)) continue;
      // Where the value itself starts (the pattern may take spaces before it).
      const index = (m.index ?? 0) + (m[0].length - m[0].trimStart().length);
      const around = prepare(text.slice(Math.max(0, index - 25), index + value.length + 25));
      const near = termSet(around);
      let shared = 0;
      let sharedMass = 0;
      for (const t of qTerms) {
        if (!near.has(t)) continue;
        shared++;
        sharedMass += idf(t);
      }
      // The words right before a value name it (「引越し申請は68万回」「総合職試験が25%減」): Japanese puts
      // what a figure is of just before it, within its clause (in 「研修が120件、出張が3,000件」 the second
      // value is not labelled 「研修」).
      const preceding = text.slice(Math.max(0, index - LABEL_CHARS), index);
      const labelTerms = termSet(preceding.slice(Math.max(...[...CLAUSE_BREAKS].map((b) => preceding.lastIndexOf(b))) + 1));
      let labelled = 0;
      for (const t of qTerms) if (labelTerms.has(t)) labelled++;
      // The year a value is given for is the one named last before it (「R5年度:2313件 → R6年度:3107件」).
      const before = prepare(text.slice(Math.max(0, index - 24), index));
      // (A bare 「28年度」 is read as each year it may be: all of them are its own.)
      const phrases = yearPhrases(before);
      const last = Math.max(-1, ...phrases.map((y) => y.end));
      const own = last >= 0 && before.length - last <= 12 ? new Set(phrases.filter((y) => y.end === last).map((y) => y.year)) : null;
      const years = own ?? sentenceYears;
      const raw = text.slice(Math.max(0, index - 24), index);
      const label = own !== null ? yearPhrases(raw).filter((y) => own.has(y.year)).sort((a, b) => b.end - a.end)[0] : undefined;
      const record = label ? `${raw.slice(raw.lastIndexOf(label.phrase))}${value}`.trim() : null;
      const x = [
        s.support,
        0.5 ** s.rank,
        kind === asked ? 1 : 0,
        kind !== asked && kind !== 'number' ? 1 : 0,
        counted ? 1 : 0,
        qYears.size > 0 && own !== null && [...own].some((y) => qYears.has(y)) ? 1 : qYears.size > 0 && [...years].some((y) => qYears.has(y)) ? 0.5 : 0,
        qYears.size > 0 && years.size > 0 && ![...years].some((y) => qYears.has(y)) ? 1 : 0,
        qTerms.size > 0 ? shared / qTerms.size : 0,
        s.pos === 0 ? 1 : 1 / (1 + s.pos),
        prev,
        approxAsked && /^約/u.test(value) ? 1 : 0,
        Math.max(0, s.score) / top,
        // A question asking roughly how much something changed, in no counter (「どのくらい減った」),
        // takes a change of another kind too (「32%減」「約3.6倍」): the kind asked is only a guess there.
        // Never a date: a rough 「どのくらい」 is not answered by a month (「令和7年)4月」).
        changeAsked && kind !== asked && kind !== 'number' && kind !== 'date' ? 1 : 0,
        // A date that starts something (「2023年3月から運用を開始」) against one that ends it (「2026年度末までに
        // 全国に展開」), as the question asks one or the other (text/date-roles.ts).
        kind === 'date' ? dateRoleFit(role, dateRoleAfter(after)) : 0,
        qMass > 0 ? sharedMass / qMass : 0,
        qTerms.size > 0 ? labelled / qTerms.size : 0,
      ];
      out.push({ s, value, index, kind, x, record });
    }
  }
  return out;
}

/** Each value's share of the model's belief that it is the one asked for (a softmax over the question's values). */
export function shares(model: DirectModel, xs: number[][]): number[] {
  const zs = xs.map((x) => fitOf(model, x));
  const m = Math.max(...zs);
  const es = zs.map((z) => Math.exp(z - m));
  const sum = es.reduce((a, b) => a + b, 0);
  return es.map((e) => e / sum);
}

/** The model's logit of a value: how well it fits the question, comparable across questions. */
export function fitOf(model: DirectModel, x: number[]): number {
  return x.reduce((z, v, i) => z + (model.weights[i] ?? 0) * v, model.bias);
}

/** A question asking a part or a share of a whole it names (「…のうち」「内訳」「…ずつ」「…ごと」). */
const ASKS_PART = /(?<!も)うち(?!の|ょ)|内訳|ずつ|ごと/u;
/** A part of a total (「約700億円のうち」「内訳」), not a rate (「1日ごとに」「2万円ずつ」). */
const OF_TOTAL = /(?:の|その|、)うち(?!の|ょ)|内訳/u;

/** A value the question itself states (「260団体のうち、都道府県はいくつ？」 states 「260団体」): no answer to it. */
export function restates(question: string, value: string): boolean {
  const v = prepare(value).replace(/\s+/gu, '');
  return v !== '' && prepare(question).replace(/\s+/gu, '').includes(v);
}

/**
 * The question's best value (the highest fit), whether it is declined for want of a fitting value,
 * and the decline model's probability that it answers the question. Null without a decline model.
 * Null when no value is asked for, or when the passages hold no figure at all (「日当は支給しません。」
 * may answer 「日当はいくら？」): those were never part of the fit and are left to the confidence model.
 * (A time in words, 「年内」, is a value when a date is asked for: DATE_WORDS.)
 */
export function judgeValue(
  question: string,
  all: Sentence[],
  model: DirectModel,
  earlier = '',
): { asked: ValueKind; closest: Candidate; declined: boolean; p: number; whole: boolean; planned: boolean; milestone: string | null } | null {
  const decline = declineOf(model);
  if (!decline) return null;
  const asked = askedKind(question) ?? (earlier ? askedKind(earlier) : null);
  if (asked === null) return null;
  let closest: Candidate | null = null;
  let z = -Infinity;
  const cs = candidates(question, all, earlier);
  for (const c of cs) {
    const f = fitOf(model, c.x);
    if (f > z) [z, closest] = [f, c];
  }
  if (closest === null) return null;
  const p = answeredProbability(decline, declineInputs(question, closest, z, all));
  // A part asked of a value the question itself states (「約700億円のうち、マイナポータル分はいくら？」),
  // whose best answer in the passages is that value again: they repeat what the asker knows, not
  // the part asked. (A value the asker states of their own case, 「素泊まり11,500円で泊まりました。
  // いくら支給されますか？」, may well be the answer: only a part asked is declined.)
  // `whole`: the passages give only the total the question names, not the part of it asked.
  const q = prepare(question);
  const restated = ASKS_PART.test(q) && restates(question, closest.value);
  // A result asked (「実際の平均点は？」) whose best value the passage gives as a target (text/plans.ts),
  // with no value of that kind fitting about as well in the passage given otherwise (「目指す。令和5年度は
  // 平均4.2日であった」): the documents say what was aimed at, not what happened.
  const best = closest;
  const planned = asksResult(question) && isPlanned(best, all) && !cs.some((c) => c.s.n === best.s.n && c.kind === best.kind && fitOf(model, c.x) >= z - RIVAL_FIT && !isPlanned(c, all));
  // A law's milestone asked (「施行日はいつ？」) whose best date the passage gives for another
  // (「令和元年5月31日公布」, text/milestones.ts): that date answers another question.
  const text = clean(closest.s.text);
  const milestone = asked === 'date' ? askedMilestone(q) : null;
  const other = otherMilestone(milestone, dateMilestone(text.slice(0, closest.index), text.slice(closest.index + closest.value.length)));
  return { asked, closest, declined: p < decline.below || restated || planned || other, p, whole: restated && OF_TOTAL.test(q), planned, milestone: other ? milestone : null };
}

/**
 * How much less well (in the value model's logit) another value of the passage may fit and still be
 * the result a target's passage gives beside it: 2, about 7 times less likely. Any value of the kind
 * was too many: 「24時間365日受け付ける」 (5.8 below) spared e-Gov's target of two near misses.
 */
const RIVAL_FIT = 2;

/** How far above a value its block label may stand (「【成果指標（アウトカム）】」 heading a list of values). */
const LABEL_REACH = 6;

/** Whether the passage gives a value as a target or forecast (text/plans.ts), read with the block label above it. */
export function isPlanned(c: Candidate, all: Sentence[]): boolean {
  const text = clean(c.s.text);
  const label = all
    .filter((x) => x.n === c.s.n && x.pos < c.s.pos && x.pos >= c.s.pos - LABEL_REACH && BLOCK_LABEL.test(clean(x.text)))
    .sort((a, b) => b.pos - a.pos)[0];
  return givenAsPlan(label ? clean(label.text) : '', text.slice(0, c.index), text.slice(c.index + c.value.length));
}

/**
 * The value the model believes in most among those kept, with its share of the softmax over all
 * the question's values (as OPEN_SHARE is read).
 */
export function bestCandidate(question: string, all: Sentence[], model: DirectModel, keep: (c: Candidate) => boolean = () => true, earlier = ''): { c: Candidate; p: number } | null {
  const cs = candidates(question, all, earlier);
  const ps = shares(model, cs.map((c) => c.x));
  let best = -1;
  ps.forEach((p, i) => {
    if (keep(cs[i]!) && (best < 0 || p > ps[best]!)) best = i;
  });
  return best < 0 ? null : { c: cs[best]!, p: ps[best]! };
}
