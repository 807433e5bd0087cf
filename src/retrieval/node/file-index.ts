// The Node document index: a folder with a manifest, the chunks (JSON lines), their vectors and,
// for model embeddings, an HNSW graph saved by @langchain/community's HNSWLib (hnswlib-node). The
// built-in hashed embeddings are searched exactly over the stored vectors instead (exact.ts). BM25
// postings are rebuilt in memory when the folder is opened.
import { embeddedText, indexedText } from '../searched-text.ts';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { existsSync } from 'node:fs';
import { mkdir, open as openFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Chunk, DocKind } from '../../ingest/types.ts';
import { SpellingIndex } from '../../text/spelling.ts';
import { BIGRAM_PREFIX, documentTerms } from '../../text/tokenize.ts';
import { Bm25Index, type ScoredId, type WeightedTerm } from '../bm25.ts';
import type { Embedder } from '../embeddings/embedder.ts';
import { ExactVectorIndex } from '../exact.ts';
import type { ReadingTable } from '../../text/readings.ts';
import type { DocumentIndex, LexicalResult } from '../types.ts';
import { type WordingStats, bigramKey } from '../wording.ts';
import { BIGRAM_COUNTS_FILE, type BigramCounts, countBigrams, encodeBigramCounts, readBigramCounts } from './bigram-counts.ts';

export const INDEX_FORMAT = 1;

/**
 * The HNSW graph's settings, for model embeddings: links per node (M), candidates while building
 * (efConstruction) and while searching (ef). Chosen on the hardest vectors at hand, the built-in
 * embeddings of 100,000 synthetic chunks (`node scripts/lib/bench/hnsw-params.ts`, k = 10): M 16
 * with ef 128 (hnswlib's and LangChain's defaults) found 0.662 of the exact neighbours; M 32 with
 * ef 1536 finds 0.997 (10.7 ms/query there). Embedding models cluster far better, so this is the
 * worst case; it keeps the graph from losing passages whatever model is configured.
 */
export const HNSW_M = 32;
export const HNSW_EF_CONSTRUCTION = 200;
export const HNSW_EF = 1536;

/**
 * An HNSWLib store of the vectors (at least one) with the graph settings above. HNSWLib creates
 * its graph with hnswlib's defaults when it has none or an empty one, so the graph is made here
 * and its first point added as addVectors adds points (label = position).
 */
async function newGraphStore(embedder: Embedder, vectors: number[][], chunks: Chunk[]): Promise<HNSWLib> {
  const store = new HNSWLib(langchainEmbeddings(embedder), { space: 'cosine', numDimensions: embedder.dims });
  const graph: HierarchicalNSW = new hnswlib.HierarchicalNSW('cosine', embedder.dims);
  graph.initIndex(vectors.length, HNSW_M, HNSW_EF_CONSTRUCTION, 100);
  graph.setEf(HNSW_EF);
  graph.addPoint(vectors[0]!, 0);
  store._index = graph;
  await store.docstore.add({ 0: docFor(chunks[0]!) });
  await store.addVectors(vectors.slice(1), chunks.slice(1).map(docFor));
  return store;
}

export interface DocumentEntry {
  /** Hash of the file's bytes and of the chunking settings. */
  hash: string;
  title: string;
  kind: DocKind;
  chunkIds: string[];
}

export interface Manifest {
  format: number;
  embedder: { id: string; dims: number };
  builtAt: string;
  /** Hash over all chunk ids: changes exactly when the indexed content changes. */
  version: string;
  chunkCount: number;
  documents: Record<string, DocumentEntry>;
}

export interface IndexContents {
  manifest: Manifest;
  chunks: Chunk[];
  /** One vector per chunk, in the same order. */
  vectors: number[][];
  /** Hiragana reading → corpus words, for questions typed in kana. */
  readings: ReadingTable;
}

/** A problem with the index folder that a person can fix (the message says how). */
export class IndexError extends Error {
  override name = 'IndexError';
}

const REBUILD_HINT = 'Rebuild it with `npm run ingest -- --rebuild` (or delete the folder and run `npm start`).';

/** Lets LangChain's HNSWLib call our embedder. */
export function langchainEmbeddings(embedder: Embedder): EmbeddingsInterface {
  return {
    embedDocuments: (texts) => embedder.embed(texts),
    embedQuery: async (text) => (await embedder.embed([text]))[0] ?? [],
  };
}

export { indexedText } from '../searched-text.ts';

export async function readManifest(dir: string): Promise<Manifest | null> {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Manifest;
  } catch (e) {
    throw new IndexError(`The index manifest ${path} is unreadable (${(e as Error).message}). ${REBUILD_HINT}`);
  }
}

/** The manifest, chunks and reading table of an index folder, without the vectors (serving needs none). */
export async function readIndexText(dir: string): Promise<Omit<IndexContents, 'vectors'>> {
  const manifest = await readManifest(dir);
  if (!manifest) throw new IndexError(`No index in ${dir}. Build one with \`npm run ingest\`.`);
  if (manifest.format !== INDEX_FORMAT) {
    throw new IndexError(`The index in ${dir} has format ${manifest.format}; this version reads ${INDEX_FORMAT}. ${REBUILD_HINT}`);
  }
  try {
    const lines = (await readFile(join(dir, 'chunks.jsonl'), 'utf8')).split('\n').filter((l) => l.trim() !== '');
    const chunks = lines.map((l) => JSON.parse(l) as Chunk);
    if (chunks.length !== manifest.chunkCount) throw new Error(`expected ${manifest.chunkCount} chunks, found ${chunks.length}`);
    const readingsPath = join(dir, 'readings.json');
    const readings = existsSync(readingsPath) ? (JSON.parse(await readFile(readingsPath, 'utf8')) as ReadingTable) : {};
    return { manifest, chunks, readings };
  } catch (e) {
    throw new IndexError(`The index in ${dir} is damaged (${(e as Error).message}). ${REBUILD_HINT}`);
  }
}

/** Everything in an index folder, vectors included and checked against the chunks (for incremental ingestion and exports). */
export async function readContents(dir: string): Promise<IndexContents> {
  const text = await readIndexText(dir);
  const dims = text.manifest.embedder.dims;
  try {
    const buf = await readFile(join(dir, 'vectors.f32'));
    const floats = new Float32Array(buf.buffer, buf.byteOffset, Math.floor(buf.byteLength / 4));
    if (floats.length !== text.chunks.length * dims) {
      throw new Error(`expected ${text.chunks.length} vectors of ${dims} dimensions, found ${floats.length} numbers`);
    }
    return { ...text, vectors: text.chunks.map((_, i) => Array.from(floats.subarray(i * dims, (i + 1) * dims))) };
  } catch (e) {
    throw new IndexError(`The index in ${dir} is damaged (${(e as Error).message}). ${REBUILD_HINT}`);
  }
}

function docFor(chunk: Chunk): Document {
  return new Document({ pageContent: '', metadata: { id: chunk.id } });
}

/** Writes a complete index folder atomically (a new folder swapped in place of the old). */
export async function writeContents(dir: string, contents: IndexContents, embedder: Embedder): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const { chunks, vectors, manifest } = contents;
  await writeFile(join(tmp, 'chunks.jsonl'), chunks.map((c) => JSON.stringify(c)).join('\n') + (chunks.length ? '\n' : ''));
  const floats = new Float32Array(chunks.length * manifest.embedder.dims);
  vectors.forEach((v, i) => floats.set(v, i * manifest.embedder.dims));
  await writeFile(join(tmp, 'vectors.f32'), new Uint8Array(floats.buffer));
  // Embeddings searched exactly need no graph (building it took 98 s of 174 s at 100,000 chunks).
  if (chunks.length > 0 && !embedder.exactSearch) {
    const store = await newGraphStore(embedder, vectors, chunks);
    await store.save(join(tmp, 'hnsw'));
  }
  await writeFile(join(tmp, BIGRAM_COUNTS_FILE), encodeBigramCounts(countBigrams(chunks)));
  await writeFile(join(tmp, 'readings.json'), JSON.stringify(contents.readings));
  await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 1));
  const old = `${dir}.old-${process.pid}`;
  if (existsSync(dir)) await rename(dir, old);
  await rename(tmp, dir);
  await rm(old, { recursive: true, force: true });
}

/**
 * The stored vectors of an index folder, for exact search: read a block at a time into the
 * column layout, so that the file is never held whole next to it.
 */
export async function readExactVectors(dir: string, count: number, dims: number): Promise<ExactVectorIndex> {
  const index = new ExactVectorIndex(dims, count);
  const file = await openFile(join(dir, 'vectors.f32'), 'r');
  try {
    const { size } = await file.stat();
    if (size !== count * dims * 4) throw new Error(`expected ${count} vectors of ${dims} dimensions, found ${size} bytes`);
    const rowsPerBlock = Math.max(1, Math.floor(2 ** 22 / (dims * 4)));
    const block = new Float32Array(rowsPerBlock * dims);
    const bytes = new Uint8Array(block.buffer);
    for (let row = 0; row < count; row += rowsPerBlock) {
      const n = Math.min(rowsPerBlock, count - row);
      const { bytesRead } = await file.read(bytes, 0, n * dims * 4, row * dims * 4);
      if (bytesRead !== n * dims * 4) throw new Error('vectors.f32 ended early');
      index.addRows(block, n);
    }
  } finally {
    await file.close();
  }
  return index;
}

/** Dense search of an opened index: exact over the stored vectors, or the HNSW graph. */
type DenseSearch = { kind: 'exact'; vectors: ExactVectorIndex; ids: string[] } | { kind: 'hnsw'; store: HNSWLib | null };

/** An opened index folder. */
export class FileIndex implements DocumentIndex {
  private readonly baseVersion: string;
  readonly embedder: Embedder;
  readonly readings: ReadingTable;
  private readonly byId: Map<string, Chunk>;
  private readonly bm25: Bm25Index;
  private readonly vectors: DenseSearch;

  private constructor(version: string, embedder: Embedder, byId: Map<string, Chunk>, bm25: Bm25Index, vectors: DenseSearch, readings: ReadingTable, bigrams: BigramCounts | null) {
    this.baseVersion = version;
    this.readings = readings;
    this.embedder = embedder;
    this.byId = byId;
    this.bm25 = bm25;
    this.vectors = vectors;
    this.bigrams = bigrams ?? countBigrams(byId.values());
  }

  /** Chunks added at run time (approved FAQ entries), by id. */
  private readonly live = new Set<string>();

  /**
   * Chunks holding each character bigram (stored at ingestion, else counted on opening); removed
   * chunks stay counted, as in the postings.
   */
  private readonly bigrams: BigramCounts;

  async wordingStats(terms: string[]): Promise<WordingStats> {
    const { df, chunks, length } = this.bigrams;
    return {
      df: Object.fromEntries(terms.map((t) => [t, df.get(bigramKey(t)) ?? 0])),
      docCount: chunks,
      avgLength: chunks > 0 ? length / chunks : 0,
    };
  }

  get size(): number {
    return this.byId.size;
  }

  /** The corpus index's version, plus the live additions when there are any. */
  get version(): string {
    if (this.live.size === 0) return this.baseVersion;
    return `${this.baseVersion}+${[...this.live].sort().join(',').length.toString(36)}${this.live.size}`;
  }

  async chunksOf(source: string): Promise<Chunk[]> {
    return [...this.byId.values()].filter((c) => c.source === source).sort((a, b) => a.ordinal - b.ordinal);
  }

  async upsert(chunks: Chunk[]): Promise<void> {
    const fresh = chunks.filter((c) => !this.byId.has(c.id));
    if (fresh.length === 0) return;
    const vectors = await this.embedder.embed(fresh.map(embeddedText));
    for (const c of fresh) {
      this.bm25.add(c.id, documentTerms(indexedText(c)));
      this.byId.set(c.id, c);
      this.live.add(c.id);
    }
    countBigrams(fresh, this.bigrams);
    const dense = this.vectors;
    if (dense.kind === 'exact') {
      for (const [i, c] of fresh.entries()) {
        dense.vectors.add(vectors[i] ?? []);
        dense.ids.push(c.id);
      }
    } else {
      if (dense.store) await dense.store.addVectors(vectors, fresh.map(docFor));
      else dense.store = await newGraphStore(this.embedder, vectors, fresh);
    }
    this.spellingIndex = null;
  }

  /** Removed chunks stay in the postings and the vectors but are never returned again. */
  async remove(ids: string[]): Promise<void> {
    for (const id of ids) {
      this.byId.delete(id);
      this.live.delete(id);
    }
  }

  static async open(dir: string, embedder: Embedder): Promise<FileIndex> {
    const { manifest, chunks, readings } = await readIndexText(dir);
    if (manifest.embedder.id !== embedder.id) {
      throw new IndexError(
        `The index in ${dir} was built with embeddings "${manifest.embedder.id}", but "${embedder.id}" is configured. ${REBUILD_HINT}`,
      );
    }
    const bm25 = new Bm25Index();
    for (const c of chunks) bm25.add(c.id, documentTerms(indexedText(c)));
    bm25.compact();
    let vectors: DenseSearch;
    if (embedder.exactSearch) {
      try {
        vectors = { kind: 'exact', vectors: await readExactVectors(dir, chunks.length, embedder.dims), ids: chunks.map((c) => c.id) };
      } catch (e) {
        throw new IndexError(`The vectors in ${dir}/vectors.f32 cannot be read (${(e as Error).message}). ${REBUILD_HINT}`);
      }
    } else {
      vectors = { kind: 'hnsw', store: null };
      if (chunks.length > 0) {
        let hnsw: HNSWLib;
        try {
          hnsw = await HNSWLib.load(join(dir, 'hnsw'), langchainEmbeddings(embedder));
        } catch (e) {
          throw new IndexError(`The vector index in ${dir}/hnsw cannot be loaded (${(e as Error).message}). ${REBUILD_HINT}`);
        }
        if (hnsw.index.getCurrentCount() !== chunks.length) {
          throw new IndexError(`The vector index in ${dir}/hnsw does not match the chunks. ${REBUILD_HINT}`);
        }
        hnsw.index.setEf(HNSW_EF);
        vectors.store = hnsw;
      }
    }
    return new FileIndex(manifest.version, embedder, new Map(chunks.map((c) => [c.id, c])), bm25, vectors, readings, await readBigramCounts(dir, chunks.length));
  }

  async lexical(query: WeightedTerm[], k: number): Promise<LexicalResult> {
    let known = 0;
    let total = 0;
    const df: Record<string, number> = {};
    for (const q of query) {
      total += q.weight;
      df[q.term] = this.bm25.df(q.term);
      if ((df[q.term] ?? 0) > 0) known += q.weight;
    }
    return {
      hits: this.bm25.search(query, k),
      upperBound: this.bm25.upperBound(query),
      knownShare: total > 0 ? known / total : 0,
      df,
      docCount: this.bm25.size,
    };
  }

  private spellingIndex: SpellingIndex | null = null;

  async corrections(text: string): Promise<string[]> {
    this.spellingIndex ??= new SpellingIndex(
      [...this.bm25.terms()].filter((t) => t.startsWith(BIGRAM_PREFIX)).map((t) => [t.slice(BIGRAM_PREFIX.length), this.bm25.df(t)] as [string, number]),
      this.readings,
    );
    return this.spellingIndex.corrections(text);
  }

  async dense(vector: number[], k: number): Promise<ScoredId[]> {
    if (this.size === 0) return [];
    const dense = this.vectors;
    if (dense.kind === 'exact') {
      return dense.vectors.search(vector, Math.min(k, this.size)).map((n) => ({ id: dense.ids[n.index] ?? '', score: n.score }));
    }
    if (!dense.store) return [];
    const results = await dense.store.similaritySearchVectorWithScore(vector, Math.min(k, this.size));
    return results.map(([doc, distance]) => ({ id: String(doc.metadata.id), score: 1 - distance }));
  }

  /** The HNSW graph's search breadth (ef), or null without a graph. */
  get hnswEf(): number | null {
    return this.vectors.kind === 'hnsw' && this.vectors.store ? this.vectors.store.index.getEf() : null;
  }

  /** How dense search runs: exact over the stored vectors, or through the HNSW graph. */
  get denseMethod(): 'exact' | 'hnsw' {
    return this.vectors.kind;
  }

  async chunks(ids: string[]): Promise<Map<string, Chunk>> {
    const out = new Map<string, Chunk>();
    for (const id of ids) {
      const c = this.byId.get(id);
      if (c) out.set(id, c);
    }
    return out;
  }
}
