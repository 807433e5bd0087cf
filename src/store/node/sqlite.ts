// The SQL port over node:sqlite: one database file in DATA_DIR, WAL journal, foreign keys on,
// synchronous=FULL (an acknowledged write survives a killed process), versioned migrations from
// migrations/ applied at open, each in a transaction.
//
// Group commit: every commit waits for the disk (fsync), on the one thread that also answers
// questions. Single-statement writes (`run`: a conversation turn, feedback) issued while the event
// loop works through its ready requests are committed together once it has (setImmediate), in one
// transaction and one fsync; each caller's promise settles only after that commit, so an
// acknowledged write is as durable as before. A failing write does not take the others with it:
// the group is rolled back and each write committed on its own. `batch` (audit records, tickets,
// whose callers read before they write) commits at once, as before.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setImmediate } from 'node:timers';
import type { SqlDb, SqlStatement, SqlValue } from '../sql.ts';

interface PendingWrite {
  statement: SqlStatement;
  resolve: (changes: number) => void;
  reject: (e: unknown) => void;
}

export const MIGRATIONS_DIR = join(import.meta.dirname, '..', '..', '..', 'migrations');

export class NodeSqlite implements SqlDb {
  readonly db: DatabaseSync;
  private pending: PendingWrite[] = [];
  private flushScheduled = false;

  constructor(path: string) {
    this.db = new DatabaseSync(path);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  }

  /** Applies the migrations not applied yet, in file-name order. Returns the names applied. */
  migrate(dir: string = MIGRATIONS_DIR): string[] {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set((this.db.prepare('SELECT name FROM schema_migrations').all() as Array<{ name: string }>).map((r) => r.name));
    const applied: string[] = [];
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
      if (done.has(name)) continue;
      const sql = readFileSync(join(dir, name), 'utf8');
      this.db.exec('BEGIN IMMEDIATE');
      try {
        this.db.exec(sql);
        this.db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(name, new Date().toISOString());
        this.db.exec('COMMIT');
      } catch (e) {
        this.db.exec('ROLLBACK');
        throw new Error(`Migration ${name} failed: ${(e as Error).message}`);
      }
      applied.push(name);
    }
    return applied;
  }

  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.db.prepare(sql).all(...params) as T[];
  }

  async first<T>(sql: string, params: SqlValue[] = []): Promise<T | null> {
    return (this.db.prepare(sql).get(...params) as T | undefined) ?? null;
  }

  /** Settles once the write is committed, together with the others issued in this turn of the event loop. */
  run(sql: string, params: SqlValue[] = []): Promise<{ changes: number }> {
    return new Promise((resolve, reject) => {
      this.pending.push({ statement: { sql, params }, resolve: (changes) => resolve({ changes }), reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits the pending single-statement writes in one transaction. */
  flush(): void {
    this.flushScheduled = false;
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return;
    if (group.length === 1) return this.commitAlone(group[0]!);
    const changes: number[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      for (const w of group) w.reject(e);
      return;
    }
    try {
      for (const w of group) changes.push(this.runOne(w.statement));
    } catch {
      // One write failed: store none of the group, then each on its own, so only that one fails.
      this.rollback();
      for (const w of group) this.commitAlone(w);
      return;
    }
    try {
      this.db.exec('COMMIT');
    } catch (e) {
      this.rollback();
      for (const w of group) w.reject(e);
      return;
    }
    group.forEach((w, i) => w.resolve(changes[i]!));
  }

  private commitAlone(w: PendingWrite): void {
    try {
      w.resolve(this.runOne(w.statement));
    } catch (e) {
      w.reject(e);
    }
  }

  private runOne(s: SqlStatement): number {
    return Number(this.db.prepare(s.sql).run(...(s.params ?? [])).changes);
  }

  private rollback(): void {
    if (this.db.isTransaction) this.db.exec('ROLLBACK');
  }

  async batch(statements: SqlStatement[]): Promise<void> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const s of statements) this.db.prepare(s.sql).run(...(s.params ?? []));
      this.db.exec('COMMIT');
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  close(): void {
    this.flush();
    this.db.close();
  }
}
