// The parts of `npm run bench` that can run quickly: the synthetic corpus is deterministic and
// yields one chunk per section, and the scale steps report what the benchmark prints. The figures
// themselves are measured by `npm run bench`, not asserted here (they depend on the machine).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../scripts/lib/bench/synthetic.ts';
import { tempDir } from '../helpers/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

describe('bench: synthetic corpus and scale steps', () => {
  it('writes the same corpus for the same seed, 100 sections per document', () => {
    const a = tempDir();
    const b = tempDir();
    expect(writeSyntheticCorpus(join(root, 'corpus'), a, 250)).toBe(3);
    writeSyntheticCorpus(join(root, 'corpus'), b, 250);
    const first = readFileSync(join(a, 'synthetic-00001.md'), 'utf8');
    expect(first).toBe(readFileSync(join(b, 'synthetic-00001.md'), 'utf8'));
    expect(first.match(/^## /gm)).toHaveLength(100);
    expect(readdirSync(a).sort()).toEqual(['synthetic-00001.md', 'synthetic-00002.md', 'synthetic-00003.md']);
  });

  it('builds a synthetic index with one chunk per section, then reports query time, memory and dense and HNSW recall', async () => {
    const work = tempDir();
    const script = join(root, 'scripts/lib/bench/scale.ts');
    const built = JSON.parse((await run(process.execPath, [script, 'build', join(root, 'corpus'), work, '400'], { cwd: root })).stdout) as Record<string, number>;
    expect(built).toMatchObject({ chunks: 400, failed: 0 });
    expect(built.chunksPerSecond).toBeGreaterThan(0);
    const questions = join(work, 'q.json');
    writeFileSync(questions, JSON.stringify(['領収書をなくした', '宿泊手当はいくら', '出張命令の取消し']));
    type VsExact = { queries: number; recallVsExact: number; idRecall: number; msPerQuery: number };
    const q = JSON.parse((await run(process.execPath, [script, 'query', join(work, 'index'), questions], { cwd: root })).stdout) as {
      chunks: number; queryP95Ms: number; rssMiB: number; dense: VsExact & { method: string }; hnsw: VsExact & { usedByProduct: boolean; fromIndex: boolean };
    };
    expect(q.chunks).toBe(400);
    // The built-in embeddings are searched exactly: the same neighbours as the brute-force search.
    expect(q.dense).toMatchObject({ method: 'exact', queries: 3, recallVsExact: 1, idRecall: 1 });
    // Their index holds no HNSW graph; the bench builds one to measure it.
    expect(q.hnsw).toMatchObject({ usedByProduct: false, fromIndex: false, queries: 3 });
    expect(q.hnsw.recallVsExact).toBeGreaterThan(0.5);
    expect(q.hnsw.recallVsExact).toBeLessThanOrEqual(1);
    expect(q.rssMiB).toBeGreaterThan(0);
  }, 120_000);
});
