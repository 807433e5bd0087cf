// The SQL port over Cloudflare D1 (Workers). D1's batch() runs its statements in one
// transaction, as the port asks.
import type { SqlDb, SqlStatement, SqlValue } from './sql.ts';

/** The part of D1's API this adapter uses (structural, so Node type-checks need no Workers types). */
export interface D1Like {
  prepare(sql: string): D1StatementLike;
  batch(statements: D1StatementLike[]): Promise<unknown>;
}
export interface D1StatementLike {
  bind(...values: unknown[]): D1StatementLike;
  all<T = unknown>(): Promise<{ results: T[] }>;
  first<T = unknown>(): Promise<T | null>;
  run(): Promise<{ meta: { changes?: number } }>;
}

export class D1Sql implements SqlDb {
  private readonly db: D1Like;
  constructor(db: D1Like) {
    this.db = db;
  }

  private stmt(sql: string, params: SqlValue[]): D1StatementLike {
    const s = this.db.prepare(sql);
    return params.length > 0 ? s.bind(...params) : s;
  }

  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return (await this.stmt(sql, params).all<T>()).results;
  }

  async first<T>(sql: string, params: SqlValue[] = []): Promise<T | null> {
    return this.stmt(sql, params).first<T>();
  }

  async run(sql: string, params: SqlValue[] = []): Promise<{ changes: number }> {
    return { changes: (await this.stmt(sql, params).run()).meta.changes ?? 0 };
  }

  async batch(statements: SqlStatement[]): Promise<void> {
    if (statements.length === 0) return;
    await this.db.batch(statements.map((s) => this.stmt(s.sql, s.params ?? [])));
  }
}
