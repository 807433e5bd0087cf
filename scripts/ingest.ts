// npm run ingest -- [--source <dir>] [--index <dir>] [--rebuild] [--json] [--target node|cloudflare] [--prepare-only]
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
import { WorkersAiRestEmbedder } from '../src/models/workers-ai-rest.ts';
import type { Embedder } from '../src/retrieval/embeddings/embedder.ts';

const { values } = parseCli(
  {
    source: { type: 'string' },
    index: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    target: { type: 'string', default: 'node' },
    'prepare-only': { type: 'boolean', default: false },
  },
  'npm run ingest -- [--source <dir>] [--index <dir>] [--rebuild] [--json] [--target node|cloudflare] [--prepare-only]',
);
if (values.target !== 'node' && values.target !== 'cloudflare') {
  process.stderr.write(`--target must be node or cloudflare, not "${values.target}".\n`);
  process.exit(2);
}
const config = await loadConfigOrExit();
const sourceDir = resolve(values.source ?? config.corpusDir);
// With Workers AI embeddings the Cloudflare index is its own (the Node index keeps its embeddings).
const workersModel = values.target === 'cloudflare' ? process.env.WORKERS_AI_EMBEDDINGS_MODEL : undefined;
const indexDir = resolve(values.index ?? join(config.dataDir, workersModel ? join('cloudflare', 'index') : 'index'));
const nodeIndex = !values.index && !workersModel;
try {
  const started = performance.now();
  const report = await ingest({
    sourceDir,
    indexDir,
    embedder: workersModel ? await workersAiEmbedder(workersModel) : await createEmbedder(config),
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
  if (nodeIndex) await recordSuspiciousPassages(config, report);
  // Approved FAQ entries whose cited sections changed are flagged for review now, not at next start.
  if (report.written && nodeIndex && existsSync(join(config.dataDir, 'seabis.db'))) {
    const flagged = await flagChangedFaqEntries(config, indexDir);
    if (flagged.length > 0) process.stdout.write(`${flagged.length} FAQ entries cite sections that changed and need review: ${flagged.join(', ')}\n`);
  }
  if (values.target === 'cloudflare') await prepareCloudflare(indexDir);
  process.exitCode = report.failed.length > 0 ? 1 : 0;
} catch (e) {
  process.stderr.write(`Ingestion failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
}

/** The Worker's embedding model, reached through Cloudflare's REST API (WORKERS_AI_EMBEDDINGS_MODEL). */
async function workersAiEmbedder(model: string): Promise<Embedder> {
  const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
  const apiToken = process.env.CLOUDFLARE_API_TOKEN;
  if (!accountId || !apiToken) {
    throw new Error(`WORKERS_AI_EMBEDDINGS_MODEL=${model} embeds the corpus through Workers AI: set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN, or unset it to use the built-in embeddings.`);
  }
  return new WorkersAiRestEmbedder({ accountId, apiToken, model, baseURL: process.env.CLOUDFLARE_API_BASE_URL || undefined }).probe();
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
  const outDir = values.index ? join(indexDir, '..', 'cloudflare') : join(config.dataDir, 'cloudflare');
  const f = await writeCloudflareFiles(indexDir, outDir);
  process.stdout.write(`Cloudflare: ${f.chunks} chunks (${f.dims} dimensions) → ${f.sql}, ${f.ndjson}\n`);
  const commands = [
    ['d1', 'migrations', 'apply', 'seabis-helpchat', '--remote'],
    ['d1', 'execute', 'seabis-helpchat', '--remote', `--file=${f.sql}`],
    ['vectorize', 'upsert', 'seabis-helpchat', `--file=${f.ndjson}`],
  ];
  process.stdout.write(
    `The Vectorize index must have ${f.dims} dimensions and a metadata index on source, created before the first upsert:\n` +
      `  npx wrangler vectorize create seabis-helpchat --dimensions=${f.dims} --metric=cosine\n` +
      '  npx wrangler vectorize create-metadata-index seabis-helpchat --property-name=source --type=string\n',
  );
  if (!process.env.CLOUDFLARE_API_TOKEN || values['prepare-only']) {
    process.stdout.write(`${values['prepare-only'] ? 'Prepared only' : 'Set CLOUDFLARE_API_TOKEN to upload'}; to upload, run:\n${commands.map((c) => `  npx wrangler ${c.join(' ')}`).join('\n')}\n`);
    return;
  }
  const { execFileSync } = await import('node:child_process');
  for (const c of commands) execFileSync(process.execPath, [join(import.meta.dirname, '..', 'node_modules', 'wrangler', 'bin', 'wrangler.js'), ...c], { stdio: 'inherit' });
}
