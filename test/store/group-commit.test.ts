// node:sqlite's group commit: single-statement writes issued together are committed in one
// transaction; each promise settles after that commit, a failing write fails alone, and no
// acknowledged write is lost when the process is killed with SIGKILL.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NodeSqlite } from '../../src/store/node/sqlite.ts';
import { tempDir } from '../helpers/index.ts';

const INSERT = 'INSERT INTO conversation_turns (conversation_id, user_id, question, answer, created_at) VALUES (?, ?, ?, ?, ?)';

function open(path = ':memory:') {
  const db = new NodeSqlite(path);
  db.migrate();
  return db;
}

function commitsOf(db: NodeSqlite): { count: number } {
  const seen = { count: 0 };
  const exec = db.db.exec.bind(db.db);
  db.db.exec = (sql: string) => {
    if (/^\s*COMMIT/i.test(sql)) seen.count++;
    return exec(sql);
  };
  return seen;
}

describe('NodeSqlite group commit', () => {
  it('commits writes issued together in one transaction, each acknowledged with its changes', async () => {
    const db = open();
    const commits = commitsOf(db);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => db.run(INSERT, [`c${i}`, 'u', `q${i}`, null, 'now'])));
    expect(results).toEqual(Array(30).fill({ changes: 1 }));
    expect(commits.count).toBe(1);
    expect(await db.first<{ n: number }>('SELECT COUNT(*) AS n FROM conversation_turns')).toEqual({ n: 30 });
    // Written in the order issued.
    expect((await db.all<{ question: string }>('SELECT question FROM conversation_turns ORDER BY id')).map((r) => r.question)).toEqual(Array.from({ length: 30 }, (_, i) => `q${i}`));
  });

  it('fails only the write that fails; the others of its group are stored', async () => {
    const db = open();
    const writes = Array.from({ length: 10 }, (_, i) => db.run(INSERT, ['c', 'u', i === 4 ? null : `q${i}`, null, 'now']));
    const settled = await Promise.allSettled(writes);
    expect(settled.map((s) => s.status)).toEqual(Array.from({ length: 10 }, (_, i) => (i === 4 ? 'rejected' : 'fulfilled')));
    expect(String((settled[4] as PromiseRejectedResult).reason)).toMatch(/NOT NULL/);
    expect((await db.all<{ question: string }>('SELECT question FROM conversation_turns ORDER BY id')).map((r) => r.question)).toEqual(
      Array.from({ length: 10 }, (_, i) => `q${i}`).filter((q) => q !== 'q4'),
    );
  });

  it('runs a batch at once and commits pending writes on close', async () => {
    const dir = tempDir();
    const db = open(join(dir, 'x.db'));
    const pending = db.run(INSERT, ['c', 'u', 'before close', null, 'now']);
    await db.batch([{ sql: INSERT, params: ['c', 'u', 'batch', null, 'now'] }]);
    db.close();
    await expect(pending).resolves.toEqual({ changes: 1 });
    const again = open(join(dir, 'x.db'));
    expect((await again.all<{ question: string }>('SELECT question FROM conversation_turns ORDER BY id')).map((r) => r.question)).toEqual(['batch', 'before close']);
    again.close();
  });

  it('loses no acknowledged write when the process is killed with SIGKILL', async () => {
    const dir = tempDir();
    const file = join(dir, 'seabis.db');
    const sqlite = fileURLToPath(new URL('../../src/store/node/sqlite.ts', import.meta.url));
    // A writer: groups of 20 concurrent writes, one after another; prints each acknowledged id.
    const writer = join(dir, 'writer.ts');
    writeFileSync(
      writer,
      `import { NodeSqlite } from ${JSON.stringify(sqlite)};
const db = new NodeSqlite(${JSON.stringify(file)});
db.migrate();
for (let g = 0; ; g++) {
  await Promise.all(Array.from({ length: 20 }, async (_, i) => {
    const id = g * 20 + i;
    await db.run(${JSON.stringify(INSERT)}, ['c', 'u', String(id), null, 'now']);
    process.stdout.write(id + '\\n');
  }));
}
`,
    );
    const child = spawn(process.execPath, [writer], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: number[] = [];
    let buffer = '';
    await new Promise<void>((ok) => {
      child.once('exit', () => ok());
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        acknowledged.push(...lines.map(Number));
        if (acknowledged.length >= 2_000 && child.exitCode === null) {
          child.kill('SIGKILL');
          ok();
        }
      });
    });
    if (child.exitCode === null && child.signalCode === null) await new Promise((ok) => child.once('exit', ok));
    expect(child.signalCode).toBe('SIGKILL');
    const db = open(file);
    const stored = new Set((await db.all<{ question: string }>('SELECT question FROM conversation_turns')).map((r) => Number(r.question)));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    db.close();
  }, 60_000);
});
