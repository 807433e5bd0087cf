// Leave-one-document-out figures on the seed documents (../shared/seeds): for each document, the
// answering pipeline (with the value model fitted on the questions of the other documents only;
// the confidence model is not refitted, see fittedFolds) answers that document's questions. Per document and overall: the passage holding the fact in
// the top 5, the answer's own text stating the fact, the right passage among the first three
// citations the answer cites, near misses declined and near misses answered with no caveat, and
// hit@1/hit@5 of the product and of two lexical baselines over the same chunks.
import type { Answer } from '../../src/answer/types.ts';
import { Answerer, CAUTION_TEXT } from '../../src/answer/answerer.ts';
import { ExtractiveLanguageModel } from '../../src/answer/extractive-model.ts';
import { DEFAULT_EXTRACTIVE } from '../../src/answer/extractive/options.ts';
import type { Retriever } from '../../src/retrieval/retriever.ts';
import { citedUnits, unsupportedFigures as figuresNotPrinted } from '../../src/answer/figure-check.ts';
import { statesAny } from './facts.ts';
import { type DirectExample, collectExamples, fitDirect } from './fit-direct.ts';
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
 * questions of the other documents only (the built-in answerer; an LLM is not refitted). The
 * confidence model (calibration.json, npm run calibrate) is not refitted per document: it was
 * fitted on the golden set and the tuned seed questions of all five documents.
 */
export async function fittedFolds(questions: LooQuestion[], answerer: Answerer, retriever: Retriever, indexVersion: () => string, decisions: DirectExample[] = []): Promise<AskFor> {
  const examples = await collectExamples(questions, answerer);
  return async (heldOut: string) => {
    // Questions not tied to a document (u01–u15, hu12) could be about the held-out one: left out.
    // The golden set's questions (`decisions`, on the sample corpus) teach the decline model in every fold.
    const direct = fitDirect([...examples.filter((e) => e.file !== undefined && e.file !== heldOut), ...decisions], `seed questions of the other documents than ${heldOut}`);
    const models = { extractive: new ExtractiveLanguageModel({ ...DEFAULT_EXTRACTIVE, direct }), llm: null };
    const fold = new Answerer({ retriever, models, indexVersion, direct });
    return (q: LooQuestion) => fold.ask({ question: q.q });
  };
}

/**
 * Figures of the answer that the passages they cite do not print (src/answer/figure-check.ts, the
 * same check as the LLM path's): an answer quotes; it never computes.
 */
export function unsupportedFigures(a: Answer): string[] {
  if (a.escalate) return [];
  const passages = new Map(a.citations.map((c) => [c.n, c.text]));
  // The answer's own lines (the caution, the note naming the rules' revision) cite nothing and are checked apart.
  return citedUnits(a.answer).filter((u) => /\[\d+\]/.test(u)).flatMap((u) => figuresNotPrinted(u, passages));
}
