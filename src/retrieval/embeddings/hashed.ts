// Built-in embeddings that need no model file: character 1–3-grams and dictionary words of the
// canonicalized text, hashed into a fixed number of signed dimensions (the "hashing trick"),
// weighted by n-gram length and sub-linear term frequency, L2-normalized. Stateless, so a
// question and a passage embed the same way on any machine and on Workers.
import { prepare, words } from '../../text/tokenize.ts';
import { type Embedder, l2normalize } from './embedder.ts';

const KANJI_OR_KATAKANA = /[\p{Script=Han}\p{Script=Katakana}ー]/u;
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}]+$/u;
const SKIP = /[\s\p{P}\p{S}]/u;

/** FNV-1a, 32 bit. */
function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class HashedNgramEmbedder implements Embedder {
  readonly id: string;
  readonly dims: number;
  /** Few nonzero dimensions per question, no structure for HNSW: searched exactly (retrieval/exact.ts). */
  readonly exactSearch = true;
  constructor(dims = 512) {
    this.dims = dims;
    this.id = `hashed-ngram-v1-${dims}`;
  }

  /** Feature → weight × (1 + log count). */
  features(text: string): Map<string, number> {
    const p = prepare(text);
    const counts = new Map<string, { w: number; n: number }>();
    const add = (key: string, w: number) => {
      const c = counts.get(key);
      if (c) c.n++;
      else counts.set(key, { w, n: 1 });
    };
    const chars = [...p];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i] ?? '';
      if (SKIP.test(c)) continue;
      if (KANJI_OR_KATAKANA.test(c)) add(`1:${c}`, 0.4);
      const bi = c + (chars[i + 1] ?? '');
      if (bi.length === 2 && !SKIP.test(bi[1] ?? '') && !HIRAGANA_ONLY.test(bi)) add(`2:${bi}`, 1);
      const tri = bi + (chars[i + 2] ?? '');
      if (tri.length === 3 && !SKIP.test(tri) && !HIRAGANA_ONLY.test(tri)) add(`3:${tri}`, 1.2);
    }
    for (const w of words(p)) add(`w:${w}`, 1.5);
    const f = new Map<string, number>();
    for (const [key, { w, n }] of counts) f.set(key, w * (1 + Math.log(n)));
    return f;
  }

  embedOne(text: string): number[] {
    const v = new Array<number>(this.dims).fill(0);
    for (const [key, weight] of this.features(text)) {
      const h = fnv1a(key);
      const sign = fnv1a(key, 0x9747b28c) & 1 ? 1 : -1;
      v[h % this.dims]! += sign * weight;
    }
    return l2normalize(v);
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t));
  }
}
