// The answer laid out as its passage is: a paragraph read whole when short (an FAQ's answer), a
// procedure after the sentence or causes before its steps, a table after the sentence that explains
// it, a list item with the sentence that announces its list; and the passages of one section put
// back in reading order.
import type { PromptPassage } from '../prompt.ts';
import type { Lines } from './lines.ts';
import type { ExtractiveOptions } from './options.ts';
import type { Sentence } from './scoring.ts';
import { SENTENCE_END, clean } from './sentences.ts';

/** A sentence that opens by pointing back (「この場合、」「そのため」): it needs the one before it. */
const ANAPHORIC = /^(?:この|その|これ|それ|こうした|そうした)/u;

/**
 * The lead's passage with the other cited passages of the same section, in reading order (a long
 * procedure or table is split into chunks: the cause and steps 1–2 in one, steps 3–4 in another).
 * Passages with steps go by their first step. One without steps goes first when it opens with
 * prose, after those when it opens with a table row or list item (a table's continuation), and
 * last when another passage starts at step 1 (it is the tail after the steps).
 */
export function sectionOf(lead: Sentence, passages: PromptPassage[], all: Sentence[]): Sentence[] {
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
  // A courtesy between the points (「はい、ありがとうございます。」) is left out of the paragraph read.
  const para = block.filter((x) => x.n === s.n && x.line === s.line && x.step === null && !x.row && (x === s || !(x.courtesy || x.procedural)));
  const length = para.reduce((a, x) => a + x.text.length, 0);
  // A follow-up (「改正前はいくらでしたか？」) asks for one more point, not the whole paragraph again.
  const limit = followUp ? WHOLE_PARAGRAPH.followUp : para[0] && FAQ_ANSWER.test(para[0].text) ? WHOLE_PARAGRAPH.faq : WHOLE_PARAGRAPH;
  if (para.length > 1 && para.length <= limit.sentences && length <= limit.chars) return para;
  const first = para[0];
  return first && first !== s && !followUp && first.score >= s.score * 0.5 ? [first, s] : [s];
}

/** A word that names something (a table row, what a question asks): two or more kanji, katakana or Latin letters (「東京都」「E5001」). */
export const NAME = /^[\p{Script=Han}\p{Script=Katakana}ーa-z\d]{2,}$/u;

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
export function itemsAfter(block: Sentence[], i: number, max: number, asked: ReadonlySet<string>): Sentence[] {
  const items: Sentence[] = [];
  for (let j = i + 1; j < block.length && (block[j]!.bullet || block[j]!.row) && block[j]!.step === null; j++) items.push(block[j]!);
  return best(items, block, max, asked);
}

/** The sentence before s in its passage, when s opens by pointing back to it (「この場合、…」). */
export function antecedent(s: Sentence, all: Sentence[]): Sentence | undefined {
  return ANAPHORIC.test(clean(s.text)) ? all.find((x) => x.n === s.n && x.pos === s.pos - 1 && x.step === null) : undefined;
}

/** A paragraph (after the sentence it points back to, if any), then the list it announces. */
export function writeParagraph(out: Lines, s: Sentence, block: Sentence[], all: Sentence[], options: ExtractiveOptions): void {
  const para = paragraphOf(s, block, out.followUp);
  for (const x of para) {
    const before = antecedent(x, all);
    if (before) out.sentence(before);
    out.sentence(x);
  }
  const last = para[para.length - 1]!;
  const items = last.introduces ? itemsAfter(block, block.indexOf(last), options.maxRows, out.asked) : [];
  for (const item of items) out.item(item);
  if (items.length === 0 && labels(last, block, { numbered: true })) for (const x of labelled(last, block)) out.item(x);
}

/** At most this many lines, and about this many characters, are read as what a label labels. */
const LABELLED_CONTENT = { lines: 3, chars: 200 };
/** A line short enough to be a label, or one of the short lines (a value, a name, an item) under it. */
const SHORT_LINE = 60;

/**
 * A line that labels what follows it rather than saying anything itself: the whole line, short,
 * with no sentence end, no predicate (it ends in no kana and has no PREDICATE particle) and no
 * figure but its number and year (NOT_A_VALUE): a slide's or table's label 「2024年度末の運用等経費
 * 削減効果(推計)」, a heading, an indicator's name, a post before its holder's name; not 「…が可能に」
 * 「本人確認は不要」 nor a row of figures. Or a sentence announcing what follows (「主に以下のような取組を
 * 行っていた。」) whose items PDF extraction printed without bullets. With `numbered`, a numbered line
 * may be one too: a paragraph read from a numbered line that only labels its content (「1.高リスクAI
 * の判定…判定軸(高リスク判定シート)」 above its criteria) shows that content.
 */
export function labels(s: Sentence, block: Sentence[], { numbered = false } = {}): boolean {
  if ((s.step !== null && !numbered) || s.row || s.bullet) return false;
  if (block.some((x) => x !== s && x.n === s.n && x.line === s.line)) return false;
  const text = clean(s.text);
  if (s.introduces) return true;
  return text.length <= SHORT_LINE && !SENTENCE_END.test(text) && !/[ぁ-ゖ]$/u.test(text) && !PREDICATE.test(text) && !/\d/u.test(text.replace(NOT_A_VALUE, ''));
}

/**
 * What makes a short line a statement, not a label: a clause's comma, or a particle that opens a
 * predicate (「…を開始」「…が可能に」, and in the nominal style of slides 「本人確認は不要」「紙の申請も廃止」
 * 「連携により効率化」「原則として対象外」).
 */
const PREDICATE = /[をが、はも]|により|として/u;

/** The mark an item of an enumeration opens with (「①」「e)」「(2)」「ア.」): its next item opens with one of the same kind. */
function enumerator(text: string): string | null {
  const t = text.trim();
  if (/^[①-⑳]/u.test(t)) return 'circled';
  if (/^[(（]\s*\d+\s*[)）]/u.test(t)) return 'paren-number';
  if (/^[a-zA-Z][)）]/u.test(t)) return 'letter';
  if (/^[ア-ン][.．)）]/u.test(t)) return 'katakana';
  if (/^\d{1,2}[.．)）](?!\d)/u.test(t)) return 'number';
  return null;
}

/**
 * What a label may hold without holding a value: its item number (「(2)」「1.」「第4弾」) and the
 * year or date it is for (「2024年度末の…」「(平成12年度)」「開催日:2025年5月16日」). A line with any
 * other figure (「約460拠点・約25,800人」「7,940条項の見直し完了」) gives its value itself.
 */
const NOT_A_VALUE = /^\s*(?:[(（]\d{1,2}[)）]|\d{1,2}[.．](?!\d))|第\s*\d+\s*[弾回章節部編条]|(?:令和|平成|昭和|[RrHh])?\s*(?:\d{1,4}|元)\s*年度?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?/gu;

/** A line broken off in the middle (「行政サービスの」「地方公共団体に対する」): no content of its own. */
const BROKEN_OFF = /(?:[のをにはがでとへも]|する|対する)$/u;

/**
 * What a label labels: the lines right after it in its passage (a value under its label, the
 * holder under a post, the items under a heading), up to LABELLED_CONTENT: short lines that are
 * no sentence, or a heading's first line of prose alone.
 */
export function labelled(label: Sentence, block: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  let chars = 0;
  const own = enumerator(clean(label.text));
  for (let i = block.indexOf(label) + 1; i < block.length && out.length < LABELLED_CONTENT.lines; i++) {
    const x = block[i]!;
    if (x.n !== label.n || x.line === label.line || block.some((y) => y !== x && y.n === x.n && y.line === x.line)) break;
    const text = clean(x.text);
    const short = text.length <= SHORT_LINE && !SENTENCE_END.test(text);
    // Steps, list items and table rows have layouts of their own; the next item of the label's own
    // enumeration (①→②, e)→f)) is its sibling, not its content.
    if (x.step !== null || x.bullet || x.row || (own !== null && own === enumerator(text))) break;
    // Another label ends what the first labels (「課長 澤田稔一」, then the next post), except in the
    // list a sentence announces (「以下のような取組」), whose items are labels by form, and in one
    // enumeration under the label (「①…」 then 「③…」).
    const listed = out.length > 0 && enumerator(text) !== null && enumerator(text) === enumerator(clean(out[0]!.text));
    if ((!short && (out.length > 0 || label.introduces)) || BROKEN_OFF.test(text) || (out.length > 0 && !label.introduces && !listed && labels(x, block))) break;
    if (out.length > 0 && chars + text.length > LABELLED_CONTENT.chars) break;
    out.push(x);
    chars += text.length;
    if (!short) break;
  }
  return out;
}

/** Causes listed before the steps that are shown (more when the best-supported one comes later). */
const MAX_CAUSES = 3;

/** The list items of a passage around one of them, in order. */
export function listOf(item: Sentence, block: Sentence[]): Sentence[] {
  let i = block.indexOf(item);
  let j = i;
  const same = (s: Sentence | undefined) => s !== undefined && s.n === item.n && s.bullet && s.step === null;
  while (same(block[i - 1])) i--;
  while (same(block[j + 1])) j++;
  return block.slice(i, j + 1);
}

/** A procedure: the best sentence before the steps, then the steps in order, then the best sentence if it comes after them. */
export function writeProcedure(out: Lines, lead: Sentence, block: Sentence[], steps: Sentence[], all: Sentence[], options: ExtractiveOptions): void {
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
export function writeTable(out: Lines, block: Sentence[], options: ExtractiveOptions): void {
  const prose = block.filter((s) => !s.row && s.step === null && !s.bullet && s.score > 0);
  const rows = block.filter((s) => s.row);
  const before = block[block.indexOf(rows[0]!) - 1];
  const announces = before && !before.row && !before.bullet && before.step === null ? before : [...prose].sort((a, b) => b.score - a.score || a.pos - b.pos)[0];
  for (const s of [prose[0], announces]) if (s) out.sentence(s);
  for (const s of best(rows, block, options.maxRows, out.asked)) out.item(s);
}

/** A list item that is no sentence, with the sentence that announces its list and the list. */
export function writeListItem(out: Lines, lead: Sentence, block: Sentence[], options: ExtractiveOptions): void {
  const i = block.indexOf(listOf(lead, block)[0]!);
  const leadIn = i > 0 && block[i - 1]!.n === lead.n && block[i - 1]!.step === null && !block[i - 1]!.row ? block[i - 1]! : null;
  if (leadIn) out.sentence(leadIn);
  for (const item of leadIn ? itemsAfter(block, i - 1, options.maxRows, out.asked) : [lead]) out.item(item);
}

/** A question asking which body something belongs to or was done by (「どこの省の」「どこが提出した」「どの府省」). */
const ASKS_OWNER = /どこの(?:省|府省|省庁|部署|部局|組織|機関|団体)|どの(?:府省|省庁|省|機関|組織|部署|団体)|(?:どこ|誰)が(?:提出|作成|提供|所管|主管|担当|発表|公表)/u;
/** What a body's name ends with. */
const BODY_END = '(?:省|庁|府|院|局|委員会|事務局|本部|市|区|県|都|道|町|村|課|部|センター|機構)';
/**
 * A body's name as a line of its own: 「(文部科学省)」「国土交通省」「総務省」; not a numbered heading
 * (「第3章総務部」), a label with its value (「出典:総務省」), nor a line with figures.
 */
const BODY = new RegExp(`^[(（]?(?!第)[^\\s。、:：\\d]{1,20}${BODY_END}[)）]?$`, 'u');
/** A body named anywhere in a line (the lead answers already: 「…は会計課に提出してください」). */
const BODY_IN = new RegExp(`${BODY_END}(?![\\p{Script=Han}])`, 'u');
/** How many lines above the lead a body's name may stand. */
const OWNER_REACH = 3;

/**
 * When a question asks which body a thing belongs to and the lead names none, the nearest line
 * above the lead's line in its passage that is only a body's name (a table's or list's group
 * label: 「(文部科学省)」 over 「府省共通研究開発管理システム」), as printed; null when a sentence or a
 * label stands between, or when the body follows its item (the line after the lead is a body's).
 */
export function ownerAbove(question: string, lead: Sentence, passage: string): string | null {
  if (!ASKS_OWNER.test(question) || BODY_IN.test(clean(lead.text))) return null;
  const lines = passage.split('\n').map((l) => clean(l));
  if (BODY.test(lines[lead.line + 1] ?? '')) return null;
  for (let i = lead.line - 1; i >= Math.max(0, lead.line - OWNER_REACH); i--) {
    const line = lines[i]!;
    if (BODY.test(line)) return line;
    if (SENTENCE_END.test(line) || /[:：]/u.test(line)) return null;
  }
  return null;
}
