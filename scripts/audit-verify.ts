// npm run audit:verify — checks the audit log's hash chain in DATA_DIR/seabis.db. Exit 0 when it
// is intact; otherwise 1, naming the first record that does not verify. Prints the head hash, to
// be recorded elsewhere (a truncated log is only detectable against a head kept outside it).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLog } from '../src/audit/log.ts';
import { nodeSha256 } from '../src/audit/node-sha256.ts';
import { NodeSqlite } from '../src/store/node/sqlite.ts';
import { loadConfigOrExit, parseCli } from './lib/args.ts';

const { values } = parseCli({ json: { type: 'boolean', default: false }, db: { type: 'string' } }, 'npm run audit:verify -- [--json] [--db <file>]');
const config = await loadConfigOrExit();
const path = values.db ?? join(config.dataDir, 'seabis.db');
if (!existsSync(path)) {
  process.stderr.write(`No database at ${path}: nothing to verify (start the server once, or set DATA_DIR).\n`);
  process.exit(2);
}
const db = new NodeSqlite(path);
try {
  const r = await new AuditLog(db, { sha256: nodeSha256 }).verify();
  if (values.json) process.stdout.write(JSON.stringify(r) + '\n');
  else if (r.ok) process.stdout.write(`Audit log intact: ${r.count} records.\nHead hash: ${r.head}\n`);
  else process.stdout.write(`Audit log does NOT verify: ${r.firstBad?.problem}\nFirst bad record: ${r.firstBad?.seq}\nHead hash of the verified part: ${r.head}\n`);
  process.exitCode = r.ok ? 0 : 1;
} finally {
  db.close();
}
