// Builds the web UI (web/ → web/dist) with Vite when it has not been built yet.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

export async function buildWebIfMissing(force = false): Promise<void> {
  if (!force && existsSync(join(root, 'web', 'dist', 'index.html'))) return;
  process.stderr.write('Building the web UI…\n');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), root: join(root, 'web'), logLevel: 'warn' });
}
