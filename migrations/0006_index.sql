-- The document index on Workers (D1 beside Vectorize): chunks, BM25 postings over the same terms
-- as on Node, statistics, and the reading table. Unused by the Node index, which keeps files.

CREATE TABLE IF NOT EXISTS index_chunks (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  section TEXT NOT NULL,
  page INTEGER,
  text TEXT NOT NULL,
  effective_from TEXT,
  effective_to TEXT,
  ordinal INTEGER NOT NULL,
  flags TEXT,
  length INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS index_chunks_by_source ON index_chunks (source);

CREATE TABLE IF NOT EXISTS index_postings (
  term TEXT NOT NULL,
  chunk_id TEXT NOT NULL REFERENCES index_chunks (id) ON DELETE CASCADE,
  tf INTEGER NOT NULL,
  PRIMARY KEY (term, chunk_id)
);
CREATE INDEX IF NOT EXISTS index_postings_by_chunk ON index_postings (chunk_id);

CREATE TABLE IF NOT EXISTS index_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS index_readings (
  reading TEXT PRIMARY KEY,
  surfaces TEXT NOT NULL
);
