// The incremental dictionary search installed on kuromoji's trie tokenizes exactly as the
// original does: the same tokens for every line of the sample corpus and the golden questions.
import kuromoji from 'kuromoji';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { speedUpPrefixSearch } from '../../src/ingest/kuromoji-prefix-search.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dicPath = join(dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');

interface Tokenizer {
  tokenize(text: string): unknown[];
}

function tokenizer(): Promise<Tokenizer> {
  return new Promise((ok, fail) => kuromoji.builder({ dicPath }).build((e: Error | null, t: Tokenizer) => (e ? fail(e) : ok(t))));
}

function outcome(t: Tokenizer, text: string): string {
  try {
    return JSON.stringify(t.tokenize(text));
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

describe('kuromoji incremental prefix search', () => {
  it('gives the same tokens as the original search', async () => {
    const [original, fast] = await Promise.all([tokenizer(), tokenizer()]);
    expect(speedUpPrefixSearch(fast)).toBe(true);
    const corpus = readdirSync(join(root, 'corpus'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(md|txt|html)$/.test(e.name))
      .flatMap((e) => readFileSync(join(e.parentPath, e.name), 'utf8').split('\n'));
    const questions = readFileSync(join(root, 'test/golden/answerable.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { q: string }).q);
    const odd = ['𠮷野家で食べた', '\ud800abc', 'a\u0000b', 'ｶﾀｶﾅとﾊﾝｶｸ', 'emoji 😀 テスト', ''];
    const texts = [...corpus, ...questions, ...odd];
    expect(texts.length).toBeGreaterThan(1_000);
    const differing = texts.filter((t) => outcome(original, t) !== outcome(fast, t));
    expect(differing).toEqual([]);
  }, 60_000);

  it('leaves a tokenizer of another shape alone', () => {
    expect(speedUpPrefixSearch({})).toBe(false);
    expect(speedUpPrefixSearch({ viterbi_builder: { trie: { commonPrefixSearch: () => [] } } })).toBe(false);
  });
});
