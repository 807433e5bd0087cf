// Builds the reading table (hiragana reading → corpus words) from chunks with kuromoji's IPADIC
// dictionary, which ships inside the npm package (no download). Nouns with kanji or katakana
// are kept, alone and as compounds of up to three adjacent nouns (旅行+命令 → 旅行命令).
//
// Loading the dictionary (~0.45 s, mostly on the loading thread) and tokenizing the corpus
// (~0.45 s for the sample corpus) were two thirds of an ingestion. Ingestion therefore runs them in
// a worker thread (startReadingTable), started as soon as a file needs reading: the dictionary
// loads while files are read, chunked and embedded, and the dictionary's memory goes with the
// worker instead of staying in the process (npm start builds a missing index in the server).
import kuromoji from 'kuromoji';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { speedUpPrefixSearch } from './kuromoji-prefix-search.ts';
import { toHiragana, type ReadingTable } from '../text/readings.ts';
import type { Chunk } from './types.ts';

interface Token {
  surface_form: string;
  reading?: string;
  pos: string;
  pos_detail_1: string;
}

interface Tokenizer {
  tokenize(text: string): Token[];
}

let tokenizer: Promise<Tokenizer> | null = null;

/** Loads kuromoji's dictionary (once per thread). */
export function getTokenizer(): Promise<Tokenizer> {
  if (!tokenizer) {
    const require = createRequire(import.meta.url);
    const dicPath = join(dirname(require.resolve('kuromoji/package.json')), 'dict');
    tokenizer = new Promise((ok, fail) =>
      kuromoji.builder({ dicPath }).build((err: Error | null, t: Tokenizer) => {
        if (err) return fail(err);
        speedUpPrefixSearch(t);
        ok(t);
      }),
    );
  }
  return tokenizer;
}

const CONTENT = /[\p{Script=Han}\p{Script=Katakana}]/u;

export type ReadingSource = Pick<Chunk, 'section' | 'text'>;

export async function buildReadingTable(chunks: ReadingSource[], perReading = 3): Promise<ReadingTable> {
  const t = await getTokenizer();
  const counts = new Map<string, Map<string, number>>();
  const add = (reading: string, surface: string) => {
    const r = toHiragana(reading);
    if (r.length < 2 || !/^[\p{Script=Hiragana}ー]+$/u.test(r)) return;
    const m = counts.get(r) ?? new Map<string, number>();
    m.set(surface, (m.get(surface) ?? 0) + 1);
    counts.set(r, m);
  };
  for (const c of chunks) {
    for (const line of `${c.section}\n${c.text}`.split('\n')) {
      const tokens = t.tokenize(line);
      for (let i = 0; i < tokens.length; i++) {
        // Nouns and compounds of adjacent nouns starting here.
        let surface = '';
        let reading = '';
        for (let j = i; j < Math.min(tokens.length, i + 3); j++) {
          const tok = tokens[j]!;
          if (tok.pos !== '名詞' || !tok.reading || tok.reading === '*' || tok.pos_detail_1 === '数') break;
          surface += tok.surface_form;
          reading += tok.reading;
          if (CONTENT.test(surface)) add(reading, surface);
        }
      }
    }
  }
  // A reading the corpus itself writes in hiragana (「いない」 in 「していない」) is ordinary
  // Japanese, not a word typed in kana: such readings are left out.
  const written = new Set<string>();
  for (const c of chunks) {
    for (const m of c.text.matchAll(/[\p{Script=Hiragana}ー]{2,}/gu)) {
      const run = m[0];
      for (let i = 0; i < run.length; i++) for (let j = i + 2; j <= Math.min(run.length, i + 14); j++) written.add(run.slice(i, j));
    }
  }
  const table: ReadingTable = {};
  for (const [reading, surfaces] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (written.has(reading)) continue;
    table[reading] = [...surfaces].sort((a, b) => b[1] - a[1]).slice(0, perReading).map(([s]) => s);
  }
  return table;
}

type WorkerReply = { ok: true; table: ReadingTable } | { ok: false; error: string };

/** The reading table built in a worker thread that starts loading the dictionary when created. */
export class ReadingTableBuilder {
  /** Where the table was built: in the worker, or in this thread when the worker could not. */
  builtIn: 'worker' | 'this thread' | null = null;
  private worker: Worker | null = null;
  private closed = false;

  constructor() {
    try {
      this.worker = new Worker(new URL('./readings-worker.ts', import.meta.url));
      // Until `build`, the worker never keeps the process alive, and its failure only means the
      // table is built in this thread.
      this.worker.on('error', () => void this.stop());
      this.worker.unref();
    } catch {
      this.worker = null;
    }
  }

  /** The table for these chunks (once per builder). */
  async build(chunks: ReadingSource[]): Promise<ReadingTable> {
    const w = this.worker;
    if (w) {
      try {
        const reply = await new Promise<WorkerReply>((ok, fail) => {
          w.once('message', ok);
          w.once('error', fail);
          w.once('exit', (code) => fail(new Error(`the reading-table worker exited (${code})`)));
          w.ref();
          w.postMessage(chunks.map((c) => ({ section: c.section, text: c.text })));
        });
        if (reply.ok) {
          this.builtIn = 'worker';
          return reply.table;
        }
      } catch (e) {
        // Stopped by its owner: the table is not wanted. Otherwise built below, where an error
        // is the dictionary's own.
        if (this.closed) throw e;
      } finally {
        await this.stop();
      }
    }
    this.builtIn = 'this thread';
    return buildReadingTable(chunks);
  }

  /** Stops the worker when the table is not needed after all (a pending `build` then fails). */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

/**
 * Starts loading the dictionary in a worker thread now, so that it loads while files are read,
 * chunked and embedded; `build` hands the worker the chunks.
 */
export function startReadingTable(): ReadingTableBuilder {
  return new ReadingTableBuilder();
}
