// The built-in answer, composed from the numbered passages: the sentences that best support the
// question, laid out as the passage lays them out — a lead (the point first), then the steps of a
// procedure, the items of a list with the sentence that announces them, the rows of a table after
// the sentence that explains it — each followed by [n]. Deterministic; no model.
import { askedTypes } from '../../text/answer-types.ts';
import { codesIn } from '../../text/codes.ts';
import { askedCounters } from '../../text/counters.ts';
import { prepare, queryTerms } from '../../text/tokenize.ts';
import { parseUserPrompt, type PromptPassage } from '../prompt.ts';
import { type PassageSentence, STEP, clean, passageSentences, termSet } from './sentences.ts';

/** What the model says when the passages do not answer (the pipeline recognizes it). */
export const NO_ANSWER_TEXT = '資料には、この質問に答える記載が見当たりませんでした。';

export interface ExtractiveOptions {
  /**
   * Minimum share of the question's term weight that the lead sentence must carry. Whether the
   * passages answer is decided before, by the calibrated confidence (answer/confidence.ts); this
   * only keeps a sentence sharing next to nothing with the question from leading. At 0.18 it was
   * a second, uncalibrated threshold: on the golden set it declined 18 answerable questions that
   * the confidence had passed, for 4 unanswerable ones (abstention precision 0.452 → 0.569 at 0.05).
   */
  minSupport: number;
  maxSupporting: number;
  maxSteps: number;
  /** Table rows or list items shown (the best ones, in their order, when there are more). */
  maxRows: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = { minSupport: 0.05, maxSupporting: 1, maxSteps: 10, maxRows: 8 };

/**
 * How much less a sentence of the next passage down counts. The retriever's order already weighs
 * where the question's terms meet (one sentence, the heading): at 0.15 the lead sentence came from
 * a lower passage often enough that it cited an expected passage for 0.730 of the answered golden
 * test-half questions while the top passage was an expected one for 0.778; at 0.5 the two agree
 * (dev half 0.802 → 0.810; `npm run eval` prints it as the answer's lead accuracy). Applied once
 * per rank (1, 0.5, 0.25 …): until session 4 it was subtracted per rank (1, 0.5, 0, −0.5 …), so
 * that no sentence of the third passage or below could support an answer (a seed question's
 * figure, 「計33人が定員措置」, was in the fourth).
 */
const RANK_DISCOUNT = 0.5;

/**
 * A question asking for every item of a list: sentences naming several items are preferred, and
 * no row it happens to name is shown alone.
 */
const ASKS_ALL = /一覧|全部|ぜんぶ|すべて|全て|どんな|どれ(?!くらい|ぐらい|だけ|ほど)|何と何|それぞれ|列挙/u;

/** A sentence that opens by pointing back (「この場合、」「そのため」): it needs the one before it. */
const ANAPHORIC = /^(?:この|その|これ|それ|こうした|そうした)/u;

interface Sentence extends PassageSentence {
  n: number;
  /** Position of the passage among those given (0 = best ranked). */
  rank: number;
  score: number;
  /** Share of the question's term weight the sentence carries, before its passage's rank counts. */
  support: number;
}

/**
 * How well, relative to an example, another sentence must be supported to lead instead. At 0.5 an
 * example that fits the question's own case (「区分5の職員が鉄道で片道40kmの…日帰り」 for that
 * question) lost the lead; from 0.6 to 0.8 it keeps it, while a general example (「例:用務区分
 * 「会議出席」…」 for 「用務内容 どこまで詳しく」) gives way.
 */
const EXAMPLE_YIELDS = 0.7;

/** An example (「例: …」「例えば、…」). */
function isExample(s: Sentence | undefined): boolean {
  return s !== undefined && /^例えば/u.test(clean(s.text));
}

/** What a sentence that lists the items asked for (「…の費用をぜんぶ」) gains, as a sentence holding the kind of fact asked for does. */
const LIST_BOOST = 0.15;

/** A sentence naming four or more items (three 、 or ・ between them): 「予防接種の費用、旅券の交付手数料、査証の取得手数料、…」. */
function enumerates(sentence: string): boolean {
  return sentence.split(/[、・]/u).filter((x) => x.trim().length >= 2).length >= 4;
}

function answerTypeBoost(question: string, sentence: string): number {
  return askedTypes(question).filter((t) => t.holds.test(sentence)).length * 0.15;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / Math.max(1, a.size + b.size - inter);
}

function cite(text: string, n: number): string {
  const t = clean(text);
  // The marker goes before the final 。 so the sentence reads naturally: 「…します[1]。」
  return /[。！？]$/.test(t) ? `${t.slice(0, -1)}[${n}]${t.slice(-1)}` : `${t}[${n}]`;
}

/** Scores every sentence by the question's terms it carries (rarer terms weigh more). */
function scoreSentences(question: string, history: string[], passages: PromptPassage[]): Sentence[] {
  const all = passages.flatMap((p, rank) => passageSentences(p.text).map((s) => ({ ...s, n: p.n, rank, score: 0, support: 0 })));
  const qTerms = new Set(queryTerms(question));
  const ctxTerms = new Set(history.flatMap((h) => queryTerms(h)).filter((t) => !qTerms.has(t)));
  const df = new Map<string, number>();
  for (const s of all) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const weight = (t: string) => (t.startsWith('~') ? 1 : 2) * Math.log(1 + all.length / (1 + (df.get(t) ?? 0)));
  let qMass = 0;
  for (const t of qTerms) qMass += weight(t);
  // A passage's heading speaks for all its sentences (an error code or FAQ question is often
  // only in the heading): its matching terms count at half weight where a sentence lacks them.
  const labelTerms = new Map(passages.map((p) => [p.n, termSet(p.label)]));
  const codes = new Set(codesIn(prepare(question)));
  const asksList = ASKS_ALL.test(question);
  for (const s of all) {
    let m = 0;
    for (const t of s.terms) {
      if (qTerms.has(t)) m += weight(t);
      else if (ctxTerms.has(t)) m += 0.4 * weight(t);
    }
    for (const t of labelTerms.get(s.n) ?? []) if (qTerms.has(t) && !s.terms.has(t)) m += (codes.has(t) ? 1 : 0.5) * weight(t);
    const support = m / Math.max(1e-9, qMass);
    s.support = support;
    // Better-ranked passages are preferred; examples support, they do not lead.
    s.score = support * (1 - RANK_DISCOUNT) ** s.rank + (support > 0 ? answerTypeBoost(question, s.text) + (asksList && enumerates(s.text) ? LIST_BOOST : 0) : 0) - (/^例えば/u.test(clean(s.text)) ? 0.1 : 0);
  }
  return all;
}

/**
 * The lead's passage with the other cited passages of the same section, in reading order (a long
 * procedure or table is split into chunks: the cause and steps 1–2 in one, steps 3–4 in another).
 * Passages with steps go by their first step. One without steps goes first when it opens with
 * prose, after those when it opens with a table row or list item (a table's continuation), and
 * last when another passage starts at step 1 (it is the tail after the steps).
 */
function sectionOf(lead: Sentence, passages: PromptPassage[], all: Sentence[]): Sentence[] {
  const label = passages.find((p) => p.n === lead.n)?.label;
  const group = passages.filter((p) => p.label === label).map((p) => all.filter((s) => s.n === p.n));
  if (group.length < 2) return all.filter((s) => s.n === lead.n);
  const startsAtOne = group.some((ss) => ss.find((s) => s.step !== null)?.step === 1);
  const order = (ss: Sentence[]) => {
    const step = ss.find((s) => s.step !== null)?.step;
    if (step != null) return step;
    if (startsAtOne) return Infinity;
    const first = ss[0];
    return first && (first.row || first.bullet) ? 0.5 : 0;
  };
  return group.sort((a, b) => order(a) - order(b)).flat();
}

/** Writes the answer's lines, remembering which sentences it used. */
class Lines {
  /** The question's own terms (not earlier turns'): rows or items it names are shown alone. */
  readonly asked: ReadonlySet<string>;
  /** The question follows up an earlier one in the conversation. */
  readonly followUp: boolean;
  constructor(asked: ReadonlySet<string>, followUp: boolean) {
    this.asked = asked;
    this.followUp = followUp;
  }
  private readonly entries: Array<{ text: string; from: Sentence | null }> = [];
  get lines(): string[] {
    return this.entries.map((e) => e.text);
  }
  get used(): Sentence[] {
    return this.entries.flatMap((e) => (e.from ? [e.from] : []));
  }
  has(s: Sentence): boolean {
    return this.entries.some((e) => e.from?.n === s.n && e.from.pos === s.pos);
  }
  /** A line of the answer's own (「手順は次のとおりです。」). */
  text(line: string): void {
    this.entries.push({ text: line, from: null });
  }
  sentence(s: Sentence): void {
    if (!this.has(s)) this.entries.push({ text: cite(s.text, s.n), from: s });
  }
  /**
   * A sentence of a paragraph already quoted goes where it stands in that paragraph, after the
   * paragraph's first quoted sentence (a supporting sentence picked after the lead may stand
   * between two quoted ones); any other at the end.
   */
  inPlace(s: Sentence): void {
    if (this.has(s)) return;
    const para = (e: { from: Sentence | null }) => e.from !== null && e.from.n === s.n && e.from.line === s.line && e.from.step === null && !e.from.row && !e.from.bullet;
    const at = this.entries.findIndex((e) => para(e) && e.from!.pos > s.pos);
    if (at < 0 || !this.entries.slice(0, at).some(para)) return this.sentence(s);
    this.entries.splice(at, 0, { text: cite(s.text, s.n), from: s });
  }
  item(s: Sentence): void {
    if (!this.has(s)) this.entries.push({ text: `・${cite(s.text, s.n)}`, from: s });
  }
  /** Part of a sentence (「…合計(26省庁1082システム)…」), cited. */
  quote(s: Sentence, part: string): void {
    if (!this.has(s)) this.entries.push({ text: `${part}[${s.n}]`, from: s });
  }
  /** A sentence already written, replaced by part of it. */
  requote(s: Sentence, part: string): void {
    const e = this.entries.find((x) => x.from?.n === s.n && x.from.pos === s.pos);
    if (e) e.text = `${e.text.startsWith('・') ? '・' : ''}${part}[${s.n}]`;
  }
  step(s: Sentence): void {
    if (!this.has(s)) this.entries.push({ text: cite(s.text, s.n).replace(STEP, `${s.step}. `), from: s });
  }
}

/**
 * A paragraph is read as written when it has at most this many sentences and characters; an
 * FAQ's 「A.」 answer, written by the help desk as the whole answer to its question, up to `faq`;
 * for a follow-up, only a paragraph of two short sentences.
 */
const WHOLE_PARAGRAPH = { sentences: 4, chars: 300, faq: { sentences: 6, chars: 450 }, followUp: { sentences: 2, chars: 200 } };
/** An FAQ entry's answer line. */
const FAQ_ANSWER = /^A[.．]\s*/;

/**
 * The sentence with the rest of its paragraph when that is short (an FAQ's 「A.」 answer reads as
 * written: its point first, then the conditions and where to go). In a longer paragraph, the
 * sentence with the paragraph's first one when that carries the question's terms at least half as
 * well (a paragraph states its point first: 「原則として、基準額を超えた部分は支給されません。」), in
 * reading order; for a follow-up, the sentence alone.
 */
function paragraphOf(s: Sentence, block: Sentence[], followUp: boolean): Sentence[] {
  const para = block.filter((x) => x.n === s.n && x.line === s.line && x.step === null && !x.row);
  const length = para.reduce((a, x) => a + x.text.length, 0);
  // A follow-up (「改正前はいくらでしたか？」) asks for one more point, not the whole paragraph again.
  const limit = followUp ? WHOLE_PARAGRAPH.followUp : para[0] && FAQ_ANSWER.test(para[0].text) ? WHOLE_PARAGRAPH.faq : WHOLE_PARAGRAPH;
  if (para.length > 1 && para.length <= limit.sentences && length <= limit.chars) return para;
  const first = para[0];
  return first && first !== s && !followUp && first.score >= s.score * 0.5 ? [first, s] : [s];
}

/** A word that can name a row: two or more kanji, katakana or Latin letters (「東京都」「E5001」). */
const NAME = /^[\p{Script=Han}\p{Script=Katakana}ーa-z\d]{2,}$/u;

/**
 * The rows or items to show: those the question names by a word few of them have (「東京都」 picks
 * its row of a table of prefectures), else the best `max`, in the block's order.
 */
function best(items: Sentence[], block: Sentence[], max: number, asked: ReadonlySet<string>): Sentence[] {
  const rare = (t: string) => asked.has(t) && NAME.test(t) && items.filter((x) => x.terms.has(t)).length <= Math.max(1, Math.floor(items.length / 3));
  // Only a table's rows: the lines of a list or a calculation read together.
  const named = items.length > 2 && items.every((x) => x.row) ? items.filter((x) => [...x.terms].some(rare)) : [];
  if (named.length > 0) return named.slice(0, max);
  if (items.length <= max) return items;
  const at = (s: Sentence) => block.indexOf(s);
  return [...items].sort((a, b) => b.score - a.score || at(a) - at(b)).slice(0, max).sort((a, b) => at(a) - at(b));
}

/** The list items or table rows right after position i of the block. */
function itemsAfter(block: Sentence[], i: number, max: number, asked: ReadonlySet<string>): Sentence[] {
  const items: Sentence[] = [];
  for (let j = i + 1; j < block.length && (block[j]!.bullet || block[j]!.row) && block[j]!.step === null; j++) items.push(block[j]!);
  return best(items, block, max, asked);
}

/** The sentence before s in its passage, when s opens by pointing back to it (「この場合、…」). */
function antecedent(s: Sentence, all: Sentence[]): Sentence | undefined {
  return ANAPHORIC.test(clean(s.text)) ? all.find((x) => x.n === s.n && x.pos === s.pos - 1 && x.step === null) : undefined;
}

/** A paragraph (after the sentence it points back to, if any), then the list it announces. */
function writeParagraph(out: Lines, s: Sentence, block: Sentence[], all: Sentence[], options: ExtractiveOptions): void {
  const para = paragraphOf(s, block, out.followUp);
  for (const x of para) {
    const before = antecedent(x, all);
    if (before) out.sentence(before);
    out.sentence(x);
  }
  const last = para[para.length - 1]!;
  if (last.introduces) for (const item of itemsAfter(block, block.indexOf(last), options.maxRows, out.asked)) out.item(item);
}

/** Causes listed before the steps that are shown (more when the best-supported one comes later). */
const MAX_CAUSES = 3;

/** The list items of a passage around one of them, in order. */
function listOf(item: Sentence, block: Sentence[]): Sentence[] {
  let i = block.indexOf(item);
  let j = i;
  const same = (s: Sentence | undefined) => s !== undefined && s.n === item.n && s.bullet && s.step === null;
  while (same(block[i - 1])) i--;
  while (same(block[j + 1])) j++;
  return block.slice(i, j + 1);
}

/** A procedure: the best sentence before the steps, then the steps in order, then the best sentence if it comes after them. */
function writeProcedure(out: Lines, lead: Sentence, block: Sentence[], steps: Sentence[], all: Sentence[], options: ExtractiveOptions): void {
  // A labelled line (「表示される場面: …」) leads only when no other sentence carries the question's
  // terms; on a tie the earlier sentence, since an entry states its point first and adds cases after.
  const before = block.slice(0, Math.max(0, block.indexOf(steps[0]!))).filter((s) => s.step === null && !s.row);
  const prose = before.filter((s) => !s.labelled && s.score > 0);
  const intro = (prose.length > 0 ? prose : before).sort((a, b) => b.score - a.score || block.indexOf(a) - block.indexOf(b))[0];
  if (intro?.bullet && !intro.fragment) {
    // A list of causes before the steps (an error entry's 原因): all of them, in order, as sentences.
    const causes = listOf(intro, block);
    for (const s of causes.slice(0, Math.max(MAX_CAUSES, causes.indexOf(intro) + 1))) out.sentence(s);
  } else if (intro) writeParagraph(out, intro, block, all, options);
  // A passage that holds only the later steps of a procedure (the rest is in another passage).
  else out.text(steps[0]?.step === 1 ? '手順は次のとおりです。' : '該当する手順は次のとおりです(途中の手順から)。');
  for (const s of steps.slice(0, options.maxSteps)) out.step(s);
  // The best sentence itself, when it is a step past the limit or follows the steps (「修正した申請は…」).
  if (lead.step !== null) out.step(lead);
  else if (block.indexOf(lead) > block.indexOf(steps[steps.length - 1]!)) writeParagraph(out, lead, block, all, options);
}

/**
 * A table after what explains it: the passage's first statement on the topic (an FAQ's 「A.」
 * line) and the sentence that introduces the table (else the best one), then its rows.
 */
function writeTable(out: Lines, block: Sentence[], options: ExtractiveOptions): void {
  const prose = block.filter((s) => !s.row && s.step === null && !s.bullet && s.score > 0);
  const rows = block.filter((s) => s.row);
  const before = block[block.indexOf(rows[0]!) - 1];
  const announces = before && !before.row && !before.bullet && before.step === null ? before : [...prose].sort((a, b) => b.score - a.score || a.pos - b.pos)[0];
  for (const s of [prose[0], announces]) if (s) out.sentence(s);
  for (const s of best(rows, block, options.maxRows, out.asked)) out.item(s);
}

/** A list item that is no sentence, with the sentence that announces its list and the list. */
function writeListItem(out: Lines, lead: Sentence, block: Sentence[], options: ExtractiveOptions): void {
  let i = block.indexOf(lead);
  while (i > 0 && block[i - 1]!.bullet && block[i - 1]!.n === lead.n) i--;
  const leadIn = i > 0 && block[i - 1]!.n === lead.n && block[i - 1]!.step === null && !block[i - 1]!.row ? block[i - 1]! : null;
  if (leadIn) out.sentence(leadIn);
  for (const item of leadIn ? itemsAfter(block, i - 1, options.maxRows, out.asked) : [lead]) out.item(item);
}

/** A word of a question that names something (two or more kanji, katakana or Latin letters). */
const CONTENT_WORD = /^[\p{Script=Han}\p{Script=Katakana}ーa-z\d]{2,}$/u;

/**
 * A question in two parts (「どうやって解除できますか？新しいパスワードの条件も教えてください。」):
 * when the answer so far leaves out most of what only the last part asks (its own words, weighted
 * by rarity among the passages' sentences), the sentence that holds most of it, with the list it
 * belongs to or announces.
 */
function writeLastPart(out: Lines, question: string, all: Sentence[], options: ExtractiveOptions): void {
  const parts = question.split(/(?<=[？?。！!\n])/u).map((x) => x.trim()).filter((x) => x.length > 0);
  // Two questions, not a situation and a question (「E4002が出ました。どういう意味ですか？」).
  if (parts.length < 2 || !ASKS.test(parts[parts.length - 1]!) || !parts.slice(0, -1).some((x) => ASKS.test(x))) return;
  const before = new Set(parts.slice(0, -1).flatMap((x) => queryTerms(x)));
  const own = [...new Set(queryTerms(parts[parts.length - 1]!))].filter((t) => CONTENT_WORD.test(t) && !before.has(t));
  if (own.length === 0) return;
  const df = (t: string) => all.filter((x) => x.terms.has(t)).length;
  const weights = new Map(own.map((t) => [t, Math.log(1 + all.length / (1 + df(t)))]));
  const total = [...weights.values()].reduce((a, w) => a + w, 0);
  const share = (x: Sentence) => own.reduce((a, t) => a + (x.terms.has(t) ? weights.get(t)! : 0), 0) / total;
  if (out.used.some((x) => share(x) >= LAST_PART_COVERED)) return;
  const best = [...all].filter((x) => !out.has(x) && x.step === null && share(x) >= LAST_PART_COVERED).sort((a, b) => share(b) - share(a) || b.score - a.score)[0];
  if (!best) return;
  if (best.bullet && !best.fragment) {
    for (const x of listOf(best, all.filter((y) => y.n === best.n)).slice(0, options.maxRows)) out.item(x);
    return;
  }
  out.sentence(best);
  if (best.introduces) for (const item of itemsAfter(all.filter((y) => y.n === best.n), all.filter((y) => y.n === best.n).indexOf(best), options.maxRows, out.asked)) out.item(item);
}

/** A part of a question that asks (「…ですか？」「…教えてください。」), not one that tells the situation. */
const ASKS = /[？?]$|教えて|ください|下さい|ますか|でしょうか|知りたい/u;

/** How much of what only a question's last part asks a sentence must hold to answer that part. */
const LAST_PART_COVERED = 0.6;

/** Up to maxSupporting sentences that add something: well supported, not a near-repeat. */
function writeSupporting(out: Lines, lead: Sentence, ranked: Sentence[], all: Sentence[], options: ExtractiveOptions): void {
  const start = out.used.length;
  for (const s of ranked.slice(1)) {
    if (out.used.length - start >= options.maxSupporting) break;
    if (s.score < Math.max(options.minSupport, lead.score * 0.8)) break;
    // Not a sentence announcing a list or table the answer does not show.
    if (s.step !== null || s.row || s.fragment || s.introduces || out.has(s) || out.used.some((c) => jaccard(c.terms, s.terms) > 0.5)) continue;
    // 「この場合、…」 reads only after the sentence it refers to.
    const before = antecedent(s, all);
    if (before) out.inPlace(before);
    out.inPlace(s);
  }
}

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
function writeAskedFact(out: Lines, lead: Sentence, question: string, ranked: Sentence[], all: Sentence[], options: ExtractiveOptions): void {
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
  return t.length > LONG_FACT && !/[。！？][)）」』]?$/u.test(t) && (t.match(/\d+/gu)?.length ?? 0) >= 8;
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

/** A question about trouble on screen, which an error entry's fix answers. */
const TROUBLE = /エラー|表示され|出た|出て|出ます|出る|進めな|進めません|できな|できません|押せな|押せません|はじかれ|弾かれ|消え/u;

const WANTS_PROCEDURE = /手順|方法|どう|どのよう|やり方|仕方|には|直し|対処/;

/** Composes the extractive answer for a prompt (exported for tests and for the fallback path). */
export function composeAnswer(promptText: string, options: ExtractiveOptions = DEFAULT_EXTRACTIVE): string {
  const { question, history, passages } = parseUserPrompt(promptText);
  if (passages.length === 0) return NO_ANSWER_TEXT;
  const all = scoreSentences(question, history, passages);
  if (all.length === 0) return NO_ANSWER_TEXT;
  const ranked = [...all].sort((a, b) => b.score - a.score || a.rank - b.rank || a.pos - b.pos);
  // An example illustrates; it leads only when it fits the question much better than anything else.
  const lead = isExample(ranked[0]) ? (ranked.find((x) => !isExample(x) && x.score >= ranked[0]!.score * EXAMPLE_YIELDS) ?? ranked[0]) : ranked[0];
  if (!lead || lead.score < options.minSupport) return NO_ANSWER_TEXT;

  const out = new Lines(ASKS_ALL.test(question) ? new Set() : new Set(queryTerms(question)), history.length > 0);
  const block = sectionOf(lead, passages, all);
  const steps = block.filter((s) => s.step !== null);
  // An error message's entry is read for its fix too (「…と出て先に進めません」 wants the 対処).
  const errorEntry = codesIn(prepare(passages.find((p) => p.n === lead.n)?.label ?? '')).length > 0 && TROUBLE.test(question);
  const wantsProcedure = WANTS_PROCEDURE.test(question) || codesIn(prepare(question)).length > 0 || errorEntry;
  if (lead.step !== null || (steps.length >= 2 && wantsProcedure)) writeProcedure(out, lead, block, steps, all, options);
  else if (lead.row) writeTable(out, block, options);
  else if (lead.fragment) writeListItem(out, lead, block, options);
  else writeParagraph(out, lead, block, all, options);
  writeSupporting(out, lead, ranked, all, options);
  writeAskedFact(out, lead, question, ranked, all, options);
  writeLastPart(out, question, all, options);
  return out.lines.join('\n');
}
