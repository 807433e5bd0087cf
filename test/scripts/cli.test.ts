// The command line as a person uses it: ingest a folder, then ask from it, without a server.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers/index.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const script = (name: string) => join(root, 'scripts', `${name}.ts`);
const env = { ...process.env, DATA_DIR: tempDir(), NO_COLOR: '1' };

async function node(args: string[], input?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const child = run(process.execPath, args, { env, cwd: root });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}

describe('npm run ingest / ask', () => {
  const index = join(tempDir(), 'index');
  const source = join(FIXTURES, 'mini');

  it('ingests a folder, then re-ingesting adds nothing', async () => {
    const first = await node([script('ingest'), '--source', source, '--index', index, '--json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as { added: string[]; chunks: number; written: boolean };
    expect(report.added).toHaveLength(5);
    expect(report.written).toBe(true);
    const again = JSON.parse((await node([script('ingest'), '--source', source, '--index', index, '--json'])).stdout) as { newChunks: number; written: boolean };
    expect(again).toMatchObject({ newChunks: 0, written: false });
  });

  it('answers one question as JSON', async () => {
    const r = await node([script('ask'), '--index', index, '--json', '領収書をなくしたらどうすればいいですか']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as { answer: string; citations: Array<{ source: string; section: string }>; escalate: boolean; confidence: number; risk: unknown };
    expect(a.escalate).toBe(false);
    expect(a.answer).toContain('支払証明書');
    expect(a.citations[0]).toMatchObject({ source: 'claim.md' });
    expect(a).toHaveProperty('risk');
  });

  it('answers one question per line from stdin, in order, one JSON line each', async () => {
    const r = await node([script('ask'), '--index', index, '--stdin'], '領収書をなくした\n\n年末調整の締切は？\n');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { escalate?: boolean; error?: unknown; citations?: Array<{ source: string }> });
    expect(lines).toHaveLength(3);
    expect(lines[0]?.citations?.[0]?.source).toBe('claim.md');
    expect(lines[1]).toHaveProperty('error');
    expect(lines[2]?.escalate).toBe(true);
  });

  it('explains a missing index and bad arguments', async () => {
    const missing = await node([script('ask'), '--index', join(tempDir(), 'none'), '質問']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('npm run ingest');
    const bad = await node([script('ask'), '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage');
  });

  it('fails fast on invalid configuration, naming the setting', async () => {
    const r = await run(process.execPath, [script('token'), '--role', 'traveler', '--user', 'u1'], { env: { ...env, PORT: 'abc' } }).catch((e: { stderr: string; code: number }) => e);
    expect((r as { code: number }).code).toBe(2);
    expect((r as { stderr: string }).stderr).toMatch(/PORT/);
  });

  it('issues a token for a role', async () => {
    const r = await node([script('token'), '--role', 'staff', '--user', 'clerk-1']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('.')).toHaveLength(3);
    expect((await node([script('token'), '--role', 'boss', '--user', 'x'])).code).toBe(2);
  });
});
