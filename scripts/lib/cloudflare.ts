// Prepares an index built on Node for Cloudflare: the D1 statements (chunks, BM25 postings,
// bigram chunk counts, statistics, reading table) and the Vectorize vectors (NDJSON, ids = chunk content hashes, flat
// metadata). Idempotent: the SQL replaces the index tables' contents; vectors are upserted by id.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContents } from '../../src/retrieval/node/file-index.ts';
import { chunkStatements, bigramStatements } from '../../src/retrieval/workers/d1-vectorize-index.ts';
import type { SqlStatement } from '../../src/store/sql.ts';

export interface CloudflareExport {
  statements: SqlStatement[];
  vectors: Array<{ id: string; values: number[]; metadata: Record<string, string> }>;
  dims: number;
  embedder: string;
}

export async function cloudflareExport(indexDir: string): Promise<CloudflareExport> {
  const { manifest, chunks, vectors, readings } = await readContents(indexDir);
  const statements: SqlStatement[] = [
    { sql: 'DELETE FROM index_postings' },
    { sql: 'DELETE FROM index_bigram_df' },
    { sql: 'DELETE FROM index_chunks' },
    { sql: 'DELETE FROM index_readings' },
    ...chunks.flatMap((c) => chunkStatements(c, { countBigrams: false })),
    ...bigramStatements(chunks),
    ...Object.entries(readings).map(([reading, surfaces]) => ({ sql: 'INSERT OR REPLACE INTO index_readings (reading, surfaces) VALUES (?, ?)', params: [reading, JSON.stringify(surfaces)] })),
    { sql: "INSERT OR REPLACE INTO index_meta (key, value) VALUES ('version', ?)", params: [manifest.version] },
    { sql: "INSERT OR REPLACE INTO index_meta (key, value) VALUES ('embedder', ?)", params: [manifest.embedder.id] },
  ];
  return {
    statements,
    vectors: chunks.map((c, i) => ({ id: c.id, values: vectors[i] ?? [], metadata: { source: c.source, kind: c.kind } })),
    dims: manifest.embedder.dims,
    embedder: manifest.embedder.id,
  };
}

const literal = (v: unknown) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

/** Writes d1-index.sql and vectors.ndjson for `wrangler d1 execute` and `wrangler vectorize upsert`. */
export async function writeCloudflareFiles(indexDir: string, outDir: string): Promise<{ sql: string; ndjson: string; chunks: number; dims: number }> {
  const e = await cloudflareExport(indexDir);
  mkdirSync(outDir, { recursive: true });
  const sql = join(outDir, 'd1-index.sql');
  const ndjson = join(outDir, 'vectors.ndjson');
  const render = (s: SqlStatement) => {
    let i = 0;
    return `${s.sql.replace(/\?/g, () => literal(s.params?.[i++]))};`;
  };
  writeFileSync(sql, e.statements.map(render).join('\n') + '\n');
  writeFileSync(ndjson, e.vectors.map((v) => JSON.stringify(v)).join('\n') + '\n');
  return { sql, ndjson, chunks: e.vectors.length, dims: e.dims };
}
