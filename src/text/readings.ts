// Reading-aware search: a hurried traveler types 「りょうしゅうしょ」「決さい」「けいろけんさく」 where the
// manuals print 領収書, 決裁, 経路検索. At ingestion a table from readings (hiragana) to the
// corpus's own words is built with a dictionary (see ingest/readings.ts); here questions are
// matched against it. Platform neutral: the table is plain data.

/** Hiragana reading → surface forms in the corpus, most frequent first. */
export type ReadingTable = Record<string, string[]>;

const HIRAGANA_RUN = /\p{Script=Hiragana}[\p{Script=Hiragana}ー]+/gu;
const MIXED = /(\p{Script=Han}+)(\p{Script=Hiragana}[\p{Script=Hiragana}ー]+)/gu;
const MIN_READING = 3;
const MAX_READING = 14;

/** Katakana → hiragana (readings are stored in hiragana). */
export function toHiragana(s: string): string {
  return s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Corpus words that the kana (or kanji-with-kana) spellings of a prepared question stand for. */
export function expandByReadings(prepared: string, table: ReadingTable): string[] {
  const out = new Set<string>();
  // Whole words typed in hiragana: greedy longest matches inside each run.
  for (const m of prepared.matchAll(HIRAGANA_RUN)) {
    const run = m[0];
    let i = 0;
    while (i < run.length) {
      let matched = 0;
      for (let len = Math.min(MAX_READING, run.length - i); len >= MIN_READING; len--) {
        const surfaces = table[run.slice(i, i + len)];
        if (surfaces) {
          surfaces.slice(0, 2).forEach((s) => out.add(s));
          matched = len;
          break;
        }
      }
      i += matched || 1;
    }
  }
  // Kanji followed by kana that stand for the rest of a word: 決さい → 決裁, 旅行めいれい → 旅行命令.
  // A surface that starts with the kanji typed and whose reading ends with the kana typed.
  const byFirst = entriesByFirst(table);
  for (const m of prepared.matchAll(MIXED)) {
    const [, kanji = '', kana = ''] = m;
    // Only surfaces starting with the kanji typed can match: those sharing its first character.
    const candidates = (byFirst.get(kanji[0] ?? '') ?? []).filter((e) => e.surface.length > kanji.length && e.surface.startsWith(kanji));
    for (let len = Math.min(8, kana.length); len >= 2; len--) {
      const tail = kana.slice(0, len);
      const found = candidates.filter((e) => e.reading.endsWith(tail));
      if (found.length > 0) {
        found.slice(0, 2).forEach((e) => out.add(e.surface));
        break;
      }
    }
  }
  return [...out];
}

interface Entry {
  reading: string;
  surface: string;
}

const entryCache = new WeakMap<ReadingTable, Map<string, Entry[]>>();

/**
 * The table's (reading, surface) pairs whose surface ends in a kanji, grouped by the surface's
 * first character, in table order. Built once per table: scanning every pair for every
 * kanji-with-kana spelling of every question was a tenth of the time of a question.
 */
function entriesByFirst(table: ReadingTable): Map<string, Entry[]> {
  let byFirst = entryCache.get(table);
  if (!byFirst) {
    byFirst = new Map();
    for (const [reading, surfaces] of Object.entries(table)) {
      for (const surface of surfaces) {
        if (!/\p{Script=Han}$/u.test(surface)) continue;
        const first = surface[0] ?? '';
        let list = byFirst.get(first);
        if (!list) byFirst.set(first, (list = []));
        list.push({ reading, surface });
      }
    }
    entryCache.set(table, byFirst);
  }
  return byFirst;
}
