// Renders simple Japanese documents (headings, paragraphs, bullets) into a PDF with an embedded
// Japanese font (Noto Sans JP from @embedpdf/fonts-jp), for the corpus PDF and test fixtures.
import fontkit from '@pdf-lib/fontkit';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

export type PdfBlock = { kind: 'heading'; level: 1 | 2; text: string } | { kind: 'text'; text: string } | { kind: 'pagebreak' };

export interface PdfOptions {
  title: string;
  /** Printed at the top of every page (tests the running-header removal). */
  header?: string;
  /** Printed at the bottom as 「- n -」. */
  pageNumbers?: boolean;
}

const require = createRequire(import.meta.url);

async function loadFont(): Promise<Uint8Array> {
  const pkg = dirname(dirname(require.resolve('@embedpdf/fonts-jp')));
  return new Uint8Array(await readFile(join(pkg, 'fonts', 'NotoSansJP-Regular.otf')));
}

/** Breaks text into lines that fit the width, character by character (Japanese has no spaces). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line !== '' && font.widthOfTextAtSize(line + ch, size) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export async function renderPdf(blocks: PdfBlock[], options: PdfOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(await loadFont(), { subset: true });
  pdf.setTitle(options.title);
  pdf.setCreator('seabis-helpchat make-pdf');
  const [W, H, M] = [595, 842, 56];
  let page: PDFPage;
  let y = 0;
  const newPage = () => {
    page = pdf.addPage([W, H]);
    y = H - M;
    if (options.header) page.drawText(options.header, { x: M, y: H - 32, size: 8, font, color: rgb(0.4, 0.4, 0.4) });
  };
  newPage();
  const draw = (text: string, size: number, gap: number) => {
    for (const line of wrap(text, font, size, W - 2 * M)) {
      if (y < M + size) newPage();
      page.drawText(line, { x: M, y, size, font });
      y -= size * 1.6;
    }
    y -= gap;
  };
  for (const b of blocks) {
    if (b.kind === 'pagebreak') newPage();
    else if (b.kind === 'heading') draw(b.text, b.level === 1 ? 18 : 14, 6);
    else draw(b.text, 10.5, 6);
  }
  if (options.pageNumbers) {
    pdf.getPages().forEach((p, i) => p.drawText(`- ${i + 1} -`, { x: W / 2 - 12, y: 28, size: 9, font }));
  }
  return pdf.save();
}

/** Markdown subset (#, ##, paragraphs, - bullets) → blocks. Front matter must be removed first. */
export function markdownToPdfBlocks(markdown: string): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  for (const para of markdown.split(/\n\s*\n/)) {
    const t = para.trim();
    if (t === '') continue;
    const h = /^(#{1,2})\s+(.+)$/.exec(t);
    if (h) blocks.push({ kind: 'heading', level: h[1]!.length as 1 | 2, text: h[2]! });
    else for (const line of t.split('\n')) blocks.push({ kind: 'text', text: line.replace(/^#{3,}\s+/, '').trim() });
  }
  return blocks;
}
