// Secrets for Node: from the setting, or generated on first start and kept in a file in DATA_DIR
// (AUTH_SECRET → DATA_DIR/auth-secret, AUDIT_SIGNING_KEY → DATA_DIR/audit-signing-key).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.ts';

export const AUTH_SECRET_FILE = 'auth-secret';
export const AUDIT_KEY_FILE = 'audit-signing-key';

/** A secret's file in DATA_DIR: its content, or null when there is none. */
export async function readSecretFile(dataDir: string, file: string, setting: string): Promise<string | null> {
  const path = join(dataDir, file);
  if (!existsSync(path)) return null;
  const s = (await readFile(path, 'utf8')).trim();
  if (s.length >= 32) return s;
  throw new Error(`${path} holds a secret shorter than 32 characters. Delete it to generate a new one, or set ${setting}.`);
}

async function fileSecret(dataDir: string, file: string, setting: string): Promise<{ secret: string; generated: boolean }> {
  const existing = await readSecretFile(dataDir, file, setting);
  if (existing) return { secret: existing, generated: false };
  await mkdir(dataDir, { recursive: true });
  let generated = true;
  await writeFile(join(dataDir, file), randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e; // another process created it first: use theirs
    generated = false;
  });
  return { secret: (await readFile(join(dataDir, file), 'utf8')).trim(), generated };
}

export async function resolveAuthSecret(config: Pick<Config, 'authSecret' | 'dataDir'>): Promise<string> {
  return config.authSecret ?? (await fileSecret(config.dataDir, AUTH_SECRET_FILE, 'AUTH_SECRET')).secret;
}

/**
 * The key that signs audit checkpoints. Unset, it is generated and kept beside the auth secret —
 * which whoever holds DATA_DIR also holds — so the caller is told to warn.
 */
export async function resolveAuditKey(config: Pick<Config, 'auditSigningKey' | 'dataDir'>): Promise<{ key: string; fromFile: boolean; generated: boolean }> {
  if (config.auditSigningKey) return { key: config.auditSigningKey, fromFile: false, generated: false };
  const { secret, generated } = await fileSecret(config.dataDir, AUDIT_KEY_FILE, 'AUDIT_SIGNING_KEY');
  return { key: secret, fromFile: true, generated };
}

export const AUDIT_KEY_WARNING =
  'AUDIT_SIGNING_KEY is not set: audit checkpoints are signed with DATA_DIR/audit-signing-key, which sits beside the log. ' +
  'Set AUDIT_SIGNING_KEY from a secret store, and keep checkpoints (GET /api/admin/audit/checkpoint) outside this machine.';
