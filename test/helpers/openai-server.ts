// A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: answers /v1/chat/completions
// according to the mode the test sets, and records the requests it received.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Mode =
  | { kind: 'text'; content: string }
  | { kind: 'error'; status: number }
  | { kind: 'hang' }
  /** Streams the first characters of content, then drops the connection. */
  | { kind: 'break'; content: string; after: number };

export interface FakeLlm {
  baseURL: string;
  requests: Array<{ messages: Array<{ role: string; content: string }>; model: string; stream?: boolean }>;
  mode: Mode;
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((ok) => {
    let s = '';
    req.on('data', (d: Buffer) => (s += d.toString('utf8')));
    req.on('end', () => ok(s));
  });
}

export async function startFakeLlm(): Promise<FakeLlm> {
  const state: FakeLlm = { baseURL: '', requests: [], mode: { kind: 'text', content: '' }, close: async () => {} };
  const hanging = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer(async (req, res) => {
    const parsed = JSON.parse(await body(req)) as FakeLlm['requests'][number];
    state.requests.push(parsed);
    const mode = state.mode;
    if (mode.kind === 'hang') {
      hanging.add(res);
      return;
    }
    if (mode.kind === 'error') {
      res.writeHead(mode.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'upstream failure', type: 'server_error' } }));
      return;
    }
    if (parsed.stream) {
      // OpenAI's server-sent events: a chunk per few characters, then [DONE].
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const content = mode.content;
      const pieces = content.match(/.{1,4}/gsu) ?? [];
      const chunk = (delta: Record<string, string>, finish: string | null) =>
        `data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 0, model: parsed.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      res.write(chunk({ role: 'assistant', content: '' }, null));
      let sent = 0;
      for (const p of pieces) {
        if (mode.kind === 'break' && sent >= mode.after) {
          res.socket?.destroy();
          return;
        }
        res.write(chunk({ content: p }, null));
        sent += p.length;
        await new Promise((ok) => setTimeout(ok, 1));
      }
      res.write(chunk({}, 'stop'));
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: parsed.model,
        choices: [{ index: 0, message: { role: 'assistant', content: mode.content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  state.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () =>
    new Promise<void>((ok) => {
      for (const r of hanging) r.destroy();
      server.close(() => ok());
    });
  return state;
}
