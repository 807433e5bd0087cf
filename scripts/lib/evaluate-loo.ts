// Leave-one-document-out figures on the seed documents (../shared/seeds): for each document, the
// answering pipeline (with whatever it fits fitted on the questions of the other documents only)
// answers that document's questions. Per document and overall: the passage holding the fact in
// the top 5, the answer's own text stating the fact, the right passage among the first three
// citations the answer cites, near misses declined and near misses answered with no caveat, and
// hit@1/hit@5 of the product and of two lexical baselines over the same chunks.
import type { Answer } from '../../src/answer/types.ts';
import { Answerer, CAUTION_TEXT } from '../../src/answer/answerer.ts';
import { ExtractiveLanguageModel } from '../../src/answer/extractive-model.ts';
import { DEFAULT_EXTRACTIVE } from '../../src/answer/extractive/options.ts';
import type { Retriever } from '../../src/retrieval/retriever.ts';
import { comparable, statesAny } from './facts.ts';
import { collectExamples, fitDirect } from './fit-direct.ts';
import type { BaselineIndex } from './baselines.ts';
import type { SeedQuestion } from './evaluate-seeds.ts';

export interface LooQuestion extends SeedQuestion {
  file: string;
  /** Short phrases a correct answer must contain (any one); the passage phrases (expect) when absent. */
  answer?: string[];
}

export interface Hits {
  hit1: number;
  hit5: number;
}

export interface LooFigures {
  /** Shares of the answerable questions (top5, factStated, cited, wrongNoCaveat) or of the near misses (declined, confidentWrong). */
  top5: number;
  factStated: number;
  cited: number;
  declined: number;
  confidentWrong: number;
  /** Answerable questions answered without the fact and without a caveat. */
  wrongNoCaveat: number;
  answerable: number;
  nearMisses: number;
  retrieval: { product: Hits; bigram: Hits; kuromoji: Hits };
}

export interface LooDocument extends LooFigures {
  source: string;
  misses: { notFound: string[]; notStated: string[]; notCited: string[]; answeredNearMiss: string[] };
}

export interface LooOutcome {
  q: LooQuestion;
  answer: Answer;
  /** Rank (1-based) of the first chunk holding the fact, per ranking; null when not in the top 5. */
  ranks: { product: number | null; bigram: number | null; kuromoji: number | null };
}

/** Answers one document's questions with a pipeline fitted without them. */
export type AskFor = (heldOut: string) => Promise<(q: LooQuestion) => Promise<Answer>>;

const round = (x: number) => Math.round(x * 1000) / 1000;
const share = (a: number, b: number) => (b === 0 ? 0 : round(a / b));

function rankIn(texts: string[], expect: string[]): number | null {
  const i = texts.slice(0, 5).findIndex((t) => statesAny(t, expect));
  return i < 0 ? null : i + 1;
}

function cautioned(a: Answer): boolean {
  return a.answer.includes(CAUTION_TEXT);
}

/** The citations the answer text refers to, in the order of their numbers. */
function citedTexts(a: Answer): string[] {
  const used = new Set([...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  return a.citations.filter((c) => used.has(c.n)).map((c) => c.text);
}

export function figuresOf(outcomes: LooOutcome[]): LooFigures & { misses: LooDocument['misses'] } {
  const answerable = outcomes.filter((o) => o.q.answerable !== false);
  const near = outcomes.filter((o) => o.q.answerable === false);
  const misses: LooDocument['misses'] = { notFound: [], notStated: [], notCited: [], answeredNearMiss: [] };
  let top5 = 0, stated = 0, cited = 0, wrong = 0;
  for (const o of answerable) {
    const expect = o.q.expect ?? [];
    const fact = o.q.answer ?? expect;
    if (o.ranks.product !== null) top5++;
    else misses.notFound.push(o.q.id);
    const says = !o.answer.escalate && statesAny(o.answer.answer, fact);
    if (says) stated++;
    else misses.notStated.push(o.q.id);
    if (!o.answer.escalate && !says && !cautioned(o.answer)) wrong++;
    if (!o.answer.escalate && citedTexts(o.answer).slice(0, 3).some((t) => statesAny(t, expect))) cited++;
    else misses.notCited.push(o.q.id);
  }
  let declined = 0, confident = 0;
  for (const o of near) {
    if (o.answer.escalate) declined++;
    else {
      misses.answeredNearMiss.push(o.q.id);
      if (!cautioned(o.answer)) confident++;
    }
  }
  const hits = (key: keyof LooOutcome['ranks']): Hits => ({
    hit1: share(answerable.filter((o) => o.ranks[key] === 1).length, answerable.length),
    hit5: share(answerable.filter((o) => o.ranks[key] !== null).length, answerable.length),
  });
  return {
    top5: share(top5, answerable.length),
    factStated: share(stated, answerable.length),
    cited: share(cited, answerable.length),
    declined: share(declined, near.length),
    confidentWrong: share(confident, near.length),
    wrongNoCaveat: share(wrong, answerable.length),
    answerable: answerable.length,
    nearMisses: near.length,
    retrieval: { product: hits('product'), bigram: hits('bigram'), kuromoji: hits('kuromoji') },
    misses,
  };
}

/** Asks every question with the pipeline fitted without its document, and measures the baselines on it. */
export async function evaluateLoo(
  questions: LooQuestion[],
  askFor: AskFor,
  baselines: { bigram: BaselineIndex; kuromoji: BaselineIndex },
): Promise<{ overall: LooFigures; documents: LooDocument[]; outcomes: LooOutcome[] }> {
  const sources = [...new Set(questions.map((q) => q.file))].sort();
  const outcomes: LooOutcome[] = [];
  const documents: LooDocument[] = [];
  for (const source of sources) {
    const ask = await askFor(source);
    const mine: LooOutcome[] = [];
    for (const q of questions.filter((x) => x.file === source)) {
      const answer = await ask(q);
      const expect = q.expect ?? [];
      mine.push({
        q,
        answer,
        ranks: {
          product: rankIn(answer.citations.map((c) => c.text), expect),
          bigram: rankIn(baselines.bigram.search(q.q).map((c) => c.text), expect),
          kuromoji: rankIn(baselines.kuromoji.search(q.q).map((c) => c.text), expect),
        },
      });
    }
    outcomes.push(...mine);
    documents.push({ source, ...figuresOf(mine) });
  }
  const { misses: _, ...overall } = figuresOf(outcomes);
  return { overall, documents, outcomes };
}

/**
 * The pipeline for each held-out document: the direct answer's model fitted on the labelled
 * questions of the other documents only (the built-in answerer; an LLM is not refitted).
 */
export async function fittedFolds(questions: LooQuestion[], answerer: Answerer, retriever: Retriever, indexVersion: () => string): Promise<AskFor> {
  const examples = await collectExamples(questions, answerer);
  return async (heldOut: string) => {
    const direct = fitDirect(examples.filter((e) => e.file !== heldOut), `seed questions of the other documents than ${heldOut}`);
    const models = { extractive: new ExtractiveLanguageModel({ ...DEFAULT_EXTRACTIVE, direct }), llm: null };
    const fold = new Answerer({ retriever, models, indexVersion, direct });
    return (q: LooQuestion) => fold.ask({ question: q.q });
  };
}

/**
 * Figures of the answer that the passage they cite does not print: for each run of text before a
 * marker [n], every number in it must stand in citation n (an answer quotes; it never computes).
 */
export function unsupportedFigures(a: Answer): string[] {
  const out: string[] = [];
  for (const line of a.answer.split('\n')) {
    for (const m of line.matchAll(/([^[\]]*)((?:\[\d+\])+)/g)) {
      const cited = [...m[2]!.matchAll(/\d+/g)].map((x) => a.citations.find((c) => c.n === Number(x[0]))?.text ?? '');
      const pool = comparable(cited.join('\n')).replace(/(\d),(?=\d{3})/g, '$1');
      for (const f of comparable(m[1]!).replace(/(\d),(?=\d{3})/g, '$1').match(/\d+(?:\.\d+)?/g) ?? []) if (!pool.includes(f)) out.push(f);
    }
  }
  return out;
}
