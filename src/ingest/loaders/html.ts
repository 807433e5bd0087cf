// HTML → blocks with a streaming parser: h1–h6 become headings; p, li, table rows and the like
// become text; scripts, styles and navigation are skipped. <meta name="kind|effective_from|
// effective_to"> and <title> give the metadata.
import { Parser } from 'htmlparser2';
import { normalizeText as normalize } from '../../text/normalize.ts';

const normalizeText = (s: string) => normalize(s, { keepSpaces: true });
import { metaSchema, resolveMeta, type RawMeta } from '../metadata.ts';
import type { Block, ParsedDocument } from '../types.ts';

const SKIP = new Set(['script', 'style', 'nav', 'noscript', 'template', 'svg', 'iframe', 'head']);
const BREAKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'tr', 'dt', 'dd', 'pre', 'blockquote', 'br',
  'table', 'ul', 'ol', 'dl', 'figcaption', 'caption', 'header', 'footer', 'aside', 'hr',
]);

export function parseHtml(source: string, html: string, sidecar: RawMeta | null): ParsedDocument {
  const blocks: Block[] = [];
  const metaTags: Record<string, string> = {};
  let title = '';
  let inTitle = false;
  let skipDepth = 0;
  let heading: number | null = null;
  let list = false;
  let buf = '';

  const flush = () => {
    const text = normalizeText(buf).replace(/\s+/g, ' ').trim();
    buf = '';
    if (text === '') return;
    if (heading !== null) blocks.push({ type: 'heading', level: heading, text, page: null });
    else blocks.push({ type: 'text', text, page: null, list });
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        if (name === 'meta' && attrs.name && attrs.content) metaTags[attrs.name.toLowerCase()] = attrs.content;
        if (SKIP.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        const h = /^h([1-6])$/.exec(name);
        if (h || BREAKS.has(name)) flush();
        if (h) heading = Number(h[1]);
        if (name === 'li' || name === 'tr') list = true;
        if (name === 'td' || name === 'th') buf += buf === '' ? '' : '、';
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (skipDepth === 0) buf += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (/^h[1-6]$/.test(name)) {
          flush();
          heading = null;
        } else if (BREAKS.has(name)) {
          flush();
          if (name === 'li' || name === 'tr') list = false;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();

  const fromTags = metaSchema.safeParse({
    kind: metaTags.kind,
    effective_from: metaTags.effective_from,
    effective_to: metaTags.effective_to,
  });
  const raw: RawMeta = { ...(fromTags.success ? fromTags.data : {}), ...(sidecar ?? {}) };
  const h1 = blocks.find((b) => b.type === 'heading' && b.level === 1);
  return { source, meta: resolveMeta(source, raw, normalizeText(title).trim() || h1?.text || null), blocks };
}
