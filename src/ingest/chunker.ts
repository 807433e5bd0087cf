// Structure-aware chunking: a chunk never crosses a heading, carries its heading path and page,
// and is cut only at sentence ends (。！？) or between list items, so no chunk starts mid-sentence.
import { splitSentences } from '../text/normalize.ts';
import { headerText, tableHeaders } from '../text/tables.ts';
import { type Block, type Chunk, INFERRED_SECTION, type ParsedDocument } from './types.ts';

export { INFERRED_SECTION } from './types.ts';

export interface ChunkOptions {
  /** Preferred chunk length in characters; chunks are cut at the first sentence end past it. */
  targetChars: number;
  /** Hard upper bound for a chunk (a single longer sentence is cut at a comma or mid-text). */
  maxChars: number;
}

/** Chosen by measurement (docs/quality.md): `npm run eval -- --json --chunk-target N --chunk-max 2N`. */
export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { targetChars: 300, maxChars: 600 };

export const SECTION_SEPARATOR = ' › ';


async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Content-derived chunk id: the same text in the same section of the same file → the same id. */
export function chunkId(source: string, section: string, text: string): Promise<string> {
  return sha256Hex(`${source}\u0000${section}\u0000${text}`).then((h) => h.slice(0, 24));
}

/** Cuts an over-long sentence at commas (、) or, failing that, at maxChars. */
function cutLong(sentence: string, maxChars: number): string[] {
  if (sentence.length <= maxChars) return [sentence];
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > maxChars) {
    const comma = rest.lastIndexOf('、', maxChars);
    const at = comma > maxChars / 2 ? comma + 1 : maxChars;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest !== '') out.push(rest);
  return out;
}

interface Piece {
  text: string;
  page: number | null;
  /** The heading path in force where the piece stands (inferred headings change it mid-section). */
  path: string;
  /** Whether a heading of that path was inferred from a line's form (chunk flag 'inferred-section'). */
  inferred: boolean;
  /** The path is the document's title, standing for text under no heading of its own (see sections). */
  titled?: boolean;
  /** A list item or table row: joined to its neighbours with a line break. */
  line: boolean;
}

/** A heading that opens with its number in the document's scheme: 「1.」「12.3.3」「第7章」「Q7-08」「(2)」. */
const NUMBERED_HEADING = /^\s*(?:\d+(?:[.．]\d+)*(?:[.．](?!\d)|[)）]|\s)|\d+-\d+|第\s*[0-9一二三四五六七八九十]+\s*[章節部編条]|Q\s*\d|[(（]\d+[)）]|[①-⑳])/u;

/** Splits a document's blocks into sections (heading path + pieces). */
function sections(doc: ParsedDocument, maxChars: number): Array<{ path: string; pieces: Piece[] }> {
  const out: Array<{ path: string; pieces: Piece[] }> = [];
  const stack: Array<{ level: number; text: string; inferred: boolean }> = [];
  const titleKey = doc.meta.title.replace(/\s+/g, '');
  // In a document with headings, text under none of its own (above the first, or under a top
  // heading that repeats the title) is cited under the title as printed there (「…について1/2」), or
  // the document's title: every citation of a sectioned document names where it stands. Such a
  // section is not searched (the title is), as for inferred headings.
  const sectioned = doc.blocks.some((b) => b.type === 'heading');
  let titleAsPrinted = doc.meta.title;
  let titled = sectioned;
  let path = titled ? titleAsPrinted : '';
  let inferred = titled;
  let current: { path: string; pieces: Piece[] } = { path, pieces: [] };
  let pending: Piece | null = null;
  for (const block of doc.blocks as Block[]) {
    if (block.type === 'heading') {
      while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= block.level) stack.pop();
      stack.push({ level: block.level, text: block.text, inferred: block.inferred === true });
      // The document title is shown separately; a top heading that only repeats it is left out.
      const repeatsTitle = (h: { text: string }, i: number) => i === 0 && titleKey.includes(h.text.replace(/\s+/g, ''));
      const shown = stack.filter((h, i) => !repeatsTitle(h, i));
      if (stack.length === 1 && repeatsTitle(block, 0)) titleAsPrinted = block.text;
      path = shown.map((h) => h.text).join(SECTION_SEPARATOR);
      inferred = shown.some((h) => h.inferred);
      titled = sectioned && path === '';
      if (titled) {
        path = titleAsPrinted;
        inferred = true;
      }
      // A heading inferred from a line's form names the section of what follows, and stays in the
      // text, but does not cut it: cutting there lost the context that short sections of PDF text
      // need (INFERRED_SECTION).
      if (block.inferred) {
        current.pieces.push({ text: block.text, page: block.page, line: true, path, inferred, titled });
        continue;
      }
      if (current.pieces.length > 0) out.push(current);
      current = { path, pieces: [] };
      // An unnumbered heading (a slide's or page's title in a converted PDF) is printed above its text
      // and may hold a fact of its own (「デジタル手続法※（令和元年5月31日公布）の概要」, a title above the
      // date and author): the section's first chunk opens with it, as the page does. A numbered one
      // (「12.3.3 E2003 …」「第7章」「Q7-08 …」) is the manual's navigation, cited as the section path,
      // and a question (an FAQ's 「出張先で病気になったら？」) would only be echoed.
      // A heading with no text before the next one is in the next one's path only.
      pending = NUMBERED_HEADING.test(block.text) || /[？?]$/u.test(block.text.trim()) ? null : { text: block.text, page: block.page, line: true, path, inferred, titled };
      continue;
    }
    if (pending) current.pieces.push(pending);
    pending = null;
    const sentences = block.list ? [block.text] : splitSentences(block.text);
    sentences.forEach((s, i) => {
      for (const part of cutLong(s, maxChars)) {
        current.pieces.push({ text: part, page: block.page, line: block.list === true || i === 0, path, inferred, titled });
      }
    });
  }
  if (current.pieces.length > 0) out.push(current);
  return out;
}

function join(pieces: Piece[]): string {
  return pieces.map((p, i) => (i > 0 && p.line ? '\n' : '') + p.text).join('').trim();
}

/** Chunks a parsed document. Ordinals run through the document. */
export async function chunkDocument(doc: ParsedDocument, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Promise<Chunk[]> {
  const drafts: Array<{ section: string; inferred: boolean; page: number | null; text: string; group: object }> = [];
  for (const section of sections(doc, options.maxChars)) {
    let buf: Piece[] = [];
    let size = 0;
    // A table longer than a chunk: its later rows are read under its header, repeated above them.
    const headers = tableHeaders(section.pieces.map((p) => p.text));
    let first = 0;
    const emit = () => {
      // The header of the chunk's first row, or of the row after a wrapped label it opens with.
      const header = headers[first] ?? (buf.length > 1 ? headers[first + 1] : null);
      if (header && buf[0] && !header.some((h) => h >= first)) buf.unshift({ ...buf[0], text: headerText(header.map((h) => section.pieces[h]!.text)), line: true });
      const text = join(buf);
      // The chunk's section: the first heading path of its own in force in it, else the title's (see sections).
      const named = buf.find((p) => p.path !== '' && !p.titled) ?? buf[0];
      if (text !== '') drafts.push({ section: named?.path ?? section.path, inferred: named?.inferred ?? false, page: buf[0]?.page ?? null, text, group: section });
      buf = [];
      size = 0;
    };
    for (const [k, piece] of section.pieces.entries()) {
      const pageBreak = buf.length > 0 && piece.page !== buf[0]?.page && size >= options.targetChars / 2;
      if (buf.length > 0 && (size + piece.text.length > options.maxChars || size >= options.targetChars || pageBreak)) emit();
      if (buf.length === 0) first = k;
      buf.push(piece);
      size += piece.text.length;
    }
    // A short tail joins the previous chunk of its section rather than standing alone.
    const prev = drafts.at(-1);
    const tail = join(buf);
    if (prev && prev.group === section && tail.length < options.targetChars / 4 && prev.text.length + tail.length <= options.maxChars) {
      prev.text += '\n' + tail;
      buf = [];
    } else {
      emit();
    }
  }
  const seen = new Set<string>();
  const chunks: Chunk[] = [];
  for (const [ordinal, d] of drafts.entries()) {
    const id = await chunkId(doc.source, d.section, d.text);
    if (seen.has(id)) continue; // identical repeated passages in one section are indexed once
    seen.add(id);
    chunks.push({
      id,
      source: doc.source,
      title: doc.meta.title,
      kind: doc.meta.kind,
      section: d.section,
      page: d.page,
      text: d.text,
      effectiveFrom: doc.meta.effectiveFrom,
      effectiveTo: doc.meta.effectiveTo,
      ordinal,
      ...(d.inferred ? { flags: [INFERRED_SECTION] } : {}),
    });
  }
  return chunks;
}
