// Builds the web UI (web/ → web/dist) with Vite when it has not been built yet.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

export async function buildWebIfMissing(force = false): Promise<void> {
  if (!force && existsSync(join(root, 'web', 'dist', 'index.html'))) return;
  process.stderr.write('Building the web UI…\n');
  const { build } = await import('vite');
  // Always the production bundle: Vite takes NODE_ENV from the environment, and under vitest it is
  // 'test', which would bundle React's development build (over 500 kB, with Vite's size warning).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'vite.config.ts'), root: join(root, 'web'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
