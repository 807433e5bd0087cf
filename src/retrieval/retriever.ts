// Hybrid retrieval shared by every platform: BM25 over Japanese terms and dense vectors, fused on
// normalized scores, then re-ranked so that the documents in force on the question's date come
// first. Also computes the evidence features that confidence is calibrated on.
import { Bm25Index, type WeightedTerm } from './bm25.ts';
import { inForce } from './dates.ts';
import type { DocumentIndex, Hit, LexicalResult } from './types.ts';
import { prepare, queryTerms, words as wordsOf } from '../text/tokenize.ts';

export interface RetrievalQuery {
  /** The question as asked. */
  text: string;
  /** Earlier turns that an elliptical follow-up leans on (weighted lower than the question). */
  context?: string;
  /** YYYY-MM-DD: documents in force on this date rank first. */
  date: string;
  /** True when the question itself named the date (stronger preference for documents in force). */
  dateNamed: boolean;
}

export interface RetrievalOptions {
  k: number;
  /** Candidates taken from each of the lexical and dense lists before fusion. */
  candidates: number;
  /** Weight of the lexical score in the fusion (the dense score gets the rest). */
  lexicalWeight: number;
  /** Score multiplier for documents not in force on a date the question named / on today. */
  outOfForceNamed: number;
  outOfForceDefault: number;
  mode: 'hybrid' | 'lexical' | 'dense';
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = {
  k: 5,
  candidates: 40,
  lexicalWeight: 0.6,
  outOfForceNamed: 0.35,
  outOfForceDefault: 0.75,
  mode: 'hybrid',
};

export interface Evidence {
  /** Normalized BM25 score of the best lexical hit (0–1). */
  lexicalTop: number;
  /** Cosine similarity of the best dense hit. */
  denseTop: number;
  /** Fused score of the best hit. */
  fusedTop: number;
  /** Share of the question's term weight that occurs in the corpus at all. */
  knownShare: number;
  /** Share of the question's word weight found in the best hit's text. */
  coverage: number;
  /**
   * Share of the question's specific words (rare in the corpus, or containing digits: years,
   * amounts, codes) found in the top three hits. A question about 「R6」 answered by passages that
   * only speak of 「R5」 scores low here.
   */
  specificCoverage: number;
}

export interface RetrievalResult {
  hits: Hit[];
  evidence: Evidence;
}

function queryWeights(q: RetrievalQuery): WeightedTerm[] {
  const main = Bm25Index.weigh(queryTerms(q.text), 1);
  if (!q.context) return main;
  const seen = new Set(main.map((t) => t.term));
  const ctx = Bm25Index.weigh(queryTerms(q.context), 0.5).filter((t) => !seen.has(t.term));
  return [...main, ...ctx];
}

export class Retriever {
  readonly options: RetrievalOptions;
  private readonly index: DocumentIndex;
  constructor(index: DocumentIndex, options: Partial<RetrievalOptions> = {}) {
    this.index = index;
    this.options = { ...DEFAULT_RETRIEVAL, ...options };
  }

  async search(q: RetrievalQuery, overrides: Partial<RetrievalOptions> = {}): Promise<RetrievalResult> {
    const o = { ...this.options, ...overrides };
    const terms = queryWeights(q);
    const [lex, dense] = await Promise.all([
      o.mode === 'dense' ? null : this.index.lexical(terms, o.candidates),
      o.mode === 'lexical' ? null : this.embedQuery(q).then((v) => this.index.dense(v, o.candidates)),
    ]);
    const ub = lex && lex.upperBound > 0 ? lex.upperBound : 1;
    const scores = new Map<string, { lexical: number; dense: number }>();
    for (const h of lex?.hits ?? []) scores.set(h.id, { lexical: Math.min(1, h.score / ub), dense: 0 });
    for (const h of dense ?? []) {
      const s = scores.get(h.id) ?? { lexical: 0, dense: 0 };
      s.dense = Math.max(0, h.score);
      scores.set(h.id, s);
    }
    const chunks = await this.index.chunks([...scores.keys()]);
    const w = o.mode === 'lexical' ? 1 : o.mode === 'dense' ? 0 : o.lexicalWeight;
    const hits: Hit[] = [];
    for (const [id, s] of scores) {
      const chunk = chunks.get(id);
      if (!chunk) continue;
      const ok = inForce(chunk.effectiveFrom, chunk.effectiveTo, q.date);
      const penalty = ok ? 1 : q.dateNamed ? o.outOfForceNamed : o.outOfForceDefault;
      const fused = (w * s.lexical + (1 - w) * s.dense) * penalty;
      hits.push({ chunk, score: fused, lexical: s.lexical, dense: s.dense, inForce: ok });
    }
    hits.sort((a, b) => b.score - a.score || a.chunk.ordinal - b.chunk.ordinal);
    const top = hits.slice(0, o.k);
    return { hits: top, evidence: this.evidence(q.context ? `${q.text}\n${q.context}` : q.text, top, lex) };
  }

  private embedQuery(q: RetrievalQuery): Promise<number[]> {
    const text = q.context ? `${q.context}\n${q.text}\n${q.text}` : q.text;
    return this.index.embedder.embed([text]).then((v) => v[0] ?? []);
  }

  private evidence(question: string, hits: Hit[], lex: LexicalResult | null): Evidence {
    const best = hits[0];
    // Coverage counts the question's own words (not expansions or earlier turns).
    const words = Bm25Index.weigh(wordsOf(prepare(question)));
    let covered = 0;
    let total = 0;
    if (best) {
      const haystack = prepare(`${best.chunk.section} ${best.chunk.text}`);
      for (const t of words) {
        total += t.weight;
        if (haystack.includes(t.term)) covered += t.weight;
      }
    }
    const top3 = prepare(hits.slice(0, 3).map((h) => `${h.chunk.title} ${h.chunk.section} ${h.chunk.text}`).join('\n'));
    const docCount = Math.max(1, lex?.docCount ?? 1);
    const specific = words.filter((t) => /\d/.test(t.term) || (lex?.df[t.term] ?? 0) / docCount < 0.03);
    const specificFound = specific.filter((t) => top3.includes(t.term)).length;
    return {
      lexicalTop: Math.max(0, ...hits.map((h) => h.lexical)),
      denseTop: Math.max(0, ...hits.map((h) => h.dense)),
      fusedTop: best?.score ?? 0,
      knownShare: lex?.knownShare ?? 1,
      coverage: total > 0 ? covered / total : 0,
      specificCoverage: specific.length > 0 ? specificFound / specific.length : 1,
    };
  }
}
