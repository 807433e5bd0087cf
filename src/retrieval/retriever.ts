// Hybrid retrieval shared by every platform: BM25 over Japanese terms and dense vectors, fused on
// normalized scores, then re-ranked so that the documents in force on the question's date come
// first. Also computes the evidence features that confidence is calibrated on.
import { Bm25Index, type WeightedTerm } from './bm25.ts';
import { inForce } from './dates.ts';
import type { DocumentIndex, Hit, LexicalResult } from './types.ts';
import { STRONG_HOLDS, askedTypes } from '../text/answer-types.ts';
import { normalizeText, splitSentences } from '../text/normalize.ts';
import { yearsIn } from '../text/years.ts';
import { codesIn } from '../text/codes.ts';
import { expandByReadings, type ReadingTable } from '../text/readings.ts';
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
  /** The question as asked, when `text` had parts removed (date phrases): evidence is judged on it. */
  original?: string;
}

export interface RetrievalOptions {
  k: number;
  /** Candidates taken from each of the lexical and dense lists before fusion. */
  candidates: number;
  /** Weight of the lexical score in the fusion (the dense score gets the rest). */
  lexicalWeight: number;
  /**
   * Weights of the best single sentence's and of the section heading's share of the question's
   * terms (rarity-weighted): question terms found together in one sentence or in the heading mark
   * the passage that answers, not one that merely mentions them.
   */
  sentenceWeight: number;
  headingWeight: number;
  /** Multiplier for a passage whose heading holds a code the question quotes (E5003). */
  codeBoost: number;
  /** Multiplier for a passage holding the kind of fact the question asks for (a date for 「いつ」). */
  answerTypeBoost: number;
  /** Score multiplier for documents not in force on a date the question named / on today. */
  outOfForceNamed: number;
  outOfForceDefault: number;
  /**
   * Multiplier for a dated document in force on a date the question named: a rule written for
   * that period answers better than an undated manual page written for today's rules.
   */
  datedInForceNamed: number;
  mode: 'hybrid' | 'lexical' | 'dense';
  /** Add the corpus words that kana spellings and typos stand for (off for baselines). */
  expand: boolean;
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = {
  k: 5,
  candidates: 40,
  lexicalWeight: 0.6,
  answerTypeBoost: 1.1,
  codeBoost: 1.5,
  sentenceWeight: 0.2,
  headingWeight: 0.15,
  outOfForceNamed: 0.35,
  outOfForceDefault: 0.75,
  datedInForceNamed: 1.3,
  mode: 'hybrid',
  expand: true,
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
  /** Share of the question's words, weighted by rarity (idf), found in the best hit. */
  idfCoverage: number;
  /** The same over the top three hits. */
  idfCoverage3: number;
  /** Rarity (idf, 0–1) of the rarest question word that none of the top three hits contains. */
  missingRare: number;
  /**
   * 1 when the question asks no particular kind of fact, or a sentence of the top three hits
   * holds that kind of fact (an amount for 「いくら」, a date for 「いつ」) next to a question word;
   * else 0.
   */
  answerType: number;
  /**
   * The best rarity-weighted share of question words that one sentence (with its heading) of the
   * top three hits holds — restricted to sentences holding the kind of fact asked for.
   */
  sentenceSupport: number;
  /**
   * 1 when the question names no year, or one of the top three hits speaks of a year it names
   * (in its text, or by being in force then); else 0.
   */
  yearMatch: number;
  /** Share of the question's kanji/katakana words (two characters or more) the corpus never uses. */
  unknownWords: number;
}

/** Share of the query's rarity-weighted terms that a text holds. */
function termMatcher(terms: WeightedTerm[], lex: LexicalResult | null): (text: string) => number {
  const n = Math.max(1, lex?.docCount ?? 1);
  const weighted = terms.map((t) => {
    const df = lex?.df[t.term] ?? 0;
    return { needle: t.term.startsWith('~') ? t.term.slice(1) : t.term, w: t.weight * Math.log(1 + (n - df + 0.5) / (df + 0.5)) };
  });
  const total = weighted.reduce((a, t) => a + t.w, 0) || 1;
  return (text: string) => {
    const p = prepare(text);
    let got = 0;
    for (const t of weighted) if (p.includes(t.needle)) got += t.w;
    return got / total;
  };
}

function unknownShare(words: string[], lex: LexicalResult | null): number {
  const content = words.filter((w) => [...w].length >= 2 && /[\p{Script=Han}\p{Script=Katakana}]/u.test(w));
  if (content.length === 0 || !lex) return 0;
  return content.filter((w) => (lex.df[w] ?? 0) === 0).length / content.length;
}

function yearMatch(question: string, hits: Hit[]): number {
  const asked = yearsIn(normalizeText(question).toLowerCase());
  if (asked.size === 0) return 1;
  for (const h of hits) {
    const c = h.chunk;
    const spoken = yearsIn(normalizeText(`${c.title} ${c.section} ${c.text}`).toLowerCase());
    for (const y of asked) {
      if (spoken.has(y)) return 1;
      const from = c.effectiveFrom ? Number(c.effectiveFrom.slice(0, 4)) : null;
      const to = c.effectiveTo ? Number(c.effectiveTo.slice(0, 4)) : null;
      if ((from !== null || to !== null) && (from === null || from <= y) && (to === null || y <= to)) return 1;
    }
  }
  return 0;
}

/** Units that accompany the traveler's own figures (「40km」「2泊」「11,500円」). */
const UNIT_WORDS = new Set(['円', 'km', 'キロ', '泊', '日', '月', '年', '級', '時間', '分', '回', '人', '件', '万', '万円', 'mb']);

export interface RetrievalResult {
  hits: Hit[];
  evidence: Evidence;
}

function queryWeights(q: RetrievalQuery, extra: string): WeightedTerm[] {
  const main = Bm25Index.weigh([...queryTerms(q.text), ...(extra ? queryTerms(extra) : [])], 1);
  if (!q.context) return main;
  const seen = new Set(main.map((t) => t.term));
  // An elliptical follow-up with almost no words of its own leans fully on the earlier question.
  const own = wordsOf(prepare(q.text)).length;
  const ctx = Bm25Index.weigh(queryTerms(q.context), own < 2 ? 1 : 0.5).filter((t) => !seen.has(t.term));
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
    // What the question's kana spellings and typos stand for, in the corpus's own words.
    const p = prepare(q.text);
    const extra = o.expand ? [...expandByReadings(p, this.index.readings), ...(await this.index.corrections(p))].join(' ') : '';
    const terms = queryWeights(q, extra);
    const [lex, dense] = await Promise.all([
      o.mode === 'dense' ? null : this.index.lexical(terms, o.candidates),
      o.mode === 'lexical' ? null : this.embedQuery(q, extra).then((v) => this.index.dense(v, o.candidates)),
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
    const asked = askedTypes(prepare(q.text)).map((t) => STRONG_HOLDS[t.name]);
    const codes = codesIn(prepare(q.text));
    const proximity = o.sentenceWeight > 0 || o.headingWeight > 0 ? termMatcher(terms.filter((t) => t.weight >= 1), lex) : null;
    const hits: Hit[] = [];
    for (const [id, s] of scores) {
      const chunk = chunks.get(id);
      if (!chunk) continue;
      const ok = inForce(chunk.effectiveFrom, chunk.effectiveTo, q.date);
      const dated = chunk.effectiveFrom !== null || chunk.effectiveTo !== null;
      const penalty = ok ? (q.dateNamed && dated ? o.datedInForceNamed : 1) : q.dateNamed ? o.outOfForceNamed : o.outOfForceDefault;
      const typed = asked.length > 0 && asked.every((re) => re.test(chunk.text)) ? o.answerTypeBoost : 1;
      let base = w * s.lexical + (1 - w) * s.dense;
      if (proximity) {
        const leaf = chunk.section.split(' › ').pop() ?? '';
        const best = Math.max(0, ...splitSentences(chunk.text).map((x) => proximity(x)));
        base = base * (1 - o.sentenceWeight - o.headingWeight) + o.sentenceWeight * best + o.headingWeight * proximity(leaf);
      }
      // An identifier the question quotes (an error code such as E5003) in a passage's heading.
      const coded = codes.length > 0 && codes.some((c) => prepare(chunk.section).includes(c)) ? o.codeBoost : 1;
      const fused = Math.min(1, base * penalty * typed * coded);
      hits.push({ chunk, score: fused, lexical: s.lexical, dense: s.dense, inForce: ok });
    }
    hits.sort((a, b) => b.score - a.score || a.chunk.ordinal - b.chunk.ordinal);
    const top = hits.slice(0, o.k);
    const text = q.context ? `${q.text}\n${q.context}` : q.text;
    return { hits: top, evidence: this.evidence(text, q.original ?? q.text, top, lex) };
  }

  private embedQuery(q: RetrievalQuery, extra: string): Promise<number[]> {
    // The question with the corpus words its kana spellings and typos stand for, then earlier turns.
    const own = extra ? `${q.text} ${extra}` : q.text;
    const text = q.context ? `${q.context}\n${own}\n${own}` : own;
    return this.index.embedder.embed([text]).then((v) => v[0] ?? []);
  }

  /** `question`: the words looked up (date phrases removed); `original`: the question as asked. */
  private evidence(question: string, original: string, hits: Hit[], lex: LexicalResult | null): Evidence {
    const best = hits[0];
    // Coverage counts the question's own words (not expansions or earlier turns), without bare
    // numbers and units: 「11,500円で泊まった」 states the traveler's case, it is not looked up.
    // Only content words written in kanji, katakana or Latin count: hiragana words are the
    // traveler's own phrasing (「まずい」「なんか」), not facts to look up.
    const words = Bm25Index.weigh(
      wordsOf(prepare(question)).filter((w) => !/^[\d.]+$/.test(w) && !UNIT_WORDS.has(w) && /[\p{Script=Han}\p{Script=Katakana}a-z]/u.test(w)),
    );
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
    const n = docCount;
    const idf = (t: string) => Math.log(1 + (n - (lex?.df[t] ?? 0) + 0.5) / ((lex?.df[t] ?? 0) + 0.5));
    const idfMax = Math.log(1 + (n + 0.5) / 0.5);
    const share = (hay: string) => {
      let got = 0;
      let all = 0;
      for (const t of words) {
        const w = idf(t.term);
        all += w;
        if (hay.includes(t.term)) got += w;
      }
      return all > 0 ? got / all : 0;
    };
    const bestText = best ? prepare(`${best.chunk.section} ${best.chunk.text}`) : '';
    const missing = words.filter((t) => !top3.includes(t.term)).map((t) => idf(t.term) / idfMax);
    const types = askedTypes(prepare(question));
    const sentences = hits.slice(0, 3).flatMap((h) => splitSentences(prepare(h.chunk.text)));
    const typed = types.length === 0 || types.every((t) => sentences.some((s) => t.holds.test(s) && words.some((w) => s.includes(w.term))));
    let sentenceSupport = 0;
    for (const h of hits.slice(0, 3)) {
      const heading = prepare(h.chunk.section);
      for (const sentence of splitSentences(prepare(h.chunk.text))) {
        if (types.some((t) => !t.holds.test(sentence))) continue;
        sentenceSupport = Math.max(sentenceSupport, share(`${heading} ${sentence}`));
      }
    }
    return {
      lexicalTop: Math.max(0, ...hits.map((h) => h.lexical)),
      denseTop: Math.max(0, ...hits.map((h) => h.dense)),
      fusedTop: best?.score ?? 0,
      knownShare: lex?.knownShare ?? 1,
      coverage: total > 0 ? covered / total : 0,
      specificCoverage: specific.length > 0 ? specificFound / specific.length : 1,
      idfCoverage: share(bestText),
      idfCoverage3: share(top3),
      missingRare: missing.length > 0 ? Math.max(...missing) : 0,
      answerType: typed ? 1 : 0,
      sentenceSupport,
      yearMatch: yearMatch(original, hits.slice(0, 3)),
      unknownWords: unknownShare(words.map((w) => w.term), lex),
    };
  }
}
