// A progress display for long-running commands: a live bar on a terminal, one line per phase
// change otherwise (so CI logs stay readable). Writes to stderr so stdout stays machine-readable.
import type { IngestProgress } from '../../src/ingest/pipeline.ts';

const LABELS: Record<IngestProgress['phase'], string> = {
  scan: 'Scanning files',
  parse: 'Reading and chunking',
  embed: 'Embedding chunks',
  write: 'Writing the index',
};

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (p: IngestProgress) => void {
  let lastPhase = '';
  let lastDraw = 0;
  return (p) => {
    const label = LABELS[p.phase];
    if (!stream.isTTY) {
      if (p.phase !== lastPhase) stream.write(`${label}…\n`);
      lastPhase = p.phase;
      return;
    }
    const now = Date.now();
    const finished = p.done >= p.total;
    if (!finished && p.phase === lastPhase && now - lastDraw < 50) return;
    lastDraw = now;
    lastPhase = p.phase;
    const width = 24;
    const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : width;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const file = p.file ? ` ${p.file.slice(-40)}` : '';
    stream.write(`\r\x1b[2K${label.padEnd(22)} ${bar} ${p.done}/${p.total}${file}`);
    if (finished) stream.write('\n');
  };
}
