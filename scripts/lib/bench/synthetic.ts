// A synthetic corpus for the scale benchmark: Markdown documents whose sections recombine the
// sample corpus's own sentences (seeded, so every run builds the same corpus), about one chunk
// per section.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function sentencesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md')) {
        const body = readFileSync(p, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
        for (const line of body.split('\n')) {
          if (/^\s*(#|\||-{3,}|```)/.test(line)) continue;
          for (const s of line.replace(/^\s*([-*]|\d+\.)\s+/, '').split(/(?<=。)/)) if (s.trim().length >= 12) out.push(s.trim());
        }
      }
    }
  };
  walk(dir);
  return [...new Set(out)];
}

/** Mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `sections` sections into documents of 100 sections each; returns the number of files. */
export function writeSyntheticCorpus(corpusDir: string, outDir: string, sections: number, seed = 1): number {
  const sentences = sentencesOf(corpusDir);
  const words = [...new Set(sentences.flatMap((s) => s.match(/[\p{Script=Han}\p{Script=Katakana}ー]{2,6}/gu) ?? []))];
  const rand = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  mkdirSync(outDir, { recursive: true });
  let files = 0;
  for (let start = 0; start < sections; start += 100) {
    const doc = start / 100 + 1;
    const lines = [`# 合成資料 第${doc}号 ${pick(words)}と${pick(words)}`, ''];
    for (let s = start; s < Math.min(sections, start + 100); s++) {
      lines.push(`## ${doc}.${s - start + 1} ${pick(words)}の${pick(words)}`, '');
      let text = '';
      while (text.length < 220) text += pick(sentences);
      lines.push(text, '');
    }
    writeFileSync(join(outDir, `synthetic-${String(doc).padStart(5, '0')}.md`), lines.join('\n'));
    files++;
  }
  return files;
}
