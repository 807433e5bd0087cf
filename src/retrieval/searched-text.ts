// What of a chunk is searched: its title, its section (twice, for lexical search) and its text. A
// section inferred from the form of lines in text without markup is cited but not searched
// (INFERRED_SECTION). One place for the Node and the Worker index.
import { type Chunk, INFERRED_SECTION } from '../ingest/types.ts';

/** The section as search sees it: '' for an inferred one. */
export function searchedSection(chunk: Pick<Chunk, 'section' | 'flags'>): string {
  return chunk.flags?.includes(INFERRED_SECTION) ? '' : chunk.section;
}

/** The text of a chunk for lexical search. */
export function indexedText(chunk: Chunk): string {
  const section = searchedSection(chunk);
  return `${chunk.title}\n${section}\n${section}\n${chunk.text}`;
}

/** The text of a chunk for embeddings. */
export function embeddedText(chunk: Chunk): string {
  return `${chunk.title}\n${searchedSection(chunk)}\n${chunk.text}`;
}
