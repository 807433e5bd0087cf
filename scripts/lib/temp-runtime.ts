// A folder of documents ingested into a temporary index and opened as the Node runtime, for the
// scripts that fit on it (fit:direct, calibrate); the index is removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Config } from '../../src/config.ts';
import { ingest } from '../../src/ingest/pipeline.ts';
import { createEmbedder } from '../../src/models/embeddings.ts';
import { type NodeRuntime, openRuntime } from '../../src/runtime/node.ts';

export async function withTempRuntime<T>(config: Config, sourceDir: string, use: (runtime: NodeRuntime) => Promise<T>): Promise<T> {
  const temp = mkdtempSync(join(tmpdir(), 'seabis-temp-index-'));
  try {
    const indexDir = join(temp, 'index');
    await ingest({ sourceDir: resolve(sourceDir), indexDir, embedder: await createEmbedder(config) });
    return await use(await openRuntime(config, { indexDir }));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
