// AUTH_SECRET for Node: from the setting, or generated on first start and kept in DATA_DIR.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.ts';

export async function resolveAuthSecret(config: Pick<Config, 'authSecret' | 'dataDir'>): Promise<string> {
  if (config.authSecret) return config.authSecret;
  const path = join(config.dataDir, 'auth-secret');
  if (existsSync(path)) {
    const s = (await readFile(path, 'utf8')).trim();
    if (s.length >= 32) return s;
    throw new Error(`${path} holds a secret shorter than 32 characters. Delete it to generate a new one, or set AUTH_SECRET.`);
  }
  await mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  await writeFile(path, secret + '\n', { mode: 0o600, flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e; // another process created it first: use theirs
  });
  return (await readFile(path, 'utf8')).trim();
}
