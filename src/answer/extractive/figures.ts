// The figure a question asks for (an amount, a count, a date): when the answer holds none, the
// sentence that holds one is added, and a long line of figures (a table flattened by PDF
// extraction) is quoted around it.
import { askedTypes } from '../../text/answer-types.ts';
import { askedCounters } from '../../text/counters.ts';
import { prepare } from '../../text/tokenize.ts';
import { antecedent } from './layouts.ts';
import type { Lines } from './lines.ts';
import type { ExtractiveOptions } from './options.ts';
import type { Sentence } from './scoring.ts';
import { SENTENCE_END, clean } from './sentences.ts';

/** Kinds of fact whose absence leaves a question unanswered: a figure, an amount, a date. */
const FACTS = new Set(['amount', 'number', 'when']);
/** Ordinals, which name one of a series and count nothing: 「第10回」 does not say how many times. */
const ORDINALS = /第\s*\d+\s*[回期次号条項章節]/gu;
/**
 * How well, relative to the lead, a sentence elsewhere must be supported to be added for the figure
 * it holds. On the seed questions, 0–0.25 give the same answers (55 of 66 state the fact), 0.35
 * loses one and 0.5 four; golden facts do not move. Below it, a figure about something else could
 * be added (「日当は1日2,200円」 for 「何日前まで」).
 */
const FACT_SUPPORT = 0.25;
/** How many sentences after the lead a figure it leads to may be (a heading line, then its rows). */
const FACT_REACH = 4;
/** Years, fiscal years and dates, which hold digits but no count or amount. */
const YEARS_AND_DATES = /(?:令和|平成|昭和|(?<![a-z])[rh])\s*(?:\d{1,2}|元)\s*(?:年度?|[.．]\s*\d{1,2})?|\d{4}\s*年度?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/giu;
/** An amount of money written with digits (「2,400円」「約2億2千万円」), not a bare 「円」 (「単位:円」). */
const AMOUNT = /\d[\d,.]*\s*(?:[千万億兆]\s*)*円/u;
/**
 * Numbers that are no figure of anything: a step's or a list's number, a section number
 * (「7.6.4」), an error code (「E5000番台」), a date written with slashes or hyphens.
 */
const NOT_FIGURES = /^\s*(?:\d{1,2}[.)．]|[-*・●])\s*|\d+(?:[.．]\d+){1,3}(?![\d%％円万億])|(?<![a-z\d])[a-z]\d{3,4}(?!\d)|\d{4}[/-]\d{1,2}[/-]\d{1,2}/giu;

/**
 * When the question asks for a figure, an amount or a date and no sentence of the answer holds
 * one (the lead named the topic: 「2024年度末の運用等経費削減効果(推計)」), the sentence that holds
 * one: from the few after the lead in its passage (a heading line, then its figures), else the
 * best-supported one if it is supported at least FACT_SUPPORT as well as the lead.
 */
export function writeAskedFact(out: Lines, lead: Sentence, question: string, ranked: Sentence[], all: Sentence[], options: ExtractiveOptions): void {
  const types = askedTypes(prepare(question)).filter((t) => FACTS.has(t.name));
  if (types.length === 0) return;
  const counters = askedCounters(prepare(question));
  const holds = (s: Sentence) => {
    const text = prepare(s.text).replace(NOT_FIGURES, ' ');
    const counted = text.replace(ORDINALS, ' ');
    // A year or a date is no figure: 「2024年度末の…削減効果」 does not say how much.
    const figures = counted.replace(YEARS_AND_DATES, ' ');
    const typed = (t: (typeof types)[number]) => (t.name === 'when' ? t.holds.test(text) : (t.name === 'amount' ? AMOUNT : t.holds).test(figures));
    return types.every(typed) && counters.every((c) => c.holds.test(counted));
  };
  // A long line (a table flattened by PDF extraction) is quoted around the figure asked for.
  const marks = [...counters.map((c) => c.holds), ...(types.some((t) => t.name === 'amount') ? [AMOUNT] : [])];
  const partOf = (x: Sentence) => (isDataLine(x) ? excerpt(clean(x.text), marks) : null);
  const holder = out.used.find(holds);
  if (holder) {
    const part = partOf(holder);
    if (part) out.requote(holder, part);
    return;
  }
  const next = all.filter((s) => s.n === lead.n && s.pos > lead.pos && s.pos <= lead.pos + FACT_REACH);
  const fact = next.find((s) => !out.has(s) && holds(s)) ?? ranked.find((s) => s.support >= Math.max(options.minSupport, lead.support * FACT_SUPPORT) && !out.has(s) && holds(s));
  if (!fact) return;
  const part = partOf(fact);
  if (part) return out.quote(fact, part);
  const before = antecedent(fact, all);
  if (before) out.sentence(before);
  if (fact.row || fact.bullet) out.item(fact);
  else if (fact.step !== null) out.step(fact);
  else out.sentence(fact);
}

/** A line of data longer than this is quoted around the figure asked for. */
const LONG_FACT = 160;

/** A long line of figures that is no sentence: a table flattened by PDF extraction. */
function isDataLine(s: Sentence): boolean {
  const t = clean(s.text);
  return t.length > LONG_FACT && !SENTENCE_END.test(t) && (t.match(/\d+/gu)?.length ?? 0) >= 8;
}
/** Characters kept on either side of the figure in such a quote. */
const EXCERPT_REACH = 50;

/**
 * The part of a long text around the first figure one of the patterns finds, cut at spaces or
 * punctuation, with 「…」 where text was left out; null when no pattern finds one.
 */
export function excerpt(text: string, patterns: RegExp[]): string | null {
  for (const re of patterns) {
    const m = new RegExp(re.source, re.flags.replace('g', '')).exec(text);
    if (!m) continue;
    let start = Math.max(0, m.index - EXCERPT_REACH);
    let end = Math.min(text.length, m.index + m[0].length + EXCERPT_REACH);
    const before = text.slice(start, m.index).search(/[\s、。]\S*$/u);
    if (start > 0 && before >= 0) start += before + 1;
    const after = text.slice(m.index + m[0].length, end).search(/[\s、。]/u);
    if (end < text.length && after >= 0) end = m.index + m[0].length + after + (text[m.index + m[0].length + after] === '。' ? 1 : 0);
    return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
  }
  return null;
}
