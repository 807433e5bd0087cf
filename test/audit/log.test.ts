// The audit log detects any edited, deleted or reordered record, and names the first one.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AuditLog, GENESIS, webSha256 } from '../../src/audit/log.ts';
import { nodeSha256 } from '../../src/audit/node-sha256.ts';
import { NodeSqlite } from '../../src/store/node/sqlite.ts';
import { tempDir } from '../helpers/index.ts';

async function logWith(n: number, path = ':memory:') {
  const db = new NodeSqlite(path);
  db.migrate();
  const log = new AuditLog(db);
  for (let i = 1; i <= n; i++) await log.append('settings', { n: i });
  return { db, log };
}
/** What an intruder with the database file could do: drop the guards, then change rows. */
function tamper(db: NodeSqlite, sql: string, ...params: Array<string | number>) {
  db.db.exec('DROP TRIGGER IF EXISTS audit_records_no_update; DROP TRIGGER IF EXISTS audit_records_no_delete;');
  db.db.prepare(sql).run(...params);
}

describe('audit log', () => {
  it('chains records and verifies an intact log', async () => {
    const { log } = await logWith(5);
    const r = await log.verify();
    expect(r).toMatchObject({ ok: true, count: 5, firstBad: null });
    expect(r.head).toBe((await log.head()).hash);
    expect(r.head).not.toBe(GENESIS);
  });
  it('refuses updates and deletes through the database itself', async () => {
    const { db } = await logWith(2);
    expect(() => db.db.prepare("UPDATE audit_records SET data = '{}' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.db.prepare('DELETE FROM audit_records WHERE seq = 1').run()).toThrow(/append-only/);
  });
  it('names the first edited record', async () => {
    const { db, log } = await logWith(5);
    tamper(db, 'UPDATE audit_records SET data = ? WHERE seq = 3', '{"n":33}');
    expect((await log.verify()).firstBad).toEqual({ seq: 3, problem: expect.stringContaining('altered') });
  });
  it('names a deleted record', async () => {
    const { db, log } = await logWith(5);
    tamper(db, 'DELETE FROM audit_records WHERE seq = 2');
    expect((await log.verify()).firstBad).toEqual({ seq: 3, problem: expect.stringContaining('record 2 is missing') });
  });
  it('notices reordered records', async () => {
    const { db, log } = await logWith(4);
    // Swap the contents of records 2 and 3, renumbering them to hide the swap.
    tamper(db, 'UPDATE audit_records SET seq = -2 WHERE seq = 2');
    tamper(db, 'UPDATE audit_records SET seq = 2 WHERE seq = 3');
    tamper(db, 'UPDATE audit_records SET seq = 3 WHERE seq = -2');
    const r = await log.verify();
    expect(r.ok).toBe(false);
    expect(r.firstBad?.seq).toBe(2);
  });
  it('keeps a valid chain under concurrent appends', async () => {
    const { log } = await logWith(0);
    await Promise.all(Array.from({ length: 30 }, (_, i) => log.append('settings', { i })));
    expect(await log.verify()).toMatchObject({ ok: true, count: 30 });
  });
  it('hashes the same with node:crypto as with Web Crypto, so either verifies the other\'s chain', async () => {
    for (const text of ['', 'abc', '領収書\n{"q":"携帯[電話番号]"}', 'lone \ud800 surrogate', '𠮷野家'.repeat(500)]) {
      expect(nodeSha256(text)).toBe(await webSha256(text));
    }
    const db = new NodeSqlite(':memory:');
    db.migrate();
    const node = new AuditLog(db, { sha256: nodeSha256 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => node.append('settings', { i, text: '規程' })));
    expect(await new AuditLog(db).verify()).toMatchObject({ ok: true, count: 10 });
    await new AuditLog(db).append('settings', { web: true });
    expect(await node.verify()).toMatchObject({ ok: true, count: 11 });
  });
  it('npm run audit:verify exits 0 when intact and 1 naming the first bad record', async () => {
    const dir = tempDir();
    const file = join(dir, 'seabis.db');
    const { db } = await logWith(3, file);
    const run = promisify(execFile);
    const script = fileURLToPath(new URL('../../scripts/audit-verify.ts', import.meta.url));
    const ok = await run(process.execPath, [script], { env: { ...process.env, DATA_DIR: dir } });
    expect(ok.stdout).toMatch(/intact: 3 records[\s\S]*Head hash: [0-9a-f]{64}/);
    tamper(db, 'UPDATE audit_records SET data = ? WHERE seq = 2', '{"n":0}');
    db.close();
    const bad = await run(process.execPath, [script], { env: { ...process.env, DATA_DIR: dir } }).catch((e: { code: number; stdout: string }) => e);
    expect((bad as { code: number }).code).toBe(1);
    expect((bad as { stdout: string }).stdout).toContain('First bad record: 2');
  });
});
