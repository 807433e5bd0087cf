// Applies the shared SQL migrations to a D1 database (as `wrangler d1 migrations apply` does).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIGRATIONS = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** Splits a migration file into statements (a trigger's BEGIN … END is one statement). */
export function statements(sql: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inTrigger = false;
  for (const line of sql.split('\n')) {
    if (line.trim().startsWith('--') || line.trim() === '') continue;
    cur += line + '\n';
    if (/CREATE TRIGGER/i.test(line)) inTrigger = true;
    if (inTrigger ? /END;\s*$/i.test(line) : /;\s*$/.test(line)) {
      out.push(cur.trim());
      cur = '';
      inTrigger = false;
    }
  }
  return out;
}

export async function applyMigrations(d1: { prepare(sql: string): { run(): Promise<unknown> } }): Promise<void> {
  for (const f of readdirSync(MIGRATIONS).filter((n) => n.endsWith('.sql')).sort()) {
    for (const s of statements(readFileSync(join(MIGRATIONS, f), 'utf8'))) await d1.prepare(s).run();
  }
}
