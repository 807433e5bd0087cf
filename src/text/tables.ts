// A table as text extracted from a PDF prints it: a header of short lines (column names broken
// where the PDF's cells wrapped: 「2:セキュ」「リティリスク・」), then a row per line (isFigureRow:
// 「金融庁 11 4 167 1 0 0 19 2 0 205」). A row's figures mean what its header names, and a table
// longer than a chunk leaves its later rows without it: the chunker repeats the header above them,
// and the answer reads a row with the header's words.
import { figureCount, isFigureRow } from './normalize.ts';

/**
 * A header line: short, no sentence end, no row. As printed, a header's lines are short (the
 * longest in the seed documents: 35 characters); repeated above a table's later rows, it is one
 * line (headerText), which a chunk's reader reads with `lineMax` HEADER_MAX_CHARS.
 */
const HEADER_LINE_MAX = 40;
/** How much header a table may have, in characters and in lines (a header of ten wrapped column names runs to some 26 lines). */
export const HEADER_MAX_CHARS = 240;
const HEADER_MAX_LINES = 30;
/** A line between two rows that is no row (「個人情報保護委」 wrapped from 「…員会 0 0 …」) keeps the table going when it is this short. */
const WRAPPED_MAX = 20;

/**
 * A row of a table: a row of figures, or a short label before three figures or more (a label in
 * kana, 「こども家庭庁 66 83 83 0 +26%」, is no row of figures, which keeps sentences out).
 */
export function isTableRow(line: string): boolean {
  const t = line.trim();
  if (isFigureRow(t)) return true;
  const n = figureCount(t);
  return n >= 3 && !/[。、]/u.test(t) && t.length - (t.match(/[\d,.%▲△+\-−\s]/gu)?.length ?? 0) <= LABEL_MAX;
}
/** The longest label a row in kana may have, with its counters (「こども家庭庁」「件」). */
const LABEL_MAX = 16;

function headerLine(line: string, max: number): boolean {
  const t = line.trim();
  return t !== '' && t.length <= max && !/[。！？、]$/u.test(t) && !isTableRow(t);
}

/**
 * For each line, the lines of the header of the table it is a row of (indices into `lines`, in
 * order), or null when the line is no row of a table with a header. A table is a run of rows, with
 * short wrapped lines between them; its header is the run of header lines right above its first row.
 */
export function tableHeaders(lines: readonly string[], lineMax = HEADER_LINE_MAX): Array<readonly number[] | null> {
  const out: Array<readonly number[] | null> = lines.map(() => null);
  let header: number[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isTableRow(line)) {
      if (header === null) header = headerAbove(lines, i, lineMax);
      if (header.length > 0) out[i] = header;
      continue;
    }
    // A short line between rows (a wrapped row's first part) keeps the table going.
    const next = lines[i + 1];
    if (header !== null && line.trim().length <= WRAPPED_MAX && next !== undefined && isTableRow(next)) continue;
    header = null;
  }
  return out;
}

function headerAbove(lines: readonly string[], first: number, lineMax: number): number[] {
  const out: number[] = [];
  let chars = 0;
  for (let j = first - 1; j >= 0 && out.length < HEADER_MAX_LINES; j--) {
    const t = lines[j]!.trim();
    if (!headerLine(t, lineMax) || chars + t.length > HEADER_MAX_CHARS) break;
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

