// PDF → blocks, parsed in-process with Mozilla's pdf.js (pdfjs-dist). Text items are grouped
// into lines by position; lines set in a clearly larger font become headings; pages are kept, and
// running headers, page numbers and mid-sentence line breaks are handled by the text pipeline.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RawMeta } from '../metadata.ts';
import { resolveMeta } from '../metadata.ts';
import type { ParsedDocument } from '../types.ts';
import { linesToBlocks } from './text.ts';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

interface Line {
  y: number;
  size: number;
  parts: Array<{ x: number; w: number; str: string }>;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor(s.length / 2)] ?? 0);
}

function lineText(line: Line): string {
  const parts = [...line.parts].sort((a, b) => a.x - b.x);
  let out = '';
  let end = -Infinity;
  for (const p of parts) {
    // A visible gap between items becomes a space (later removed between Japanese characters).
    if (out !== '' && p.x - end > line.size * 0.3) out += ' ';
    out += p.str;
    end = p.x + p.w;
  }
  return out.trim();
}

/** Extracts the text of a PDF as blocks with page numbers. */
export async function parsePdf(source: string, data: Uint8Array, sidecar: RawMeta | null): Promise<ParsedDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data,
    cMapUrl: pathToFileURL(join(pdfjsRoot, 'cmaps') + '/').href,
    cMapPacked: true,
    standardFontDataUrl: pathToFileURL(join(pdfjsRoot, 'standard_fonts') + '/').href,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: Line[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const lines: Line[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, , , x, y] = item.transform as number[];
        const size = Math.hypot(a ?? 0, b ?? 0) || item.height || 10;
        let line = lines.find((l) => Math.abs(l.y - (y ?? 0)) < Math.max(l.size, size) * 0.5);
        if (!line) {
          line = { y: y ?? 0, size, parts: [] };
          lines.push(line);
        }
        line.size = Math.max(line.size, size);
        line.parts.push({ x: x ?? 0, w: item.width, str: item.str });
      }
      lines.sort((l1, l2) => l2.y - l1.y);
      pages.push(lines);
      page.cleanup();
    }
    // Body size: the size most characters are set in; headings are clearly larger and short.
    const body = median(pages.flat().flatMap((l) => Array(Math.max(1, lineText(l).length)).fill(l.size) as number[]));
    const headingSizes = [...new Set(pages.flat().filter((l) => l.size >= body * 1.25).map((l) => Math.round(l.size)))]
      .sort((a, b) => b - a);
    const textPages = pages.map((lines) =>
      lines.map((l) => {
        const text = lineText(l);
        const level = headingSizes.indexOf(Math.round(l.size)) + 1;
        const isHeading = level > 0 && text.length <= 60 && !/[。、]$/.test(text);
        return isHeading ? `${'#'.repeat(Math.min(level, 6))} ${text}` : text;
      }),
    );
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: string } | undefined;
    const blocks = linesToBlocks(textPages, true);
    const firstHeading = blocks.find((b) => b.type === 'heading');
    const title = sidecar?.title ?? (info?.Title?.trim() || firstHeading?.text || null);
    return { source, meta: resolveMeta(source, sidecar, title), blocks };
  } finally {
    await task.destroy();
  }
}
