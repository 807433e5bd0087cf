// The document index on Workers: Vectorize for the dense part (ids are the chunks' content hashes,
// metadata kept flat), D1 for the chunks, BM25 postings (the same terms and formula as on Node) and
// the reading table. Chunks added at run time (approved FAQ entries) go to both.
import { embeddedText, indexedText } from '../searched-text.ts';
import type { Chunk } from '../../ingest/types.ts';
import type { SqlDb } from '../../store/sql.ts';
import type { ReadingTable } from '../../text/readings.ts';
import { SpellingIndex } from '../../text/spelling.ts';
import { BIGRAM_PREFIX, documentTerms } from '../../text/tokenize.ts';
import { DEFAULT_BM25, bm25Idf, bm25Term, bm25UpperBound, type ScoredId, type WeightedTerm } from '../bm25.ts';
import type { Embedder } from '../embeddings/embedder.ts';
import type { DocumentIndex, LexicalResult } from '../types.ts';
import { type WordingStats, chunkBigrams } from '../wording.ts';

/** The part of the Vectorize binding this index uses. */
export interface VectorizeLike {
  query(vector: number[], options: { topK: number; returnMetadata?: 'none' | 'indexed' | 'all'; returnValues?: boolean }): Promise<{ matches: Array<{ id: string; score: number }> }>;
  upsert(vectors: Array<{ id: string; values: number[]; metadata?: Record<string, string | number | boolean> }>): Promise<unknown>;
  deleteByIds(ids: string[]): Promise<unknown>;
}

interface ChunkRow {
  id: string;
  source: string;
  title: string;
  kind: Chunk['kind'];
  section: string;
  page: number | null;
  text: string;
  effective_from: string | null;
  effective_to: string | null;
  ordinal: number;
  flags: string | null;
}

const toChunk = (r: ChunkRow): Chunk => ({
  id: r.id, source: r.source, title: r.title, kind: r.kind, section: r.section, page: r.page, text: r.text,
  effectiveFrom: r.effective_from, effectiveTo: r.effective_to, ordinal: r.ordinal, ...(r.flags ? { flags: JSON.parse(r.flags) as string[] } : {}),
});

/** D1 allows at most 100 bound parameters per statement. */
const PARAM_LIMIT = 90;
const chunked = <T>(xs: T[], n = PARAM_LIMIT): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

/**
 * Statements that store a chunk, its postings and (unless an export counts them for all chunks at
 * once, bigramStatements) its bigrams' chunk counts (wording.ts). The counts are raised in the
 * same batch, before the chunk is written and only if it is not stored yet: two isolates adding
 * the same chunk at once count it once.
 */
export function chunkStatements(c: Chunk, options: { countBigrams?: boolean } = {}) {
  const terms = documentTerms(indexedText(c));
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  const bigrams = chunkBigrams(c);
  return [
    ...(options.countBigrams === false
      ? []
      : [{
          sql: 'INSERT INTO index_bigram_df (term, df) SELECT value, 1 FROM json_each(?) WHERE NOT EXISTS (SELECT 1 FROM index_chunks WHERE id = ?) ON CONFLICT (term) DO UPDATE SET df = df + 1',
          params: [JSON.stringify(bigrams.terms), c.id],
        }]),
    {
      sql: 'INSERT OR REPLACE INTO index_chunks (id, source, title, kind, section, page, text, effective_from, effective_to, ordinal, flags, length, bigram_length) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      params: [c.id, c.source, c.title, c.kind, c.section, c.page, c.text, c.effectiveFrom, c.effectiveTo, c.ordinal, c.flags ? JSON.stringify(c.flags) : null, terms.length, bigrams.length],
    },
    ...[...tf].map(([term, n]) => ({ sql: 'INSERT OR REPLACE INTO index_postings (term, chunk_id, tf) VALUES (?, ?, ?)', params: [term, c.id, n] })),
  ];
}

/** The bigram chunk counts of a whole corpus, one statement per bigram (for an export that replaces the index). */
export function bigramStatements(chunks: Chunk[]) {
  const df = new Map<string, number>();
  for (const c of chunks) for (const t of chunkBigrams(c).terms) df.set(t, (df.get(t) ?? 0) + 1);
  return [...df].map(([term, n]) => ({ sql: 'INSERT OR REPLACE INTO index_bigram_df (term, df) VALUES (?, ?)', params: [term, n] }));
}

/** The statement that takes a stored chunk's bigrams out of the counts, once, before it is deleted in the same batch. */
function bigramRemoval(c: Chunk) {
  return {
    sql: 'UPDATE index_bigram_df SET df = df - 1 WHERE term IN (SELECT value FROM json_each(?)) AND EXISTS (SELECT 1 FROM index_chunks WHERE id = ?)',
    params: [JSON.stringify(chunkBigrams(c).terms), c.id],
  };
}

export class D1VectorizeIndex implements DocumentIndex {
  readonly embedder: Embedder;
  readings: ReadingTable = {};
  private readonly db: SqlDb;
  private readonly vectors: VectorizeLike;
  private stats = { docCount: 0, totalLength: 0, bigramLength: 0, version: '' };
  /** Built from the corpus's bigrams on first use; dropped when this isolate changes the index. */
  private spelling: SpellingIndex | null = null;
  /** Counts this isolate's changes, so that a spelling index read before one is not kept. */
  private changes = 0;

  private constructor(db: SqlDb, vectors: VectorizeLike, embedder: Embedder) {
    this.db = db;
    this.vectors = vectors;
    this.embedder = embedder;
  }

  /** Opens the index: statistics and the reading table are read once per isolate. */
  static async open(db: SqlDb, vectors: VectorizeLike, embedder: Embedder): Promise<D1VectorizeIndex> {
    const index = new D1VectorizeIndex(db, vectors, embedder);
    const builtWith = await index.refresh();
    if (builtWith && builtWith !== embedder.id) {
      throw new Error(
        `The D1/Vectorize index was built with embeddings "${builtWith}", but "${embedder.id}" is configured (WORKERS_AI_EMBEDDINGS_MODEL). ` +
          'Unset WORKERS_AI_EMBEDDINGS_MODEL, or rebuild the index with the same embeddings and upload it again (npm run ingest -- --target cloudflare).',
      );
    }
    const rows = await db.all<{ reading: string; surfaces: string }>('SELECT reading, surfaces FROM index_readings');
    index.readings = Object.fromEntries(rows.map((r) => [r.reading, JSON.parse(r.surfaces) as string[]]));
    return index;
  }

  /** Re-reads the statistics and version in one query; returns the embedder id the index was built with. */
  private async refresh(): Promise<string | null> {
    const s = await this.db.first<{ n: number; total: number; bigrams: number; version: string | null; embedder: string | null }>(
      `SELECT (SELECT count(*) FROM index_chunks) AS n, (SELECT coalesce(sum(length), 0) FROM index_chunks) AS total,
              (SELECT coalesce(sum(bigram_length), 0) FROM index_chunks) AS bigrams,
              (SELECT value FROM index_meta WHERE key = 'version') AS version, (SELECT value FROM index_meta WHERE key = 'embedder') AS embedder`,
    );
    this.stats = { docCount: s?.n ?? 0, totalLength: s?.total ?? 0, bigramLength: s?.bigrams ?? 0, version: s?.version ?? '' };
    return s?.embedder ?? null;
  }

  get version(): string {
    return this.stats.version;
  }

  get size(): number {
    return this.stats.docCount;
  }

  async lexical(query: WeightedTerm[], k: number): Promise<LexicalResult> {
    const n = Math.max(1, this.stats.docCount);
    const avg = this.stats.totalLength / n;
    const terms = [...new Set(query.map((q) => q.term))];
    const rows: Array<{ term: string; chunk_id: string; tf: number; length: number }> = [];
    for (const part of chunked(terms)) {
      rows.push(...(await this.db.all<{ term: string; chunk_id: string; tf: number; length: number }>(
        `SELECT p.term, p.chunk_id, p.tf, c.length FROM index_postings p JOIN index_chunks c ON c.id = p.chunk_id WHERE p.term IN (${part.map(() => '?').join(', ')})`,
        part,
      )));
    }
    const df: Record<string, number> = Object.fromEntries(terms.map((t) => [t, 0]));
    for (const r of rows) df[r.term] = (df[r.term] ?? 0) + 1;
    const weight = new Map(query.map((q) => [q.term, q.weight]));
    const scores = new Map<string, number>();
    for (const r of rows) {
      const s = (weight.get(r.term) ?? 0) * bm25Term(bm25Idf(n, df[r.term] ?? 0), r.tf, r.length, avg, DEFAULT_BM25);
      scores.set(r.chunk_id, (scores.get(r.chunk_id) ?? 0) + s);
    }
    let known = 0;
    let total = 0;
    for (const q of query) {
      total += q.weight;
      if ((df[q.term] ?? 0) > 0) known += q.weight;
    }
    return {
      hits: [...scores].sort((a, b) => b[1] - a[1]).slice(0, k).map(([id, score]) => ({ id, score })),
      upperBound: bm25UpperBound(query, (t) => bm25Idf(n, df[t] ?? 0), DEFAULT_BM25),
      knownShare: total > 0 ? known / total : 0,
      df,
      docCount: n,
    };
  }

  async wordingStats(terms: string[]): Promise<WordingStats> {
    const df: Record<string, number> = Object.fromEntries(terms.map((t) => [t, 0]));
    for (const part of chunked([...new Set(terms)])) {
      const rows = await this.db.all<{ term: string; df: number }>(`SELECT term, df FROM index_bigram_df WHERE term IN (${part.map(() => '?').join(', ')})`, part);
      for (const r of rows) df[r.term] = Math.max(0, r.df);
    }
    const n = this.stats.docCount;
    return { df, docCount: n, avgLength: n > 0 ? this.stats.bigramLength / n : 0 };
  }

  async dense(vector: number[], k: number): Promise<ScoredId[]> {
    // Without metadata or values, Vectorize returns up to 100 matches.
    const r = await this.vectors.query(vector, { topK: Math.min(k, 100), returnMetadata: 'none', returnValues: false });
    return r.matches.map((m) => ({ id: m.id, score: m.score }));
  }

  async chunks(ids: string[]): Promise<Map<string, Chunk>> {
    const out = new Map<string, Chunk>();
    for (const part of chunked(ids)) {
      const rows = await this.db.all<ChunkRow>(`SELECT * FROM index_chunks WHERE id IN (${part.map(() => '?').join(', ')})`, part);
      for (const r of rows) out.set(r.id, toChunk(r));
    }
    return out;
  }

  async chunksOf(source: string): Promise<Chunk[]> {
    return (await this.db.all<ChunkRow>('SELECT * FROM index_chunks WHERE source = ? ORDER BY ordinal', [source])).map(toChunk);
  }

  async corrections(text: string): Promise<string[]> {
    let spelling = this.spelling;
    if (!spelling) {
      const changes = this.changes;
      const rows = await this.db.all<{ term: string; n: number }>(`SELECT term, count(*) AS n FROM index_postings WHERE term LIKE ? GROUP BY term`, [`${BIGRAM_PREFIX}__`]);
      spelling = new SpellingIndex(rows.map((r) => [r.term.slice(BIGRAM_PREFIX.length), r.n] as [string, number]), this.readings);
      if (changes === this.changes) this.spelling = spelling;
    }
    return spelling.corrections(text);
  }

  async upsert(chunks: Chunk[]): Promise<void> {
    if (chunks.length === 0) return;
    const values = await this.embedder.embed(chunks.map(embeddedText));
    await this.vectors.upsert(chunks.map((c, i) => ({ id: c.id, values: values[i] ?? [], metadata: { source: c.source, kind: c.kind } })));
    // A chunk id names its content (a hash, or an FAQ entry's id and version): one already stored is the same chunk.
    await this.db.batch(chunks.flatMap((c) => chunkStatements(c)));
    await this.changed();
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.vectors.deleteByIds(ids);
    for (const part of chunked(ids)) {
      const marks = part.map(() => '?').join(', ');
      const stored = [...(await this.chunks(part)).values()];
      await this.db.batch([
        ...stored.map(bigramRemoval),
        { sql: `DELETE FROM index_postings WHERE chunk_id IN (${marks})`, params: part },
        { sql: `DELETE FROM index_chunks WHERE id IN (${marks})`, params: part },
      ]);
    }
    await this.changed();
  }

  /** After this isolate changed the index: new statistics, and a new spelling index (an approved FAQ entry's words must not read as typos). */
  private async changed(): Promise<void> {
    this.changes++;
    this.spelling = null;
    await this.refresh();
  }
}
