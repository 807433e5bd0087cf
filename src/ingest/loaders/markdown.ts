// Markdown → blocks: headings, paragraphs, list items, quotes and table rows, with inline markup
// removed. Line-based, because manuals use a small, regular subset of Markdown.
import { normalizeText as normalize } from '../../text/normalize.ts';

const normalizeText = (s: string) => normalize(s, { keepSpaces: true });
import { parseMetaYaml, resolveMeta, splitFrontMatter } from '../metadata.ts';
import type { Block, ParsedDocument } from '../types.ts';

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Removes emphasis, code ticks, links and images, keeping their text. */
export function stripInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])\*(?!\s)(.+?)\*(?!\w)/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim();
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => stripInline(c));
}

/** Parses Markdown text (front matter included) into a document. */
export function parseMarkdown(source: string, text: string): ParsedDocument {
  const { yaml, body } = splitFrontMatter(text);
  const raw = yaml === null ? null : parseMetaYaml(yaml, source);
  const blocks: Block[] = [];
  let para: string[] = [];
  let header: string[] | null = null;
  let inFence = false;

  const flush = () => {
    if (para.length === 0) return;
    const joined = normalizeText(para.join('\n')).trim();
    if (joined !== '') blocks.push({ type: 'text', text: joined, page: null });
    para = [];
  };

  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      para.push(line);
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      flush();
      header = null;
      blocks.push({ type: 'heading', level: h[1]!.length, text: normalizeText(stripInline(h[2]!)), page: null });
      continue;
    }
    if (line.trim() === '' || /^\s*(---|\*\*\*|___)\s*$/.test(line)) {
      flush();
      header = null;
      continue;
    }
    if (TABLE_ROW.test(line)) {
      flush();
      if (TABLE_RULE.test(line)) continue;
      const row = cells(line);
      if (header === null) {
        header = row;
        continue;
      }
      const text = row.map((v, i) => (header?.[i] ? `${header[i]}: ${v}` : v)).join('、');
      blocks.push({ type: 'text', text: normalizeText(text), page: null, list: true });
      continue;
    }
    // 「> **注意** …」: the label stays readable as 「注意: …」.
    const quote = line.replace(/^\s*>\s?/, '').replace(/^\s*\*\*(注意|ヒント|重要|参考|補足)\*\*[:：]?\s*/u, '$1: ');
    const content = stripInline(quote);
    if (LIST_ITEM.test(quote)) {
      flush();
      para.push(stripInline(quote.trim()));
      const text = normalizeText(para.join('')).trim();
      para = [];
      blocks.push({ type: 'text', text, page: null, list: true });
      continue;
    }
    // A continuation line of the previous list item joins it.
    const last = blocks.at(-1);
    if (para.length === 0 && last?.type === 'text' && last.list && /^\s{2,}\S/.test(line)) {
      last.text += normalizeText(content);
      continue;
    }
    para.push(content);
  }
  flush();
  const firstH1 = blocks.find((b) => b.type === 'heading' && b.level === 1);
  return { source, meta: resolveMeta(source, raw, firstH1?.text ?? null), blocks };
}
