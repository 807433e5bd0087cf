// Structure in text that carries no markup: text extracted from PDFs and slide decks by other
// tools. Headings are recognised by their form, not their words: a slide title with its counter
// (「…について1/2」, level 1), a bracketed label standing alone (「(開催要領)」「<…イメージ>」, 2), a
// numbered heading (「1. 開会」「第2章 …」) or 【label】 (3) and a parenthesised number (「(1) …」, 4),
// each short and without a sentence ending. A line of that form followed directly by another of the same or a
// higher level is a list item, not a heading (「1. 日時 …」「2. 場所 …」), so no text is lost to an
// empty section. Also: the title, bullets and lines that are only bullets.
import type { Block } from '../types.ts';

/** A slide's title with its counter: 「…の進捗状況について1/2」. */
const SLIDE_TITLE = /^(.{6,80}?)\s*(\d{1,2})\/(\d{1,2})$/u;
const NUMBERED = /^(?:第[0-9一二三四五六七八九十]+[章節部編]|[0-9]{1,2}[.．](?![0-9]))\s*\S/u;
const PAREN_NUMBER = /^[(（][0-9]{1,2}[)）]\s*\S/u;
const BRACKETED = /^(?:【[^【】]{2,30}】|[(（<＜〈][^()（）<>＜＞〈〉]{2,20}[)）>＞〉])$/u;
const SENTENCE_END = /[。．.、,：:]$/u;

/** The heading a line of plain text is, with its level, or null. */
export function headingOf(line: string): { level: number; text: string } | null {
  const s = line.trim();
  if (s.length < 2 || SENTENCE_END.test(s) || /^[\d\s,.%()（）▲+\-/]+$/u.test(s)) return null;
  const slide = SLIDE_TITLE.exec(s);
  if (slide && Number(slide[2]) <= Number(slide[3]) && !/\d$/u.test(slide[1]!)) return { level: 1, text: slide[1]!.trim() };
  if (s.length > 60) return null;
  if (NUMBERED.test(s)) return { level: 3, text: s };
  // A bracketed figure or reference (「(2,266百万円)」「(※1)」) is no label.
  if (BRACKETED.test(s) && !/[0-9※*]/u.test(s)) return { level: s.startsWith('【') ? 3 : 2, text: s };
  if (PAREN_NUMBER.test(s)) return { level: 4, text: s };
  return null;
}

/**
 * Marks inferred headings among text blocks. Used only for documents without headings of their
 * own (no '#' lines, no font sizes): where a document has its headings, they are kept as they are.
 */
export function inferHeadings(blocks: Block[]): Block[] {
  if (blocks.some((b) => b.type === 'heading')) return blocks;
  const guesses = blocks.map((b) => (b.type === 'text' ? headingOf(b.text) : null));
  const numbered = (b: Block | undefined) => b !== undefined && b.type === 'text' && (NUMBERED.test(b.text) || PAREN_NUMBER.test(b.text));
  return blocks.map((b, i) => {
    const g = guesses[i];
    if (!g) return b;
    // The last item of a numbered list (「1. …件数。」「2. …人数。」「3. 「…」資料6」) is an item too.
    if (numbered(b) && numbered(blocks[i - 1]) && guesses[i - 1] === null) return b;
    // A heading heads something: the next block must not be a heading of the same or a higher level.
    const next = guesses[i + 1];
    if (i + 1 >= blocks.length || (next && next.level <= g.level)) return b;
    return { type: 'heading', level: g.level, text: g.text, page: b.page, inferred: true };
  });
}

/**
 * Bullet glyphs PDF extraction leaves at the start of a line (read as one 「・」); 「- 」「* 」 too.
 * Squares, diamonds and circles open headings and labels as often as list items: they stay.
 */
const BULLET = /^(?:(?:[•▪◦‣➢➤►▸✓✔・]+|[-*](?=\s))\s*)+/u;

/** A line's bullet as 「・」, and null for a line that is only bullets or dots (「・・・」). */
export function cleanBullet(line: string): string | null {
  const s = line.trim();
  if (/^[•▪◦‣➢➤►▸✓✔・…\s]+$/u.test(s)) return null;
  const m = BULLET.exec(s);
  return m ? `・${s.slice(m[0].length)}` : s;
}

const DATE_ONLY = /^(?:(?:令和|平成|昭和)?[元\d]+年\d{1,2}月\d{1,2}日(?:\(.\))?|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|[RrHh]\d{1,2}[.]\d{1,2}[.]\d{1,2})$/u;

/**
 * The most title-like of a document's first lines: a '#' heading that opens it, else the
 * first line of 6–80 characters that ends no sentence and is not only a date (a slide counter
 * 「1/2」 taken off); null when none is.
 */
export function titleOf(lines: string[]): string | null {
  const first = lines.map((l) => l.trim()).filter((l) => l !== '').slice(0, 8);
  const heading = first[0]?.startsWith('#') ? first[0] : undefined;
  if (heading) return heading.replace(/^#+\s*/u, '').replace(/[*_]/g, '').trim();
  for (const l of first) {
    if (l.startsWith('#') || DATE_ONLY.test(l.replace(/\s/g, ''))) continue;
    const text = (SLIDE_TITLE.exec(l)?.[1] ?? l).trim();
    if (text.length >= 6 && text.length <= 80 && !SENTENCE_END.test(text) && !DATE_ONLY.test(text.replace(/\s/g, '')) && !BULLET.test(text)) return text;
  }
  return null;
}
