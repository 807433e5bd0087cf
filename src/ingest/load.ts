// Reads one file of a supported kind into a ParsedDocument. Non-Markdown files may carry
// metadata in a sidecar `<file>.meta.yml` (same keys as Markdown front matter).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseHtml } from './loaders/html.ts';
import { parseMarkdown } from './loaders/markdown.ts';
import { parsePdf } from './loaders/pdf.ts';
import { parseText } from './loaders/text.ts';
import { parseMetaYaml, type RawMeta } from './metadata.ts';
import type { ParsedDocument } from './types.ts';

export const SUPPORTED_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm', '.pdf'];

export function isSupported(path: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(extname(path).toLowerCase());
}

async function sidecar(path: string, source: string): Promise<RawMeta | null> {
  for (const ext of ['.meta.yml', '.meta.yaml']) {
    if (existsSync(path + ext)) return parseMetaYaml(await readFile(path + ext, 'utf8'), source + ext);
  }
  return null;
}

function decodeUtf8(bytes: Uint8Array, source: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${source}: not valid UTF-8 text (convert it to UTF-8 and ingest again)`);
  }
}

/** Parses file bytes; `source` is the path relative to the ingested folder. */
export async function loadDocument(path: string, source: string, bytes: Uint8Array): Promise<ParsedDocument> {
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf') return parsePdf(source, bytes, await sidecar(path, source));
  const text = decodeUtf8(bytes, source);
  if (ext === '.md' || ext === '.markdown') return parseMarkdown(source, text);
  if (ext === '.html' || ext === '.htm') return parseHtml(source, text, await sidecar(path, source));
  if (ext === '.txt') return parseText(source, text, await sidecar(path, source));
  throw new Error(`${source}: unsupported file type ${ext}`);
}
