// Quality floors on the golden set, measured through the same pipeline as /api/ask. These are
// regression floors at (slightly below) today's measured levels, not the product targets of
// issue 3 (hit@5 0.95, hit@1 0.80, MRR 0.85, abstention P/R 0.90): see docs/quality.md.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/answerer.ts';
import { createAnswerModels } from '../../src/models/language.ts';
import { Retriever } from '../../src/retrieval/retriever.ts';
import { evaluate, type EvalResult } from '../../scripts/lib/evaluate.ts';
import { loadGolden } from '../../scripts/lib/golden.ts';
import { evaluateFacts, type FactResult, loadFacts } from '../../scripts/lib/evaluate-facts.ts';
import { RISK_CODES, evaluateRisk, loadRiskItems, type RiskEvalResult } from '../../scripts/lib/evaluate-risk.ts';
import { GuardedAnswerer } from '../../src/risk/guard.ts';
import { buildIndex } from '../helpers/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let r: EvalResult;
let heldOut: EvalResult;
let risk: RiskEvalResult;
let facts: FactResult;

beforeAll(async () => {
  const { dir, index } = await buildIndex(join(root, 'corpus'));
  const retriever = new Retriever(index);
  const answerer = new Answerer({ retriever, models: createAnswerModels({ llm: null }), indexVersion: () => index.version });
  r = await evaluate(loadGolden(join(root, 'test/golden')), { answerer, retriever, indexDir: dir });
  risk = await evaluateRisk(loadRiskItems(join(root, 'test/golden/risk.jsonl')), new GuardedAnswerer(answerer));
  heldOut = await evaluate(loadGolden(join(root, 'test/golden-heldout')), { answerer, retriever, indexDir: dir });
  facts = await evaluateFacts(loadFacts(join(root, 'test/golden-facts/facts.jsonl')), answerer);
  console.log(`golden: hit@1 ${r.hit1} hit@5 ${r.hit5} MRR ${r.mrr} abstain P ${r.abstain.precision} R ${r.abstain.recall} date ${r.date.accuracy} follow-up hit@5 ${r.followup.hit5}`);
});

describe('golden set', () => {
  it('has the size issue 3 asks for', () => {
    expect(r.counts.answerable).toBeGreaterThanOrEqual(200);
    expect(r.counts.unanswerable).toBeGreaterThanOrEqual(40);
    expect(r.counts.date).toBeGreaterThanOrEqual(20);
    expect(r.counts.followup).toBeGreaterThanOrEqual(20);
  });
  it('keeps retrieval quality above its floors', () => {
    expect(r.hit1).toBeGreaterThanOrEqual(0.72);
    expect(r.hit5).toBeGreaterThanOrEqual(0.86);
    expect(r.mrr).toBeGreaterThanOrEqual(0.78);
    expect(r.followup.hit5).toBeGreaterThanOrEqual(0.75);
  });
  it('answers date-dependent questions with the right revision', () => {
    expect(r.date.accuracy).toBeGreaterThanOrEqual(0.95);
  });
  it('beats the baselines on hit@1 by at least 10 points, character-bigram BM25 included', () => {
    // Character-bigram BM25 is the baseline a JavaScript developer would pick (0.667 against 0.781
    // when set, session 5); kuromoji-token BM25 0.604.
    expect(r.hit1 - r.baselines.bigram.hit1).toBeGreaterThanOrEqual(0.1);
    expect(r.hit1 - r.baselines.kuromoji.hit1).toBeGreaterThanOrEqual(0.1);
    expect(r.hit1 - r.baselines.bm25.hit1).toBeGreaterThanOrEqual(0.1);
    expect(r.hit1 - r.baselines.dense.hit1).toBeGreaterThanOrEqual(0.1);
  });
  it('keeps abstention above its floors', () => {
    expect(r.abstain.recall).toBeGreaterThanOrEqual(0.52);
    expect(r.abstain.precision).toBeGreaterThanOrEqual(0.5);
  });
  it('assesses risk: personal data ≥ 0.95 precision and recall, every other code ≥ 0.90', () => {
    expect(risk.n).toBeGreaterThanOrEqual(100);
    expect(risk.byCode.pii.precision).toBeGreaterThanOrEqual(0.95);
    expect(risk.byCode.pii.recall).toBeGreaterThanOrEqual(0.95);
    for (const code of RISK_CODES.filter((c) => c !== 'pii')) {
      expect(risk.byCode[code].precision, code).toBeGreaterThanOrEqual(0.9);
      expect(risk.byCode[code].recall, code).toBeGreaterThanOrEqual(0.9);
    }
  });
});

// Written blind from the corpus by a helper session at the end of session 3, after every change
// of that session, and not tuned on since: how the product does on questions nobody tuned for.
describe('held-out golden set (test/golden-heldout)', () => {
  it('keeps its measured levels (hit@1 0.833, hit@5 0.950, MRR 0.881, abstention P 0.786 / R 0.55, date 0.875 when written)', () => {
    console.log(`held-out golden: hit@1 ${heldOut.hit1} hit@5 ${heldOut.hit5} MRR ${heldOut.mrr} abstain P ${heldOut.abstain.precision} R ${heldOut.abstain.recall} date ${heldOut.date.accuracy} follow-up hit@5 ${heldOut.followup.hit5}`);
    expect(heldOut.counts.answerable).toBeGreaterThanOrEqual(60);
    expect(heldOut.hit1).toBeGreaterThanOrEqual(0.78);
    expect(heldOut.hit5).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.mrr).toBeGreaterThanOrEqual(0.83);
    // 0.786 when written; 0.733 in session 4 and at the end of session 5 (0.688 for a while, when the
    // decline for want of a fitting value also declined passages holding no figure at all).
    expect(heldOut.abstain.precision).toBeGreaterThanOrEqual(0.7);
    expect(heldOut.abstain.recall).toBeGreaterThanOrEqual(0.5);
    // 0.875 when written; 1.00 from session 4, which raised the weight of dated rules in force on a
    // named date (chosen on a review question, and it fixed hd005 here, so not blind for dates);
    // 0.875 again since session 6's wording signal (hd005: an undated FAQ entry phrased like the
    // question ranks first). The main golden set's date questions stay at 1.00.
    expect(heldOut.date.accuracy).toBeGreaterThanOrEqual(0.875);
  });
});

// Written blind from the corpus by a helper session in session 4: each question with phrases of
// the section that answers it, which the answer's own text must hold (not only a cited passage).
describe('answer facts (test/golden-facts)', () => {
  it("states the fact in the answer's own text for at least the measured share of answered questions", () => {
    console.log(`answer facts: answered ${facts.answered}/${facts.n}, cited ${facts.cited}, stated ${facts.stated}; not stated: ${facts.failures.map((f) => f.id).join(' ')}`);
    expect(facts.n).toBeGreaterThanOrEqual(60);
    // 34 of 56 answered at the start of session 4 (the phrases are the section's own words, so a
    // right answer drawn from another document's wording does not count); 37 when the floor was set.
    expect(facts.stated / facts.answered).toBeGreaterThanOrEqual(0.6);
    expect(facts.answered / facts.n).toBeGreaterThanOrEqual(0.9);
  });
});
