// npm start: builds the index from CORPUS_DIR when there is none (with a progress display), then
// serves the API and the web UI on PORT.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ingest } from '../src/ingest/pipeline.ts';
import { createEmbedder } from '../src/models/embeddings.ts';
import { indexDirOf } from '../src/runtime/node.ts';
import { startServer } from '../src/server.ts';
import { loadConfigOrExit } from './lib/args.ts';
import { progressPrinter } from './lib/progress.ts';
import { buildWebIfMissing } from './lib/web.ts';
import { recordSuspiciousPassages } from './lib/ingest-risks.ts';

const config = await loadConfigOrExit();
const indexDir = indexDirOf(config);
try {
  if (!existsSync(join(indexDir, 'manifest.json'))) {
    process.stderr.write(`No index in ${indexDir}: building it from ${resolve(config.corpusDir)}…\n`);
    const report = await ingest({ sourceDir: resolve(config.corpusDir), indexDir, embedder: await createEmbedder(config), onProgress: progressPrinter() });
    process.stderr.write(`Indexed ${report.chunks} chunks from ${report.files} files.\n`);
    for (const f of report.failed) process.stderr.write(`Could not ingest ${f.source}: ${f.error}\n`);
    for (const s of report.suspicious) process.stderr.write(`Flagged (instructions aimed at the assistant; not served): ${s.source} › ${s.section}\n`);
    await recordSuspiciousPassages(config, report, true);
  }
  await buildWebIfMissing();
  const running = await startServer(config);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  process.stderr.write(`Could not start: ${(e as Error).message}\n`);
  process.exit(1);
}
