// Builds test indexes from fixture folders (into fresh temp folders) and test apps around them.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/ingest/pipeline.ts';
import { HashedNgramEmbedder } from '../../src/retrieval/embeddings/hashed.ts';
import { FileIndex } from '../../src/retrieval/node/file-index.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function tempDir(prefix = 'seabis-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Copies a fixture folder to a temp folder (so tests can change files) and returns its path. */
export function copyFixture(name: string): string {
  const dir = join(tempDir(), name);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export async function buildIndex(sourceDir: string): Promise<{ dir: string; index: FileIndex }> {
  const dir = join(tempDir(), 'index');
  const embedder = new HashedNgramEmbedder();
  await ingest({ sourceDir, indexDir: dir, embedder });
  return { dir, index: await FileIndex.open(dir, embedder) };
}
