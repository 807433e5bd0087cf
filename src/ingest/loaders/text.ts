// Plain text (often extracted from PDFs elsewhere) → blocks: running headers and page numbers
// removed, broken lines joined, '#' lines and form feeds understood.
import { joinBrokenLines, normalizeText, stripChartAxes, stripRepeatedLines, stripRunningHeaders } from '../../text/normalize.ts';
import type { RawMeta } from '../metadata.ts';
import { resolveMeta } from '../metadata.ts';
import type { Block, ParsedDocument } from '../types.ts';
import { cleanBullet, inferHeadings, titleOf } from './structure.ts';

/**
 * A bullet set in a symbol font (Wingdings, Symbol), which PDF extraction gives as a private-use
 * code point (U+F06C ●, U+F0D8 ➢, U+F06E ■, U+F0FC ✓) and normalization removes: its line starts
 * anew, never joined to the line above (「…ルールを規定」+「AI統括責任者（CAIO）は、…」, a slide title
 * 「…について1/2」+ its first point). Written as a bullet 「・」 instead, the lines became list items,
 * which the answer lays out apart: development facts −2 against +2 this way (docs/quality.md, session 19).
 */
const SYMBOL_FONT_BULLET = /^[ \u3000]*[\uF020-\uF0FF]/u;

/** Turns pages of raw lines into blocks, with the page number when there are pages. */
export function linesToBlocks(pages: string[][], paged: boolean): Block[] {
  // A chart's axis first: its zero tick would otherwise go as a page number.
  const axesOut = pages.map(stripChartAxes);
  const cleaned = paged ? stripRunningHeaders(axesOut) : axesOut.map(stripRepeatedLines);
  const blocks: Block[] = [];
  cleaned.forEach((lines, i) => {
    const page = paged ? i + 1 : null;
    const marked = lines.map((l) => SYMBOL_FONT_BULLET.test(l));
    for (const raw of joinBrokenLines(lines.map((l) => cleanBullet(normalizeText(l)) ?? ''), (k) => marked[k]!)) {
      const line = raw.trim();
      if (line === '') continue;
      const h = /^(#{1,6})\s+(.+)$/.exec(line);
      if (h) blocks.push({ type: 'heading', level: h[1]!.length, text: h[2]!.replace(/[*_]/g, '').trim(), page });
      else blocks.push({ type: 'text', text: line.replace(/\*\*/g, ''), page, list: /^[-*・●○■✓]/u.test(line) });
    }
  });
  return inferHeadings(blocks);
}

export function parseText(source: string, text: string, raw: RawMeta | null): ParsedDocument {
  const paged = text.includes('\f');
  const pages = (paged ? text.split('\f') : [text]).map((p) => p.split(/\r?\n/));
  const blocks = linesToBlocks(pages, paged);
  // Read from the lines as printed. Joined first (「APIによる電子申請」「の利用拡大に向け」「た取組の
  //実施」 as one title), seed 002's title — a table's first cell, as no line is its title — cost
  // one untuned leave-one-document-out question (top 5 0.871 -> 0.857, fact 0.643 -> 0.614).
  const title = titleOf(text.split(/\r?\n/).map((l) => normalizeText(l)));
  return { source, meta: resolveMeta(source, raw, title), blocks };
}
