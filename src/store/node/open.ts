// Opens the Node store: DATA_DIR/seabis.db, migrated to the latest schema.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import { NodeSqlite } from './sqlite.ts';

export function openNodeStore(config: Pick<Config, 'dataDir'>): NodeSqlite {
  mkdirSync(config.dataDir, { recursive: true });
  const db = new NodeSqlite(join(config.dataDir, 'seabis.db'));
  db.migrate();
  return db;
}
