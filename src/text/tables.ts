// A table as text extracted from a PDF prints it: a header of short lines (column names broken
// where the PDF's cells wrapped: 「2:セキュ」「リティリスク・」), then a row per line (isFigureRow:
// 「金融庁 11 4 167 1 0 0 19 2 0 205」). A row's figures mean what its header names, and a table
// longer than a chunk leaves its later rows without it: the chunker repeats the header above them,
// and the answer reads a row with the header's words.
import { figureCount, isFigureRow } from './normalize.ts';

/**
 * A header line: short, no sentence end, no row, no list item. As printed, a header's lines are
 * short (the longest in the seed documents: 35 characters); repeated above a table's later rows it
 * is one line, the chunk's first (headerText), which a chunk's reader allows `firstLineMax`.
 */
const HEADER_LINE_MAX = 40;
/** How much header a table may have, in characters and in lines (a header of ten wrapped column names runs to some 26 lines). */
const HEADER_MAX_CHARS = 240;
const HEADER_MAX_LINES = 30;
/** The longest a header repeated as one line may be: its lines and the spaces joining them (headerText). */
export const REPEATED_HEADER_MAX = HEADER_MAX_CHARS + HEADER_MAX_LINES;
/** A line between two rows that is no row (「個人情報保護委」 wrapped from 「…員会 0 0 …」) keeps the table going when it is this short. */
const WRAPPED_MAX = 20;
/** A short line that opens another table rather than continuing a row: a caption (「表2 日当の額(円)」), a unit. */
const CAPTION = /^(?:表|図)\s*\d|単位|[)）]$/u;
/** A table has at least this many rows (one line of figures in prose is no table). */
const MIN_ROWS = 2;

/** Lines of figures that are no row: a date spaced by PDF extraction (「令和 7 年 6 月 2 日」), a list item, a calculation. */
const NOT_A_ROW = /\d\s*年\s*\d{1,2}\s*月|^\s*[-*・●•]|[=＝×→]/u;

/**
 * A row of a table: a row of figures, or a short label before three figures or more (a label in
 * kana, 「こども家庭庁 66 83 83 0 +26%」, is no row of figures, which keeps sentences out); not a
 * spaced date, a list item or a calculation (NOT_A_ROW).
 */
export function isTableRow(line: string): boolean {
  const t = line.trim();
  if (NOT_A_ROW.test(t)) return false;
  if (isFigureRow(t)) return true;
  const n = figureCount(t);
  return n >= 3 && !/[。、]/u.test(t) && t.length - (t.match(/[\d,.%▲△+\-−\s]/gu)?.length ?? 0) <= LABEL_MAX;
}
/** The longest label a row in kana may have, with its counters (「こども家庭庁」「件」). */
const LABEL_MAX = 16;

function headerLine(line: string, max: number): boolean {
  const t = line.trim();
  return t !== '' && t.length <= max && !/[。！？]/u.test(t) && !/、$/u.test(t) && !/^[-*・●•]/u.test(t) && !isTableRow(t);
}

/**
 * For each line, the lines of the header of the table it is a row of (indices into `lines`, in
 * order), or null when the line is no row of a table with a header. A table is a run of at least
 * MIN_ROWS rows, with short wrapped lines between them (not a caption, which opens another table);
 * its header is the run of header lines right above its first row. The first line may be as long
 * as `firstLineMax`: a header the chunker repeated above a table's later rows, which may stand
 * above a single row.
 */
export function tableHeaders(lines: readonly string[], firstLineMax = HEADER_LINE_MAX): Array<readonly number[] | null> {
  const out: Array<readonly number[] | null> = lines.map(() => null);
  let i = 0;
  while (i < lines.length) {
    if (!isTableRow(lines[i]!)) {
      i++;
      continue;
    }
    const rows = [i];
    let wrapped = 0;
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (isTableRow(lines[j]!)) rows.push(j);
      else if (lines[j]!.trim().length <= WRAPPED_MAX && !CAPTION.test(lines[j]!.trim()) && j + 1 < lines.length && isTableRow(lines[j + 1]!)) wrapped++;
      else break;
    }
    // In a table whose labels wrap as a rule (half its rows or more), the short line right above the
    // first row is that row's label, not the header's; one wrapped label among many rows says nothing of the first.
    const first = wrapped * 2 >= rows.length && i > 0 && lines[i - 1]!.trim().length <= WRAPPED_MAX && !CAPTION.test(lines[i - 1]!.trim()) ? i - 1 : i;
    const header = headerAbove(lines, first, firstLineMax);
    const repeated = firstLineMax > HEADER_LINE_MAX && header.length === 1 && header[0] === 0;
    if (header.length > 0 && (rows.length >= MIN_ROWS || repeated)) for (const r of rows) out[r] = header;
    i = j;
  }
  return out;
}

function headerAbove(lines: readonly string[], first: number, firstLineMax: number): number[] {
  const out: number[] = [];
  let chars = 0;
  for (let j = first - 1; j >= 0 && out.length < HEADER_MAX_LINES; j--) {
    const t = lines[j]!.trim();
    const max = j === 0 ? Math.max(firstLineMax, HEADER_LINE_MAX) : HEADER_LINE_MAX;
    if (!headerLine(t, max) || chars + t.length > Math.max(HEADER_MAX_CHARS, max)) break;
    out.unshift(j);
    chars += t.length;
  }
  return out;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー・/／]/u;

/** A header's lines as one line: wrapped cells join without a space (「2:セキュ」「リティリスク・」 → 「2:セキュリティリスク・」). */
export function headerText(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const t = raw.trim();
    if (t === '') continue;
    out += out === '' || (CJK.test(out.at(-1)!) && CJK.test(t[0]!)) ? t : ` ${t}`;
  }
  return out;
}

