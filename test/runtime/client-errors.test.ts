// What Node's HTTP server answers itself — a 10,000-character path, a 100 KB header, an unknown
// method — carries the API's JSON error body too, on the real server process.
import type { ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../scripts/lib/server-process.ts';
import { FIXTURES, tempDir } from '../helpers/index.ts';

let child: ChildProcess;
let port: number;
beforeAll(async () => {
  const s = await startServerProcess({ DATA_DIR: tempDir(), CORPUS_DIR: join(FIXTURES, 'mini'), AUTH_SECRET: 'client-errors-secret-0123456789abcdef0123', NODE_ENV: 'test' }, { timeoutMs: 90_000 });
  child = s.child;
  port = s.port;
});
afterAll(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

/** Sends raw bytes and reads the whole answer (the server closes the connection). */
function raw(request: string): Promise<{ status: number; type: string; body: unknown }> {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('error', fail);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      ok({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), type: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '', body: body ? JSON.parse(body) : null });
    });
    socket.end(request);
  });
}

describe('errors answered by the HTTP server itself', () => {
  it.each([
    ['a path of 10,000 encoded characters (90 KB)', `GET /${'%E3%81%82'.repeat(10_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431, 'headers_too_large'],
    ['a 10,000-character path within the limit (the app answers)', `GET /${'a'.repeat(10_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 404, 'not_found'],
    ['a 100 KB header', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(100_000)}\r\n\r\n`, 431, 'headers_too_large'],
    ['an unknown method', 'FROB /healthz HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'invalid_request'],
    ['garbage', 'this is not http\r\n\r\n', 400, 'invalid_request'],
  ])('%s: the status with the JSON error body', async (_what, request, status, code) => {
    const r = await raw(request);
    expect(r.status).toBe(status);
    expect(r.type).toContain('application/json');
    expect(r.body).toEqual({ error: { code, message: expect.any(String) } });
  });
  it('still serves ordinary requests', async () => {
    expect((await raw('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).body).toEqual({ status: 'ok' });
  });
});
