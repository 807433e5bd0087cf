// Runs the golden set through the same answering pipeline as POST /api/ask, in one process, and
// computes the figures of `npm run eval`, with baselines measured on the same chunks: BM25 over
// character bigrams and over kuromoji's tokens (what a JavaScript developer would pick for
// Japanese: the headline), BM25 over whitespace tokens (what general-purpose JS search libraries
// do out of the box) and the dense index alone.
import type { Answerer } from '../../src/answer/answerer.ts';
import type { Answer } from '../../src/answer/types.ts';
import { Bm25Index } from '../../src/retrieval/bm25.ts';
import { indexedText, readIndexText } from '../../src/retrieval/node/file-index.ts';
import { REVISION_DATE } from '../../src/retrieval/dates.ts';
import type { Retriever } from '../../src/retrieval/retriever.ts';
import { whitespaceTerms } from '../../src/text/tokenize.ts';
import { BaselineIndex, bigramAnalyzer, kuromojiAnalyzer } from './baselines.ts';
import { type Cited, type Expect, type GoldenSet, matches, rankOf } from './golden.ts';
import { percentile } from './stats.ts';

export interface RankMetrics {
  hit1: number;
  hit5: number;
  mrr: number;
}

export interface EvalResult {
  n: number;
  hit1: number;
  hit5: number;
  mrr: number;
  abstain: { precision: number; recall: number };
  date: { accuracy: number; hit5: number };
  followup: { hit5: number };
  /**
   * Of the answerable questions answered (not declined), the share whose answer's first sentence
   * cites an expected passage: what the traveler reads first is drawn from the right place.
   */
  answer: { lead: number; answered: number; chars: { p50: number; p90: number } };
  counts: { answerable: number; unanswerable: number; date: number; followup: number };
  baselines: { bigram: RankMetrics; kuromoji: RankMetrics; bm25: RankMetrics; dense: RankMetrics };
  byCategory: Record<string, RankMetrics & { n: number }>;
  byStyle: Record<string, RankMetrics & { n: number }>;
  failures: Array<{ set: string; id: string; q: string; problem: string; got: string }>;
}

export interface EvalDeps {
  answerer: Answerer;
  retriever: Retriever;
  indexDir: string;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function rankMetrics(ranks: Array<number | null>): RankMetrics {
  const n = Math.max(1, ranks.length);
  return {
    hit1: round(ranks.filter((r) => r === 1).length / n),
    hit5: round(ranks.filter((r) => r !== null && r <= 5).length / n),
    mrr: round(ranks.reduce<number>((s, r) => s + (r === null ? 0 : 1 / r), 0) / n),
  };
}

function describe(a: Answer): string {
  const top = a.citations[0];
  return `${a.escalate ? 'abstained; ' : ''}top: ${top ? `${top.source} ${top.section}` : '(none)'}`;
}

function grouped<T extends { id: string }>(items: T[], key: (t: T) => string | undefined, ranks: Map<string, number | null>) {
  const groups: Record<string, Array<number | null>> = {};
  for (const it of items) {
    const k = key(it) ?? 'other';
    (groups[k] ??= []).push(ranks.get(it.id) ?? null);
  }
  return Object.fromEntries(Object.entries(groups).map(([k, r]) => [k, { n: r.length, ...rankMetrics(r) }]));
}

export async function evaluate(golden: GoldenSet, deps: EvalDeps): Promise<EvalResult> {
  const failures: EvalResult['failures'] = [];
  const ranks = new Map<string, number | null>();
  let shouldAnswer = 0;
  let wronglyAbstained = 0;
  let rightlyAbstained = 0;
  let answeredAnswerable = 0;
  let leadRight = 0;
  const answerChars: number[] = [];

  const record = (set: string, id: string, q: string, expects: Expect[], a: Answer) => {
    const r = rankOf(a.citations as Cited[], expects);
    ranks.set(id, r);
    shouldAnswer++;
    if (a.escalate) {
      wronglyAbstained++;
      failures.push({ set, id, q, problem: 'abstained', got: describe(a) });
    } else if (r !== 1) {
      failures.push({ set, id, q, problem: r === null ? 'not in top 5' : `rank ${r}`, got: describe(a) });
    }
    return r;
  };

  for (const it of golden.answerable) {
    const a = await deps.answerer.ask({ question: it.q });
    record('answerable', it.id, it.q, it.expect, a);
    if (a.escalate) continue;
    answeredAnswerable++;
    answerChars.push(a.answer.length);
    const first = /\[(\d+)\]/.exec(a.answer);
    const cited = first ? a.citations.find((c) => c.n === Number(first[1])) : undefined;
    if (cited && matches(cited, it.expect)) leadRight++;
  }

  for (const it of golden.unanswerable) {
    const a = await deps.answerer.ask({ question: it.q });
    if (a.escalate) rightlyAbstained++;
    else failures.push({ set: 'unanswerable', id: it.id, q: it.q, problem: 'answered', got: describe(a) });
  }

  let dateRight = 0;
  const dateRanks: Array<number | null> = [];
  for (const it of golden.date) {
    const a = await deps.answerer.ask({ question: it.q });
    dateRanks.push(record('date', it.id, it.q, it.expect, a));
    // Right revision: answered, and the top passage belongs to the rules of the trip's period —
    // for 'before', a document dated to end before the revision; for 'after', any document that
    // is not such an old-rules document (undated manual and FAQ pages describe today's rules).
    const top = a.citations[0];
    const oldRules = top?.effectiveTo != null && top.effectiveTo < REVISION_DATE;
    if (!a.escalate && top && (it.revision === 'before' ? oldRules : !oldRules)) dateRight++;
    else failures.push({ set: 'date', id: it.id, q: it.q, problem: 'wrong revision', got: describe(a) });
  }

  const followRanks: Array<number | null> = [];
  for (const it of golden.followup) {
    const a = await deps.answerer.ask({ question: it.followup, history: [it.first] });
    followRanks.push(record('followup', it.id, `${it.first} → ${it.followup}`, it.expect, a));
  }

  const answerableRanks = golden.answerable.map((it) => ranks.get(it.id) ?? null);
  const predictedAbstain = rightlyAbstained + wronglyAbstained;
  return {
    n: golden.answerable.length,
    ...rankMetrics(answerableRanks),
    abstain: {
      precision: round(predictedAbstain === 0 ? 0 : rightlyAbstained / predictedAbstain),
      recall: round(golden.unanswerable.length === 0 ? 0 : rightlyAbstained / golden.unanswerable.length),
    },
    date: { accuracy: round(golden.date.length === 0 ? 0 : dateRight / golden.date.length), hit5: rankMetrics(dateRanks).hit5 },
    followup: { hit5: rankMetrics(followRanks).hit5 },
    answer: {
      lead: round(answeredAnswerable === 0 ? 0 : leadRight / answeredAnswerable),
      answered: answeredAnswerable,
      chars: { p50: percentile(answerChars, 50), p90: percentile(answerChars, 90) },
    },
    counts: { answerable: golden.answerable.length, unanswerable: golden.unanswerable.length, date: golden.date.length, followup: golden.followup.length },
    baselines: await baselines(golden, deps),
    byCategory: grouped(golden.answerable, (i) => i.category, ranks),
    byStyle: grouped(golden.answerable, (i) => i.style, ranks),
    failures,
  };
}

async function baselines(golden: GoldenSet, deps: EvalDeps): Promise<EvalResult['baselines']> {
  const { chunks } = await readIndexText(deps.indexDir);
  const byId = new Map(chunks.map((c) => [c.id, c]));
  const ws = new Bm25Index();
  for (const c of chunks) ws.add(c.id, whitespaceTerms(indexedText(c)));
  const bm25Ranks: Array<number | null> = [];
  const denseRanks: Array<number | null> = [];
  const bigram = new BaselineIndex(chunks, bigramAnalyzer);
  const kuromoji = new BaselineIndex(chunks, await kuromojiAnalyzer());
  const bigramRanks: Array<number | null> = [];
  const kuromojiRanks: Array<number | null> = [];
  const today = new Date().toISOString().slice(0, 10);
  for (const it of golden.answerable) {
    const hits = ws.search(Bm25Index.weigh(whitespaceTerms(it.q)), 5).flatMap((h) => (byId.has(h.id) ? [byId.get(h.id)!] : []));
    bm25Ranks.push(rankOf(hits, it.expect));
    bigramRanks.push(rankOf(bigram.search(it.q), it.expect));
    kuromojiRanks.push(rankOf(kuromoji.search(it.q), it.expect));
    // The dense index alone: no reranking, no date or answer-type adjustments.
    const dense = await deps.retriever.search(
      { text: it.q, date: today, dateNamed: false },
      { mode: 'dense', sentenceWeight: 0, headingWeight: 0, answerTypeBoost: 1, outOfForceDefault: 1, expand: false },
    );
    denseRanks.push(rankOf(dense.hits.map((h) => h.chunk), it.expect));
  }
  return { bigram: rankMetrics(bigramRanks), kuromoji: rankMetrics(kuromojiRanks), bm25: rankMetrics(bm25Ranks), dense: rankMetrics(denseRanks) };
}
