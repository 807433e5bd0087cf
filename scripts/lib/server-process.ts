// Runs the server as `npm start` does, in its own process, on a free port: for the benchmark and
// the tests that need a real process (kill -9, load, the browser journeys).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
}

/**
 * Starts scripts/start.ts with `env` added to this process's, and resolves once it listens.
 * `output` receives everything the server writes (stdout and stderr) for as long as it runs.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: { port?: number; timeoutMs?: number; output?: (text: string) => void } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [join(root, 'scripts/start.ts')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', options.output ? 'pipe' : 'ignore', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => options.output?.(d.toString()));
  await new Promise<void>((ok, fail) => {
    let log = '';
    let ready = false;
    const timer = setTimeout(() => fail(new Error(`the server did not start within ${(options.timeoutMs ?? 120_000) / 1000} s:\n${log}`)), options.timeoutMs ?? 120_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}):\n${log}`));
    };
    child.once('exit', onExit);
    // Read stderr for as long as the server runs (a full pipe would block it); keep it only until ready.
    child.stderr!.on('data', (d: Buffer) => {
      options.output?.(d.toString());
      if (ready) return;
      log += d.toString();
      if (log.includes(`http://localhost:${port}`)) {
        ready = true;
        log = '';
        clearTimeout(timer);
        child.off('exit', onExit);
        ok();
      }
    });
  });
  return { child, port, base: `http://127.0.0.1:${port}` };
}
