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

  it('builds a synthetic index with one chunk per section, then reports query time, memory and HNSW recall', async () => {
    const work = tempDir();
    const script = join(root, 'scripts/lib/bench/scale.ts');
    const built = JSON.parse((await run(process.execPath, [script, 'build', join(root, 'corpus'), work, '400'], { cwd: root })).stdout) as Record<string, number>;
    expect(built).toMatchObject({ chunks: 400, failed: 0 });
    expect(built.chunksPerSecond).toBeGreaterThan(0);
    const questions = join(work, 'q.json');
    writeFileSync(questions, JSON.stringify(['領収書をなくした', '宿泊手当はいくら', '出張命令の取消し']));
    const q = JSON.parse((await run(process.execPath, [script, 'query', join(work, 'index'), questions], { cwd: root })).stdout) as { chunks: number; queryP95Ms: number; rssMiB: number; hnsw: { queries: number; recallVsExact: number } };
    expect(q.chunks).toBe(400);
    expect(q.hnsw.queries).toBe(3);
    expect(q.hnsw.recallVsExact).toBeGreaterThan(0.5);
    expect(q.hnsw.recallVsExact).toBeLessThanOrEqual(1);
    expect(q.rssMiB).toBeGreaterThan(0);
  }, 120_000);
});
