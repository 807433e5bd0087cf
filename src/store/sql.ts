// The SQL port: the few calls the stores need, implemented over node:sqlite (Node) and D1
// (Workers), so that every query is written once. Parameters are positional (?).

export type SqlValue = string | number | null;

export interface SqlStatement {
  sql: string;
  params?: SqlValue[];
}

export interface SqlDb {
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  first<T>(sql: string, params?: SqlValue[]): Promise<T | null>;
  run(sql: string, params?: SqlValue[]): Promise<{ changes: number }>;
  /** Runs the statements in one transaction: all or none. */
  batch(statements: SqlStatement[]): Promise<void>;
}
