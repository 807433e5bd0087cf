import { describe, expect, it } from 'vitest';
import { DIRECT_MODEL } from '../../src/answer/extractive/direct.ts';
import { NO_VALUE, READER_FEATURES, READER_MODEL, type ReaderModel, readHits, readSentences } from '../../src/answer/reader.ts';
import type { Hit } from '../../src/retrieval/types.ts';

function hit(id: string, section: string, text: string, score: number, heading = 0): Hit {
  return {
    chunk: { id, source: 'doc.txt', title: '資料', kind: 'guideline', section, page: null, text, effectiveFrom: null, effectiveTo: null, ordinal: 0 },
    score,
    lexical: score,
    dense: 0,
    inForce: true,
    features: { lexical: score, dense: 0, sentence: 0, heading, phrasing: 0, typed: 0, coded: 0, faq: 0, guideline: 1 },
    dateFactor: 1,
  };
}

const label = (h: Hit) => h.chunk.section;

// A passage on the topic that ranks first, and one below it whose sentence gives the figure asked for.
const topical = hit('a', '研修の概要', '情報システム統一研修は、政府職員の人材育成のために実施する研修である。集合研修とeラーニングがある。', 0.9);
const answering = hit('b', '目標', '集合研修の受入定員を、30年度1,200人以上とすることを目指す。', 0.7);

describe('reader', () => {
  it('gives every sentence its evidence: terms, rank, kind of fact, value fit, retrieval score, heading', () => {
    const q = '集合研修は何人受け入れる目標？';
    const passages = [topical, answering].map((h, i) => ({ n: i + 1, label: label(h), text: h.chunk.text }));
    const read = readSentences(q, [], passages, [{ score: 0.9, heading: 0 }, { score: 0.7, heading: 0.5 }], DIRECT_MODEL);
    expect(read.every((r) => r.x.length === READER_FEATURES.length)).toBe(true);
    const target = read.find((r) => r.s.text.includes('1,200人'))!;
    expect(target.x[1]).toBe(0.5); // the second passage
    expect(target.x[2]).toBe(1); // holds a number, as 「何人」 asks
    expect(target.x[3]).toBeGreaterThan(NO_VALUE); // its value fits the count asked for
    expect(target.x[4]).toBeCloseTo(0.7 / 0.9);
    expect(target.x[5]).toBe(0.5);
    // A sentence with no value, for a question asking one, gets the floor.
    expect(read.find((r) => r.s.text.startsWith('集合研修とeラーニング'))!.x[3]).toBe(NO_VALUE);
    // A question asking no value: the value fit says nothing.
    const plain = readSentences('集合研修とは', [], passages, [{ score: 0.9, heading: 0 }, { score: 0.7, heading: 0 }], DIRECT_MODEL);
    expect(plain.every((r) => r.x[3] === 0)).toBe(true);
  });

  it('puts first the passage whose sentence answers, when it beats the first by the margin', () => {
    const model: ReaderModel = { features: [...READER_FEATURES], weights: [4, 0, 1, 0.5, 1, 0], margin: 0.5, fittedOn: 'test' };
    const ordered = readHits('集合研修は何人受け入れる目標？', [], [topical, answering], label, { reader: model });
    expect(ordered.map((h) => h.chunk.id)).toEqual(['b', 'a']);
  });

  it('does not put a passage the retrieval weighed down for the date (not in force) before one it did not', () => {
    const model: ReaderModel = { features: [...READER_FEATURES], weights: [4, 0, 1, 0.5, 1, 0], margin: 0.5, fittedOn: 'test' };
    const outOfForce = { ...answering, chunk: { ...answering.chunk, id: 'old' }, dateFactor: 0.35 };
    const ordered = readHits('集合研修は何人受け入れる目標？', [], [topical, outOfForce], label, { reader: model });
    expect(ordered.map((h) => h.chunk.id)).toEqual(['a', 'old']);
  });

  it('keeps the retrieval order within the margin, and without a fitted reader', () => {
    const wide: ReaderModel = { features: [...READER_FEATURES], weights: [4, 0, 1, 0.5, 1, 0], margin: 100, fittedOn: 'test' };
    expect(readHits('集合研修は何人受け入れる目標？', [], [topical, answering], label, { reader: wide }).map((h) => h.chunk.id)).toEqual(['a', 'b']);
    const none: ReaderModel = { features: [...READER_FEATURES], weights: [], margin: 0, fittedOn: 'not fitted' };
    expect(readHits('集合研修は何人受け入れる目標？', [], [topical, answering], label, { reader: none }).map((h) => h.chunk.id)).toEqual(['a', 'b']);
  });

  it('ships a fitted reader over its features', () => {
    expect(READER_MODEL.features).toEqual([...READER_FEATURES]);
    expect(READER_MODEL.weights).toHaveLength(READER_FEATURES.length);
    expect(READER_MODEL.margin).toBeGreaterThanOrEqual(0);
  });
});
