// The worker thread of startReadingTable (readings.ts): loads kuromoji's dictionary at once, then
// builds the reading table for the chunks it is sent.
import { parentPort } from 'node:worker_threads';
import { buildReadingTable, getTokenizer, type ReadingSource } from './readings.ts';

const port = parentPort;
if (!port) throw new Error('readings-worker.ts runs as a worker thread.');
// A failed load is reported when the chunks arrive.
const loading = getTokenizer().catch(() => {});
port.once('message', (chunks: ReadingSource[]) => {
  void loading
    .then(() => buildReadingTable(chunks))
    .then(
      (table) => port.postMessage({ ok: true, table }),
      (e: unknown) => port.postMessage({ ok: false, error: (e as Error).message ?? String(e) }),
    );
});
