// npm run build:pdf — renders corpus-src/*.md (our own text) into PDFs in corpus/guidelines/ with
// a Japanese font, and writes each one's front matter as a sidecar <name>.pdf.meta.yml, so the
// default corpus exercises the PDF path. The generated files are committed.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseMetaYaml, splitFrontMatter } from '../src/ingest/metadata.ts';
import { markdownToPdfBlocks, renderPdf } from './lib/make-pdf.ts';

const root = resolve(import.meta.dirname, '..');
const srcDir = join(root, 'corpus-src');
const outDir = join(root, 'corpus', 'guidelines');
for (const name of (await readdir(srcDir)).filter((n) => n.endsWith('.md')).sort()) {
  const text = await readFile(join(srcDir, name), 'utf8');
  const { yaml, body } = splitFrontMatter(text);
  if (yaml === null) throw new Error(`${name}: front matter is required (title, kind, …)`);
  const meta = parseMetaYaml(yaml, name);
  const pdf = await renderPdf(markdownToPdfBlocks(body), { title: meta.title ?? name, header: `${meta.title ?? ''}`, pageNumbers: true });
  const out = join(outDir, name.replace(/\.md$/, '.pdf'));
  await writeFile(out, pdf);
  await writeFile(`${out}.meta.yml`, yaml.trim() + '\n');
  process.stdout.write(`${out} (${pdf.length} bytes)\n`);
}
