// kuromoji builds its lattice by looking up, at every position of a clause, the dictionary words
// that start there (doublearray's commonPrefixSearch). That search first encodes the whole rest of
// the clause to UTF-8 in a new buffer, then walks the trie byte by byte and usually stops after a
// few characters: quadratic in the clause's length, and about half the time of building the
// reading table. The search below walks the same trie the same way but encodes one character at a
// time, stopping where the trie does. It is installed on one tokenizer's trie only after it
// returned the same results as the original on sample text; otherwise the original stays.

interface Match {
  v?: number;
  k: string;
}

interface Trie {
  bc: { getBase(i: number): number; getCheck(i: number): number };
  commonPrefixSearch(key: string): Match[];
}

const ROOT_ID = 0;
const TERM_CODE = 0;

/** The UTF-8 bytes of one code point into `out`; returns how many. */
function utf8(cp: number, out: number[]): number {
  if (cp < 0x80) {
    out[0] = cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (cp >>> 6) | 0xc0;
    out[1] = (cp & 0x3f) | 0x80;
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (cp >>> 12) | 0xe0;
    out[1] = ((cp >> 6) & 0x3f) | 0x80;
    out[2] = (cp & 0x3f) | 0x80;
    return 3;
  }
  out[0] = (cp >>> 18) | 0xf0;
  out[1] = ((cp >> 12) & 0x3f) | 0x80;
  out[2] = ((cp >> 6) & 0x3f) | 0x80;
  out[3] = (cp & 0x3f) | 0x80;
  return 4;
}

function incrementalSearch(trie: Trie, original: (key: string) => Match[]): (key: string) => Match[] {
  const bytes: number[] = [0, 0, 0, 0];
  return (key: string): Match[] => {
    const { bc } = trie;
    const result: Match[] = [];
    let parent = ROOT_ID;
    for (let i = 0; i < key.length; ) {
      let cp = key.charCodeAt(i);
      let next = i + 1;
      if (cp >= 0xd800 && cp <= 0xdbff) {
        const low = key.charCodeAt(i + 1);
        // A malformed pair: the original's own behaviour, whatever it is.
        if (!(low >= 0xdc00 && low <= 0xdfff)) return original(key);
        cp = (cp - 0xd800) * 0x400 + 0x10000 + (low - 0xdc00);
        next = i + 2;
      }
      const n = utf8(cp, bytes);
      for (let b = 0; b < n; b++) {
        const child = bc.getBase(parent) + bytes[b]!;
        if (bc.getCheck(child) !== parent) return result;
        parent = child;
        const leaf = bc.getBase(child) + TERM_CODE;
        if (bc.getCheck(leaf) !== child) continue;
        // A word ending inside a character: left to the original.
        if (b !== n - 1) return original(key);
        const base = bc.getBase(leaf);
        const r: Match = base <= 0 ? { v: -base - 1, k: key.slice(0, next) } : { k: key.slice(0, next) };
        result.push(r);
      }
      i = next;
    }
    return result;
  };
}

const SAMPLE = '旅行命令を作成し、領収書を添付して決裁を受けます。ＳＥＡＢＩＳのログイン画面でパスワード(8文字以上)を入力。𠮷野家・ｶﾀｶﾅ・E5003・2025年4月1日以降・é';

/**
 * Installs the incremental search on a kuromoji tokenizer's trie when the tokenizer has the
 * expected shape and the search agrees with the original on every suffix of a sample text.
 * Returns whether it was installed.
 */
export function speedUpPrefixSearch(tokenizer: unknown): boolean {
  const trie = (tokenizer as { viterbi_builder?: { trie?: Trie } }).viterbi_builder?.trie;
  if (!trie || typeof trie.commonPrefixSearch !== 'function' || typeof trie.bc?.getBase !== 'function' || typeof trie.bc?.getCheck !== 'function') return false;
  const original = trie.commonPrefixSearch.bind(trie);
  const fast = incrementalSearch(trie, original);
  for (let i = 0; i < SAMPLE.length; i++) {
    const tail = SAMPLE.slice(i);
    if (JSON.stringify(fast(tail)) !== JSON.stringify(original(tail))) return false;
  }
  trie.commonPrefixSearch = fast;
  return true;
}
