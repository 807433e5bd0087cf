import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bm25Index, DEFAULT_BM25, bm25Idf, bm25Term, type ScoredId, type WeightedTerm } from '../../src/retrieval/bm25.ts';

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

/** BM25 as the index computed it before its postings were packed: a Map of terms to pairs. */
class ReferenceBm25 {
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly lengths: number[] = [];
  private readonly ids: string[] = [];
  private totalLength = 0;
  add(id: string, terms: string[]): void {
    const doc = this.ids.length;
    this.ids.push(id);
    this.lengths.push(terms.length);
    this.totalLength += terms.length;
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = []));
      list.push([doc, n]);
    }
  }
  df(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }
  search(query: WeightedTerm[], k: number): ScoredId[] {
    const avgdl = this.totalLength / Math.max(1, this.ids.length);
    const scores = new Map<number, number>();
    for (const { term, weight } of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = bm25Idf(this.ids.length, this.df(term));
      for (const [doc, tf] of list) {
        const s = bm25Term(idf, tf, this.lengths[doc] ?? 0, avgdl, DEFAULT_BM25);
        scores.set(doc, (scores.get(doc) ?? 0) + weight * s);
      }
    }
    return [...scores].sort((a, c) => c[1] - a[1]).slice(0, k).map(([doc, score]) => ({ id: this.ids[doc] ?? '', score }));
  }
}

describe('Bm25Index packed postings', () => {
  // A small vocabulary makes shared terms, equal scores (ties) and long postings lists common.
  const term = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', '~旅費', '~精算', '宿泊');
  const doc = fc.array(term, { minLength: 0, maxLength: 12 });
  const query = fc.array(fc.record({ term: fc.oneof(term, fc.constant('未知')), weight: fc.constantFrom(0.5, 1, 1.5, 2) }), { minLength: 0, maxLength: 6 });

  it('scores and ranks exactly as the reference, ties included, whenever documents are added', () => {
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 0, maxLength: 60 }),
        fc.array(doc, { minLength: 0, maxLength: 8 }),
        fc.array(fc.tuple(query, fc.integer({ min: 0, max: 70 })), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (first, later, searches, compactFirst) => {
          const idx = new Bm25Index();
          const ref = new ReferenceBm25();
          first.forEach((terms, i) => {
            idx.add(`d${i}`, terms);
            ref.add(`d${i}`, terms);
          });
          if (compactFirst) idx.compact();
          const check = () => {
            for (const [q, k] of searches) expect(idx.search(q, k)).toEqual(ref.search(q, k));
          };
          check();
          // Documents added after a search (approved FAQ entries at run time), one at a time.
          later.forEach((terms, i) => {
            idx.add(`l${i}`, terms);
            ref.add(`l${i}`, terms);
            check();
          });
          for (const t of ['a', 'g', '宿泊', '未知']) expect(idx.df(t)).toBe(ref.df(t));
          expect(idx.size).toBe(first.length + later.length);
          expect(new Set(idx.terms())).toEqual(new Set([...first, ...later].flat()));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps term frequencies above 255 and above 65,535 exact', () => {
    const idx = new Bm25Index();
    const ref = new ReferenceBm25();
    const docs = [Array(300).fill('x'), ['x', 'y'], Array(70_000).fill('y'), ['y']];
    docs.forEach((terms, i) => {
      idx.add(String(i), terms);
      ref.add(String(i), terms);
    });
    const q = Bm25Index.weigh(['x', 'y']);
    expect(idx.search(q, 10)).toEqual(ref.search(q, 10));
    expect(idx.search(q, 10).map((h) => h.id)).toContain('2');
  });

  it('returns nothing for k = 0 and every match for a k beyond them', () => {
    const idx = new Bm25Index();
    idx.add('a', ['x']);
    idx.add('b', ['x', 'y']);
    expect(idx.search([{ term: 'x', weight: 1 }], 0)).toEqual([]);
    expect(idx.search([{ term: 'x', weight: 1 }], 100).map((h) => h.id).sort()).toEqual(['a', 'b']);
  });
});
