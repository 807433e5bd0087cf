// npm run bench -- [--json] [--seconds N] [--scale-chunks N] [--concurrency N] [--parts ingest,ask,chat,scale]
// Speed and scale on this machine, each part bounded in time (--parts picks some; ingest always runs):
//   ingest — throughput over the sample corpus (and the size of the index it writes);
//   ask, chat — the server (started as `npm start` would, in its own process) driven from a second
//               process by 20 concurrent users sending the golden questions for --seconds each;
//   scale — a synthetic corpus (default 100,000 chunks) built from the sample corpus's sentences:
//           build time, then in a fresh process query p95 and resident memory;
//   dense — on the scale index: dense search as the product runs it (exact search for the built-in
//           embeddings) against exact brute-force search over the same vectors, same k;
//   hnsw — the HNSW graph (the product's settings for model embeddings) on the same vectors, same k.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { issueToken } from '../src/auth/tokens.ts';
import { ingest } from '../src/ingest/pipeline.ts';
import { HashedNgramEmbedder } from '../src/retrieval/embeddings/hashed.ts';
import { parseCli } from './lib/args.ts';
import { loadGolden } from './lib/golden.ts';
import { startServerProcess } from './lib/server-process.ts';

const { values } = parseCli(
  {
    json: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '15' },
    'scale-chunks': { type: 'string', default: '100000' },
    concurrency: { type: 'string', default: '20' },
    parts: { type: 'string', default: 'ingest,ask,chat,scale' },
  },
  'npm run bench -- [--json] [--seconds N] [--scale-chunks N] [--concurrency N] [--parts ingest,ask,chat,scale]',
);
const PARTS = ['ingest', 'ask', 'chat', 'scale'] as const;
const parts = new Set(values.parts.split(',').map((p) => p.trim()));
for (const p of parts) {
  if (!(PARTS as readonly string[]).includes(p)) {
    process.stderr.write(`--parts: unknown part ${p} (known: ${PARTS.join(', ')}).\n`);
    process.exit(2);
  }
}
const seconds = Number(values.seconds);
const scaleChunks = Number(values['scale-chunks']);
const concurrency = Number(values.concurrency);
for (const [name, v] of [['--seconds', seconds], ['--scale-chunks', scaleChunks], ['--concurrency', concurrency]] as const) {
  if (!Number.isFinite(v) || v <= 0) {
    process.stderr.write(`${name} must be a positive number.\n`);
    process.exit(2);
  }
}

const root = resolve(import.meta.dirname, '..');
const node = process.execPath;
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'seabis-bench-'));
const note = (s: string) => values.json || process.stderr.write(`${s}\n`);

function dirMiB(dir: string): number {
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) bytes += statSync(join(e.parentPath, e.name)).size;
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}

async function json<T>(args: string[], timeoutMs: number): Promise<T> {
  const { stdout } = await run(node, args, { cwd: root, timeout: timeoutMs, maxBuffer: 16 * 2 ** 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}

interface Built { chunks: number; buildSeconds: number; chunksPerSecond: number }
interface VsExact { k: number; queries: number; recallVsExact: number; idRecall: number; msPerQuery: number; exactMsPerQuery: number; speedupVsExact: number }
interface Queried {
  openSeconds: number;
  queryP50Ms: number;
  queryP95Ms: number;
  rssMiB: number;
  dense: VsExact & { method: 'exact' | 'hnsw' };
  hnsw: VsExact & { usedByProduct: boolean; m: number; efConstruction: number; ef: number };
}
interface Load { requests: number; p50Ms: number; p95Ms: number; p99Ms: number; rps: number; errors: number; errorSamples: string[] }

try {
  const golden = loadGolden(join(root, 'test/golden'));
  const questionsFile = join(work, 'questions.json');
  writeFileSync(questionsFile, JSON.stringify(golden.answerable.map((a) => a.q)));

  // Ingestion over the sample corpus, into the data folder the server will use.
  note('ingest: the sample corpus…');
  const dataDir = join(work, 'data');
  const t0 = performance.now();
  const report = await ingest({ sourceDir: join(root, 'corpus'), indexDir: join(dataDir, 'index'), embedder: new HashedNgramEmbedder() });
  const ingestSeconds = (performance.now() - t0) / 1000;
  const ingestResult = { chunks: report.chunks, seconds: Math.round(ingestSeconds * 100) / 100, chunksPerSecond: Math.round(report.chunks / ingestSeconds), indexMiB: dirMiB(join(dataDir, 'index')) };

  // The server in its own process, as `npm start` runs it (rate limiting off: one bench user).
  let ask: Load | null = null;
  let chat: Load | null = null;
  if (parts.has('ask') || parts.has('chat')) {
    const secret = 'bench-secret-0123456789abcdef0123456789abcdef';
    const { child: server, base: url } = await startServerProcess({
      DATA_DIR: dataDir, AUTH_SECRET: secret, RATE_LIMIT_PER_MINUTE: '0', NODE_ENV: 'production', LLM_BASE_URL: '', EMBEDDINGS_BASE_URL: '',
    });
    try {
      const token = await issueToken(secret, { id: 'bench', role: 'traveler' });
      const load = (mode: string) => json<Load>([join(root, 'scripts/lib/bench/load.ts'), url, token, mode, String(concurrency), String(seconds), questionsFile], (seconds + 60) * 1000);
      if (parts.has('ask')) {
        note(`ask: ${concurrency} concurrent users for ${seconds} s…`);
        ask = await load('ask');
      }
      if (parts.has('chat')) {
        note(`chat: ${concurrency} concurrent users for ${seconds} s…`);
        chat = await load('chat');
      }
    } finally {
      server.kill('SIGTERM');
    }
  }

  let built: Built | null = null;
  let queried: Queried | null = null;
  if (parts.has('scale')) {
    note(`scale: building a synthetic corpus of ${scaleChunks} sections…`);
    const scaleDir = join(work, 'scale');
    built = await json<Built>([join(root, 'scripts/lib/bench/scale.ts'), 'build', join(root, 'corpus'), scaleDir, String(scaleChunks)], 30 * 60_000);
    note('scale: querying it in a fresh process…');
    queried = await json<Queried>([join(root, 'scripts/lib/bench/scale.ts'), 'query', join(scaleDir, 'index'), questionsFile], 10 * 60_000);
  }

  const result = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    ask: ask && { concurrency, p50Ms: ask.p50Ms, p95Ms: ask.p95Ms, p99Ms: ask.p99Ms, rps: ask.rps, errors: ask.errors, requests: ask.requests },
    chat: chat && { concurrency, ttfbP95Ms: chat.p95Ms, ttfbP50Ms: chat.p50Ms, rps: chat.rps, errors: chat.errors, requests: chat.requests },
    ingest: { chunksPerSecond: ingestResult.chunksPerSecond, indexMiB: ingestResult.indexMiB, chunks: ingestResult.chunks, seconds: ingestResult.seconds, scaleChunksPerSecond: built?.chunksPerSecond ?? null },
    dense: built && queried && { method: queried.dense.method, recallVsExact: queried.dense.recallVsExact, speedupVsExact: queried.dense.speedupVsExact, k: queried.dense.k, chunks: built.chunks, msPerQuery: queried.dense.msPerQuery, exactMsPerQuery: queried.dense.exactMsPerQuery },
    hnsw: built && queried && {
      usedByProduct: queried.hnsw.usedByProduct, m: queried.hnsw.m, efConstruction: queried.hnsw.efConstruction, ef: queried.hnsw.ef,
      recallVsExact: queried.hnsw.recallVsExact, speedupVsExact: queried.hnsw.speedupVsExact, k: queried.hnsw.k, chunks: built.chunks,
      hnswMsPerQuery: queried.hnsw.msPerQuery, exactMsPerQuery: queried.hnsw.exactMsPerQuery,
    },
    scale: built && queried && { chunks: built.chunks, buildSeconds: built.buildSeconds, openSeconds: queried.openSeconds, queryP95Ms: queried.queryP95Ms, queryP50Ms: queried.queryP50Ms, rssMiB: queried.rssMiB },
  };
  if (values.json) process.stdout.write(JSON.stringify(result) + '\n');
  else {
    const targets: Array<readonly [string, boolean]> = [
      ...(result.ask ? [['/api/ask p95 at 20 users ≤ 100 ms, 0 errors', result.ask.p95Ms <= 100 && result.ask.errors === 0] as const] : []),
      ...(result.dense ? [[`dense search (${result.dense.method}) recall vs exact ≥ 0.99`, result.dense.recallVsExact >= 0.99] as const] : []),
      ...(result.hnsw ? [['HNSW graph recall vs exact ≥ 0.99', result.hnsw.recallVsExact >= 0.99] as const] : []),
      ...(result.scale
        ? [[`query p95 at ${result.scale.chunks} chunks ≤ 20 ms`, result.scale.queryP95Ms <= 20] as const, [`resident memory at ${result.scale.chunks} chunks ≤ 1 GiB`, result.scale.rssMiB <= 1024] as const]
        : []),
      ['ingestion ≥ 500 chunks/s', result.ingest.chunksPerSecond >= 500],
    ];
    process.stdout.write(
      [
        `Machine: ${result.machine.cpus} × ${result.machine.cpu}, ${result.machine.memoryGiB} GiB, Node ${result.machine.node}`,
        '',
        ...(ask ? [`ask    ${concurrency} users, ${seconds} s: p50 ${ask.p50Ms} ms, p95 ${ask.p95Ms} ms, p99 ${ask.p99Ms} ms, ${ask.rps} req/s, ${ask.errors} errors (${ask.requests} requests)`] : []),
        ...(chat ? [`chat   ${concurrency} users, ${seconds} s: first byte p50 ${chat.p50Ms} ms, p95 ${chat.p95Ms} ms, ${chat.rps} req/s, ${chat.errors} errors`] : []),
        `ingest sample corpus: ${ingestResult.chunks} chunks in ${ingestResult.seconds} s = ${ingestResult.chunksPerSecond} chunks/s, index ${ingestResult.indexMiB} MiB${built ? `; synthetic: ${built.chunksPerSecond} chunks/s` : ''}`,
        ...(built && queried
          ? [
              `dense  ${built.chunks} chunks, k=${queried.dense.k}, ${queried.dense.method} search as served: recall ${queried.dense.recallVsExact} vs exact brute force, ${queried.dense.speedupVsExact}× faster (${queried.dense.msPerQuery} vs ${queried.dense.exactMsPerQuery} ms/query)`,
              `hnsw   ${built.chunks} chunks, k=${queried.hnsw.k}, M=${queried.hnsw.m} efConstruction=${queried.hnsw.efConstruction} ef=${queried.hnsw.ef} (${queried.hnsw.usedByProduct ? 'used for these embeddings' : 'used only for model embeddings, not for these'}): recall ${queried.hnsw.recallVsExact} vs exact, ${queried.hnsw.speedupVsExact}× faster (${queried.hnsw.msPerQuery} vs ${queried.hnsw.exactMsPerQuery} ms/query)`,
              `scale  ${built.chunks} chunks: built in ${built.buildSeconds} s, opened in ${queried.openSeconds} s, query p50 ${queried.queryP50Ms} ms, p95 ${queried.queryP95Ms} ms, resident ${queried.rssMiB} MiB`,
            ]
          : []),
        '',
        'Targets:',
        ...targets.map(([t, ok]) => `  ${ok ? 'met   ' : 'MISSED'} ${t}`),
      ].join('\n') + '\n',
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
