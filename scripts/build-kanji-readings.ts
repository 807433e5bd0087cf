// npm run build:kanji-readings
// Writes src/text/kanji-readings.json: kanji → its common readings in hiragana, most frequent
// first, taken from kuromoji's IPADIC (inside the npm package, no download). The query-time
// homophone check (src/text/homophones.ts) joins these to read a typed word such as 天付 without a
// dictionary, which the Workers build cannot load. The generated file is committed; rerun this
// only when the rules below change.
//
// IPADIC lists a kanji alone for only some of its readings (添 and 警 not at all), so readings also
// come from its words: the stem of a kanji with okurigana (添える → そ) and, over two rounds, the
// part of a two-kanji noun's reading left when the other kanji's known reading is taken off
// (添付 てんぷ − 付 ふ → 添 てん). A reading learnt from words needs several of them to agree.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTokenizer } from '../src/ingest/readings.ts';
import { devoice } from '../src/text/homophones.ts';
import { toHiragana } from '../src/text/readings.ts';

const OUT = join(import.meta.dirname, '..', 'src', 'text', 'kanji-readings.json');
/** Words that must agree on a reading learnt from compounds or okurigana. */
const MIN_VOTES = 3;
/** Readings kept per kanji. */
const MAX_READINGS = 6;
/** Longest reading learnt from a compound (on-readings are at most three kana: しょう). */
const MAX_LEARNT = 3;
const KANJI = /^\p{Script=Han}$/u;
const HIRAGANA = /^[\p{Script=Hiragana}ー]+$/u;

interface Entry {
  surface: string;
  pos: string;
  reading: string;
}

interface DictionaryInternals {
  token_info_dictionary: { dictionary: { buffer: Uint8Array }; getFeatures(id: string): string };
}

/** Every (surface, part of speech, reading) of IPADIC, read from kuromoji's token dictionary. */
async function entries(): Promise<Entry[]> {
  const t = (await getTokenizer()) as unknown as DictionaryInternals;
  const d = t.token_info_dictionary;
  const out: Entry[] = [];
  // Token records are 10 bytes (left id, right id, cost, feature offset); the buffer is padded.
  for (let id = 0; id + 10 <= d.dictionary.buffer.length; id += 10) {
    const f = d.getFeatures(String(id)).split(',');
    // surface, pos, pos detail 1–3, conjugation type and form, base form, reading, pronunciation
    if (f.length < 10 || !f[0] || !f[8] || f[8] === '*') continue;
    // Proper nouns read a kanji as a name (明 アキラ): not what a traveler types.
    if (f[2] === '固有名詞') continue;
    const reading = toHiragana(f[8]);
    if (!HIRAGANA.test(reading)) continue;
    out.push({ surface: f[0], pos: f[1] ?? '', reading });
  }
  return out;
}

class Votes {
  /** Kanji → devoiced reading → (written reading → count). */
  private readonly m = new Map<string, Map<string, Map<string, number>>>();
  add(kanji: string, reading: string, n = 1): void {
    const byKey = this.m.get(kanji) ?? this.m.set(kanji, new Map()).get(kanji)!;
    const key = devoice(reading);
    const forms = byKey.get(key) ?? byKey.set(key, new Map()).get(key)!;
    forms.set(reading, (forms.get(reading) ?? 0) + n);
  }
  /** Readings with at least `min` votes, each in its most frequent written form, most votes first. */
  readings(kanji: string, min: number): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    for (const forms of this.m.get(kanji)?.values() ?? []) {
      const total = [...forms.values()].reduce((a, b) => a + b, 0);
      if (total < min) continue;
      const best = [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      out.push([best, total]);
    }
    return out.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }
  kanji(): string[] {
    return [...this.m.keys()];
  }
}

const SOKUON_END = /[つくちき]$/u;

const all = await entries();
const seeds = new Votes();
const stems = new Votes();
const compounds: Entry[] = [];
for (const e of all) {
  const chars = [...e.surface];
  if (chars.length === 1 && KANJI.test(e.surface)) {
    seeds.add(e.surface, e.reading);
  } else if (chars.length >= 2 && KANJI.test(chars[0]!) && HIRAGANA.test(chars.slice(1).join(''))) {
    // 添え (そえ) → 添 そ: the reading without the okurigana.
    const kana = chars.slice(1).join('');
    if (e.reading.endsWith(kana) && e.reading.length > kana.length) stems.add(chars[0]!, e.reading.slice(0, -kana.length));
  } else if (chars.length === 2 && KANJI.test(chars[0]!) && KANJI.test(chars[1]!) && e.pos === '名詞' && e.reading.length <= 8) {
    compounds.push(e);
  }
}

/** Kanji → readings known so far (devoiced, for matching inside compound readings). */
function knownReadings(learnt: Votes | null): Map<string, string[]> {
  const known = new Map<string, string[]>();
  const put = (k: string, r: string) => {
    const list = known.get(k) ?? known.set(k, []).get(k)!;
    if (!list.includes(r)) list.push(r);
  };
  for (const k of seeds.kanji()) for (const [r] of seeds.readings(k, 1)) put(k, devoice(r));
  for (const k of stems.kanji()) for (const [r] of stems.readings(k, MIN_VOTES)) put(k, devoice(r));
  if (learnt) for (const k of learnt.kanji()) for (const [r] of learnt.readings(k, MIN_VOTES)) put(k, devoice(r));
  return known;
}

let learnt: Votes | null = null;
for (let round = 0; round < 2; round++) {
  const known = knownReadings(learnt);
  const votes = new Votes();
  for (const e of compounds) {
    const [x, y] = [...e.surface] as [string, string];
    const r = e.reading;
    const dr = devoice(r);
    // The first kanji's reading known: the rest is the second's (けつ+? → けっせき: 席 せき).
    const seenY = new Set<string>();
    for (const a of known.get(x) ?? []) {
      const forms = SOKUON_END.test(a) ? [a, a.slice(0, -1) + 'っ'] : [a];
      for (const f of forms) {
        if (!dr.startsWith(f)) continue;
        const rest = r.slice(f.length);
        // A sokuon at either end comes from the joining (けっ of 欠席), not from the kanji.
        if (rest.length >= 1 && rest.length <= MAX_LEARNT && !/^[っー]|っ$/u.test(rest)) seenY.add(rest);
      }
    }
    for (const rest of seenY) votes.add(y, rest);
    // The second kanji's reading known: the rest is the first's, unless it ends in a sokuon
    // (けっ could be けつ or けき).
    const seenX = new Set<string>();
    for (const b of known.get(y) ?? []) {
      if (!dr.endsWith(b)) continue;
      const head = r.slice(0, r.length - b.length);
      if (head.length >= 1 && head.length <= MAX_LEARNT && !head.endsWith('っ')) seenX.add(head);
    }
    for (const head of seenX) votes.add(x, head);
  }
  learnt = votes;
}

const table: Record<string, string[]> = {};
const kanji = new Set([...seeds.kanji(), ...stems.kanji(), ...learnt!.kanji()]);
for (const k of [...kanji].sort()) {
  const merged = new Map<string, number>();
  const weigh = (list: Array<[string, number]>, factor: number) => {
    for (const [r, n] of list) {
      // One written form per devoiced reading: the one seen first (seeds, then learnt, then stems).
      const key = devoice(r);
      const existing = [...merged.keys()].find((m) => devoice(m) === key);
      merged.set(existing ?? r, (merged.get(existing ?? r) ?? 0) + n * factor);
    }
  };
  // A reading IPADIC lists for the kanji alone counts as much as many compounds.
  weigh(seeds.readings(k, 1), 10);
  weigh(learnt!.readings(k, MIN_VOTES), 1);
  weigh(stems.readings(k, MIN_VOTES), 1);
  const readings = [...merged].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_READINGS).map(([r]) => r);
  if (readings.length > 0) table[k] = readings;
}

const json = JSON.stringify(table);
writeFileSync(OUT, json + '\n');
process.stdout.write(`${Object.keys(table).length} kanji, ${(Buffer.byteLength(json) / 1024).toFixed(0)} KB → ${OUT}\n`);
