// npm run audit:verify [-- --checkpoint <file>] — checks the audit log's hash chain in
// DATA_DIR/seabis.db, and every stored field of the risk events and reviews against it. Exit 0
// when it is intact; otherwise 1, naming the first record that does not verify. With a
// checkpoint (GET /api/admin/audit/checkpoint, the periodic export, or the webhook's
// audit.checkpoint payload, kept outside the log): also 1 when the log is shorter than the
// checkpoint's size, its record at that size does not hash to the checkpoint's head, or the
// signature does not verify (key: AUDIT_SIGNING_KEY, or DATA_DIR/audit-signing-key).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CheckpointSigner, type Checkpoint } from '../src/audit/checkpoint.ts';
import { AuditLog } from '../src/audit/log.ts';
import { nodeSha256 } from '../src/audit/node-sha256.ts';
import { AUDIT_KEY_FILE, readSecretFile } from '../src/runtime/secret.ts';
import { NodeSqlite } from '../src/store/node/sqlite.ts';
import { loadConfigOrExit, parseCli } from './lib/args.ts';

const usage = 'npm run audit:verify -- [--json] [--db <file>] [--checkpoint <file>]';
const { values } = parseCli({ json: { type: 'boolean', default: false }, db: { type: 'string' }, checkpoint: { type: 'string' } }, usage);
const config = await loadConfigOrExit();
const path = values.db ?? join(config.dataDir, 'seabis.db');
const fail = (message: string, code = 2): never => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};
if (!existsSync(path)) fail(`No database at ${path}: nothing to verify (start the server once, or set DATA_DIR).`);

const CheckpointFile = z.object({
  size: z.number().int().min(0),
  head: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  signature: z.string(),
  keyId: z.string(),
});
/** The checkpoint in a file: the endpoint's answer, the periodic export (audit.checkpoint) or a webhook payload (checkpoint). */
function readCheckpoint(file: string): Checkpoint {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return fail(`Cannot read the checkpoint ${file}: ${(e as Error).message}`);
  }
  const o = json as { checkpoint?: unknown; audit?: { checkpoint?: unknown } };
  const r = CheckpointFile.safeParse(o?.audit?.checkpoint ?? o?.checkpoint ?? json);
  return r.success ? r.data : fail(`${file} is not an audit checkpoint ({ size, head, at, signature, keyId }): ${r.error.issues[0]?.path.join('.')} ${r.error.issues[0]?.message}`);
}

const checkpoint = values.checkpoint ? readCheckpoint(values.checkpoint) : undefined;
const key = config.auditSigningKey ?? (await readSecretFile(config.dataDir, AUDIT_KEY_FILE, 'AUDIT_SIGNING_KEY'));
const signer = key ? await CheckpointSigner.fromSecret(key) : null;
const db = new NodeSqlite(path);
try {
  const r = await new AuditLog(db, { sha256: nodeSha256, signer }).verify(checkpoint);
  if (values.json) process.stdout.write(JSON.stringify(r) + '\n');
  else {
    const lines = r.firstBad
      ? [`Audit log does NOT verify: ${r.firstBad.problem}`, `First bad record: ${r.firstBad.seq}`, `Head hash of the verified part: ${r.head}`]
      : [`Hash chain and risk events intact: ${r.count} records.`, `Head hash: ${r.head}`];
    if (r.checkpoint) lines.push(r.checkpoint.ok ? `Checkpoint (size ${checkpoint!.size}, ${checkpoint!.at}): verified.` : `Checkpoint does NOT verify: ${r.checkpoint.problem}`);
    if (!r.checkpoint && r.ok) lines.push('Keep a signed checkpoint (GET /api/admin/audit/checkpoint) outside this machine: a cut tail is only detectable against one.');
    process.stdout.write(lines.join('\n') + '\n');
  }
  process.exitCode = r.ok ? 0 : 1;
} finally {
  db.close();
}
