// npm run ingest -- [--source <dir>] [--index <dir>] [--rebuild] [--json]
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../src/config.ts';
import { FaqService } from '../src/escalation/faq.ts';
import { TicketService } from '../src/escalation/tickets.ts';
import { FileIndex } from '../src/retrieval/node/file-index.ts';
import { openNodeStore } from '../src/store/node/open.ts';
import { ingest } from '../src/ingest/pipeline.ts';
import { createEmbedder } from '../src/models/embeddings.ts';
import { loadConfigOrExit, parseCli } from './lib/args.ts';
import { progressPrinter } from './lib/progress.ts';
import { recordSuspiciousPassages } from './lib/ingest-risks.ts';
import { writeCloudflareFiles } from './lib/cloudflare.ts';

const { values } = parseCli(
  {
    source: { type: 'string' },
    index: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    target: { type: 'string', default: 'node' },
  },
  'npm run ingest -- [--source <dir>] [--index <dir>] [--rebuild] [--json] [--target node|cloudflare]',
);
const config = await loadConfigOrExit();
const sourceDir = resolve(values.source ?? config.corpusDir);
const indexDir = resolve(values.index ?? join(config.dataDir, 'index'));
try {
  const started = performance.now();
  const report = await ingest({
    sourceDir,
    indexDir,
    embedder: await createEmbedder(config),
    rebuild: values.rebuild,
    onProgress: progressPrinter(),
  });
  const seconds = (performance.now() - started) / 1000;
  if (values.json) {
    process.stdout.write(JSON.stringify({ ...report, seconds }) + '\n');
  } else {
    const out = process.stdout;
    if (report.rebuiltBecause) out.write(`Built a new index (${report.rebuiltBecause}).\n`);
    out.write(`${report.files} files: ${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed, ${report.unchanged.length} unchanged, ${report.failed.length} failed.\n`);
    out.write(`${report.chunks} chunks in the index (${report.newChunks} new, ${report.embedded} embedded) in ${seconds.toFixed(1)} s.\n`);
    out.write(report.written ? `Index written to ${indexDir} (version ${report.version}).\n` : `Nothing changed: the index in ${indexDir} was left as it was.\n`);
  }
  for (const f of report.failed) process.stderr.write(`Could not ingest ${f.source}: ${f.error}\n`);
  for (const s of report.suspicious) process.stderr.write(`Flagged (instructions aimed at the assistant; not served): ${s.source} › ${s.section}\n`);
  if (!values.index) await recordSuspiciousPassages(config, report);
  // Approved FAQ entries whose cited sections changed are flagged for review now, not at next start.
  if (report.written && !values.index && existsSync(join(config.dataDir, 'seabis.db'))) {
    const flagged = await flagChangedFaqEntries(config, indexDir);
    if (flagged.length > 0) process.stdout.write(`${flagged.length} FAQ entries cite sections that changed and need review: ${flagged.join(', ')}\n`);
  }
  if (values.target === 'cloudflare') await prepareCloudflare(indexDir);
  process.exitCode = report.failed.length > 0 ? 1 : 0;
} catch (e) {
  process.stderr.write(`Ingestion failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
}

async function flagChangedFaqEntries(config: Config, dir: string): Promise<string[]> {
  const db = openNodeStore(config);
  try {
    const index = await FileIndex.open(dir, await createEmbedder(config));
    return (await new FaqService(db, index, new TicketService(db)).sync()).flagged;
  } finally {
    db.close();
  }
}

/**
 * The files for D1 and Vectorize, and — with CLOUDFLARE_API_TOKEN set — their upload through
 * wrangler (both idempotent: the SQL replaces the index tables, vectors are upserted by id).
 */
async function prepareCloudflare(indexDir: string): Promise<void> {
  const outDir = join(indexDir, '..', 'cloudflare');
  const f = await writeCloudflareFiles(indexDir, outDir);
  process.stdout.write(`Cloudflare: ${f.chunks} chunks (${f.dims} dimensions) → ${f.sql}, ${f.ndjson}\n`);
  const commands = [
    ['d1', 'migrations', 'apply', 'seabis-helpchat', '--remote'],
    ['d1', 'execute', 'seabis-helpchat', '--remote', `--file=${f.sql}`],
    ['vectorize', 'upsert', 'seabis-helpchat', `--file=${f.ndjson}`],
  ];
  if (!process.env.CLOUDFLARE_API_TOKEN) {
    process.stdout.write(`Set CLOUDFLARE_API_TOKEN to upload, or run:\n${commands.map((c) => `  npx wrangler ${c.join(' ')}`).join('\n')}\n`);
    return;
  }
  const { execFileSync } = await import('node:child_process');
  for (const c of commands) execFileSync(process.execPath, [join(import.meta.dirname, '..', 'node_modules', 'wrangler', 'bin', 'wrangler.js'), ...c], { stdio: 'inherit' });
}
