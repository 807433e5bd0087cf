-- The wording signal of retrieval (src/retrieval/wording.ts) on Workers: how many chunks hold
-- each character bigram, and each chunk's bigram count. Unused by the Node index, which counts
-- them when it opens its files. An index uploaded before this migration has no counts (the
-- signal is then left out) until it is uploaded again: npm run ingest -- --target cloudflare.

CREATE TABLE IF NOT EXISTS index_bigram_df (
  term TEXT PRIMARY KEY,
  df INTEGER NOT NULL
);

ALTER TABLE index_chunks ADD COLUMN bigram_length INTEGER NOT NULL DEFAULT 0;
