import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/retrieval/bm25.ts';

describe('Bm25Index', () => {
  const idx = new Bm25Index();
  idx.add('a', ['宿泊', '手当', '宿泊']);
  idx.add('b', ['旅費', '精算', '手当']);
  idx.add('c', ['物品', '管理']);

  it('ranks by rare matching terms and ignores unknown ones', () => {
    const hits = idx.search(Bm25Index.weigh(['宿泊', '手当', '未知語']), 3);
    expect(hits.map((h) => h.id)).toEqual(['a', 'b']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });
  it('normalized scores stay within the upper bound', () => {
    const q = Bm25Index.weigh(['宿泊', '手当']);
    const [top] = idx.search(q, 1);
    expect(top!.score / idx.upperBound(q)).toBeLessThanOrEqual(1.5);
    expect(idx.df('手当')).toBe(2);
    expect(idx.idf('物品')).toBeGreaterThan(idx.idf('手当'));
  });
  it('weighs repeated query terms sub-linearly', () => {
    const w = Bm25Index.weigh(['x', 'x', 'y'], 2);
    expect(w.find((t) => t.term === 'x')!.weight).toBeCloseTo(2 * (1 + Math.log(2)));
    expect(w.find((t) => t.term === 'y')!.weight).toBe(2);
  });
});
