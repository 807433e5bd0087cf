// `npm run ingest`: every supported file under a folder → chunks → vectors → the index folder.
// Unchanged files keep their chunks and vectors; a changed file replaces only its own chunks;
// when nothing changed, nothing is written. A file that fails is reported and skipped.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Embedder } from '../retrieval/embeddings/embedder.ts';
import {
  INDEX_FORMAT, IndexError, readContents, readManifest, writeContents, type DocumentEntry, type IndexContents,
} from '../retrieval/node/file-index.ts';
import { DEFAULT_CHUNK_OPTIONS, chunkDocument, type ChunkOptions } from './chunker.ts';
import { injectionInDocument } from '../risk/signals.ts';
import { isSupported, loadDocument } from './load.ts';
import { startReadingTable, type ReadingTableBuilder } from './readings.ts';
import type { Chunk } from './types.ts';

/**
 * Bump when loaders, normalization or chunking change what a file turns into, so that
 * re-ingesting re-reads files whose bytes did not change.
 */
export const PIPELINE_VERSION = 12;

export interface IngestProgress {
  phase: 'scan' | 'parse' | 'embed' | 'write';
  done: number;
  total: number;
  file?: string;
}

export interface IngestOptions {
  sourceDir: string;
  indexDir: string;
  embedder: Embedder;
  chunkOptions?: ChunkOptions;
  /** Ignore the existing index and build from scratch. */
  rebuild?: boolean;
  onProgress?: (p: IngestProgress) => void;
  /** Vectors embedded per call. */
  batchSize?: number;
}

export interface IngestReport {
  files: number;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  failed: Array<{ source: string; error: string }>;
  chunks: number;
  newChunks: number;
  embedded: number;
  written: boolean;
  version: string;
  /** Why the old index was not reused, when it was not. */
  rebuiltBecause?: string;
  /** Chunks flagged at ingestion as carrying instructions for the assistant (not served). */
  suspicious: Array<{ source: string; section: string; id: string }>;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && isSupported(p)) out.push(p);
    }
  };
  await walk(dir);
  return out;
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

async function previous(o: IngestOptions): Promise<{ contents: IndexContents | null; reason?: string }> {
  if (o.rebuild) return { contents: null, reason: 'rebuild requested' };
  let manifest;
  try {
    manifest = await readManifest(o.indexDir);
  } catch (e) {
    return { contents: null, reason: (e as Error).message };
  }
  if (!manifest) return { contents: null };
  if (manifest.format !== INDEX_FORMAT) return { contents: null, reason: `index format ${manifest.format} is outdated` };
  if (manifest.embedder.id !== o.embedder.id) {
    return { contents: null, reason: `embeddings changed from ${manifest.embedder.id} to ${o.embedder.id}` };
  }
  try {
    return { contents: await readContents(o.indexDir) };
  } catch (e) {
    if (e instanceof IndexError) return { contents: null, reason: e.message };
    throw e;
  }
}

export async function ingest(o: IngestOptions): Promise<IngestReport> {
  // The reading table's dictionary loads in a worker from the first file that needs reading on.
  let readings: ReadingTableBuilder | null = null;
  const startReadings = () => (readings ??= startReadingTable());
  try {
    return await ingestWith(o, startReadings);
  } finally {
    await (readings as ReadingTableBuilder | null)?.close();
  }
}

async function ingestWith(o: IngestOptions, startReadings: () => ReadingTableBuilder): Promise<IngestReport> {
  const chunkOptions = o.chunkOptions ?? DEFAULT_CHUNK_OPTIONS;
  const progress = o.onProgress ?? (() => {});
  const sourceStat = await stat(o.sourceDir).catch(() => null);
  if (!sourceStat?.isDirectory()) throw new Error(`The source folder ${o.sourceDir} does not exist or is not a folder.`);

  const { contents: old, reason } = await previous(o);
  const oldChunks = new Map((old?.chunks ?? []).map((c, i) => [c.id, { chunk: c, vector: old?.vectors[i] ?? [] }]));
  const oldDocs = old?.manifest.documents ?? {};

  const files = await listFiles(o.sourceDir);
  progress({ phase: 'scan', done: files.length, total: files.length });
  const report: IngestReport = {
    files: files.length, added: [], changed: [], removed: [], unchanged: [], failed: [],
    chunks: 0, newChunks: 0, embedded: 0, written: false, version: old?.manifest.version ?? '', suspicious: [],
    ...(reason ? { rebuiltBecause: reason } : {}),
  };
  const documents: Record<string, DocumentEntry> = {};
  const chunks: Chunk[] = [];
  const settings = JSON.stringify(chunkOptions);

  for (const [i, path] of files.entries()) {
    const source = relative(o.sourceDir, path).split(sep).join('/');
    progress({ phase: 'parse', done: i, total: files.length, file: source });
    try {
      const bytes = new Uint8Array(await readFile(path));
      const hash = sha256(`${INDEX_FORMAT}\u0000${PIPELINE_VERSION}\u0000${settings}\u0000`) + sha256(bytes);
      const prior = oldDocs[source];
      if (prior && prior.hash === hash && prior.chunkIds.every((id) => oldChunks.has(id))) {
        documents[source] = prior;
        chunks.push(...prior.chunkIds.map((id) => oldChunks.get(id)!.chunk));
        report.unchanged.push(source);
        continue;
      }
      startReadings();
      const doc = await loadDocument(path, source, bytes);
      // Instructions aimed at the assistant inside a document are flagged, and never served.
      const docChunks = (await chunkDocument(doc, chunkOptions)).map((c) => (injectionInDocument(`${c.section}\n${c.text}`) ? { ...c, flags: [...(c.flags ?? []), 'injection'] } : c));
      documents[source] = { hash, title: doc.meta.title, kind: doc.meta.kind, chunkIds: docChunks.map((c) => c.id) };
      chunks.push(...docChunks);
      (prior ? report.changed : report.added).push(source);
    } catch (e) {
      report.failed.push({ source, error: (e as Error).message });
      // A file that cannot be read now keeps its previous chunks rather than vanishing.
      const prior = oldDocs[source];
      if (prior) {
        documents[source] = prior;
        chunks.push(...prior.chunkIds.flatMap((id) => (oldChunks.has(id) ? [oldChunks.get(id)!.chunk] : [])));
      }
    }
  }
  progress({ phase: 'parse', done: files.length, total: files.length });
  report.removed = Object.keys(oldDocs).filter((s) => !(s in documents));

  // Chunk ids are content hashes, so a chunk shared by two files appears once.
  const unique = [...new Map(chunks.map((c) => [c.id, c])).values()];
  report.chunks = unique.length;
  // Reported for the files read this time (unchanged files were reported when they were read).
  const readNow = new Set([...report.added, ...report.changed]);
  report.suspicious = unique.filter((c) => c.flags?.includes('injection') && readNow.has(c.source)).map((c) => ({ source: c.source, section: c.section, id: c.id }));
  const toEmbed = unique.filter((c) => !oldChunks.has(c.id));
  report.newChunks = toEmbed.length;

  const nothingChanged = old !== null && report.added.length === 0 && report.changed.length === 0 && report.removed.length === 0;
  if (nothingChanged) return report;
  // The worker tokenizes while this thread embeds (a worker left idle once its dictionary is
  // loaded was measured to tokenize up to 1.7x slower, so it gets the chunks as early as this).
  const readingTable = startReadings().build(unique);
  readingTable.catch(() => {}); // awaited below; only a failure before that point leaves it unawaited

  const vectors = new Map<string, number[]>();
  const batch = o.batchSize ?? 64;
  for (let i = 0; i < toEmbed.length; i += batch) {
    progress({ phase: 'embed', done: i, total: toEmbed.length });
    const slice = toEmbed.slice(i, i + batch);
    const vs = await o.embedder.embed(slice.map((c) => `${c.title}\n${c.section}\n${c.text}`));
    slice.forEach((c, j) => vectors.set(c.id, vs[j] ?? []));
  }
  progress({ phase: 'embed', done: toEmbed.length, total: toEmbed.length });
  report.embedded = toEmbed.length;

  const version = sha256(unique.map((c) => c.id).join('\n')).slice(0, 16);
  progress({ phase: 'write', done: 0, total: 1 });
  const readings = await readingTable;
  await writeContents(
    o.indexDir,
    {
      manifest: {
        format: INDEX_FORMAT,
        embedder: { id: o.embedder.id, dims: o.embedder.dims },
        builtAt: new Date().toISOString(),
        version,
        chunkCount: unique.length,
        documents,
      },
      chunks: unique,
      vectors: unique.map((c) => vectors.get(c.id) ?? oldChunks.get(c.id)!.vector),
      readings,
    },
    o.embedder,
  );
  progress({ phase: 'write', done: 1, total: 1 });
  report.written = true;
  report.version = version;
  return report;
}
