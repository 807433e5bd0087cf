// `npm start` on a damaged or mismatched index stops with a message a person can act on (how to
// rebuild), exit code 1, and no stack trace; after the rebuild it serves again.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

async function node(script: string, args: string[], env: Record<string, string>) {
  try {
    const r = await run(process.execPath, [join(root, script), ...args], { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, ...r };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm start with a damaged index', () => {
  it('stops with the rebuild command instead of crashing, and serves after the rebuild', async () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir, CORPUS_DIR: join(FIXTURES, 'mini'), AUTH_SECRET: 'start-test-secret-0123456789abcdef0123456789', NODE_ENV: 'test' };
    expect((await node('scripts/ingest.ts', ['--json'], env)).code).toBe(0);
    // The stored vectors, cut short (the built-in embeddings are searched over them exactly).
    writeFileSync(join(dataDir, 'index', 'vectors.f32'), 'not vectors');
    const broken = await node('scripts/start.ts', [], { ...env, PORT: '18765' });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('Could not start');
    expect(broken.stderr).toContain('npm run ingest -- --rebuild');
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    // The rebuild path the message names works.
    expect((await node('scripts/ingest.ts', ['--rebuild', '--json'], env)).code).toBe(0);
    const asked = await node('scripts/ask.ts', ['--json', '領収書をなくしたらどうすればいいですか'], env);
    expect(asked.code).toBe(0);
    expect((JSON.parse(asked.stdout) as { citations: unknown[] }).citations.length).toBeGreaterThan(0);
  }, 120_000);
});
