import { describe, expect, it } from 'vitest';
import { CitationStreamFilter } from '../../src/answer/citation-stream.ts';

function run(deltas: string[], valid = new Set([1, 2])) {
  const f = new CitationStreamFilter(valid);
  const out = deltas.map((d) => f.push(d));
  out.push(f.flush());
  return { out, text: out.join(''), used: [...f.used], removed: f.removed };
}

describe('CitationStreamFilter', () => {
  it('passes text through and keeps valid markers split across deltas', () => {
    const r = run(['宿泊手当は2,400円です', '[', '1', ']。日当は', '廃止[2', ']。']);
    expect(r.text).toBe('宿泊手当は2,400円です[1]。日当は廃止[2]。');
    expect(r.out[0]).toBe('宿泊手当は2,400円です');
    expect(r.used).toEqual([1, 2]);
  });
  it('drops markers that point to no passage, in any bracket style', () => {
    const r = run(['Aです[9]。B【1】。C[^2]。D[1', '0]。']);
    expect(r.text).toBe('Aです。B[1]。C[2]。D。');
    expect(r.removed).toBe(2);
  });
  it('releases a bracket that never becomes a marker', () => {
    expect(run(['配列[a]と[', '']).text).toBe('配列[a]と[');
  });
});
