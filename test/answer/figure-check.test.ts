import { describe, expect, it } from 'vitest';
import { answerSentences, citedUnits, dropUnsupportedFigures, unsupportedFigures } from '../../src/answer/figure-check.ts';

const passages = new Map([
  [1, '国内出張の宿泊手当は、1夜につき2,400円です。'],
  [2, 'R4年度:45名→R5年度:47名→R6年度:57名'],
]);

describe('figure check', () => {
  it('finds the figures of a sentence that none of its cited passages print', () => {
    expect(unsupportedFigures('宿泊手当は1夜2400円です[1]。', passages)).toEqual([]);
    expect(unsupportedFigures('R6年度は57名です[2]。', passages)).toEqual([]);
    expect(unsupportedFigures('R6年度は57名です[1]。', passages)).toEqual(['6', '57']);
    // No citation: no passage holds the figure.
    expect(unsupportedFigures('合計4,800円です。', passages)).toEqual(['4800']);
    expect(unsupportedFigures('日当は廃止されました[1]。', passages)).toEqual([]);
    // Whole numbers: 「5000」 is not printed by 「15,000円」, nor 「57」 by 「1,570人」.
    const big = new Map([[1, '上限は15,000円、定員は1,570人です。']]);
    expect(unsupportedFigures('上限は5000円です[1]。', big)).toEqual(['5000']);
    expect(unsupportedFigures('定員は57人です[1]。', big)).toEqual(['57']);
    expect(unsupportedFigures('上限は15,000円です[1]。', big)).toEqual([]);
  });
  it('reads a step or list item number as the answer\'s numbering, not as part of a figure', () => {
    const dated = new Map([[1, '注\n1. 2027年6月までのGSS導入予定省庁の運用等経費から概算。']]);
    expect(unsupportedFigures('1. 2027年6月までのGSS導入予定省庁の運用等経費から概算[1]。', dated)).toEqual([]);
    expect(unsupportedFigures('2) 2028年6月までに[1]。', dated)).toEqual(['2028']);
  });
  it('keeps the other sentences and line breaks of the answer', () => {
    const r = dropUnsupportedFigures('宿泊手当は2,400円です[1]。2泊で4,800円です[1]。\n日当は廃止されました[1]。', passages);
    expect(r.text).toBe('宿泊手当は2,400円です[1]。\n日当は廃止されました[1]。');
    expect(r.dropped).toEqual(['2泊で4,800円です[1]。']);
    expect(answerSentences('A[1]。B[2]。\nC')).toEqual(['A[1]。', 'B[2]。', '\n', 'C']);
    // A marker after a space stays with its sentence.
    expect(answerSentences('A。 [1]B。')).toEqual(['A。 [1]', 'B。']);
  });
  it('reads sentences without a marker with the marked one that follows them in the same line', () => {
    expect(citedUnits('2023年3月から運用を開始。遺失届の提出が可能に[1]。\n合計は5件です。')).toEqual(['2023年3月から運用を開始。遺失届の提出が可能に[1]。', '\n', '合計は5件です。']);
    const quoted = new Map([[1, '2023年3月から運用を開始。遺失届の提出が可能に。']]);
    expect(dropUnsupportedFigures('2023年3月から運用を開始。遺失届の提出が可能に[1]。', quoted).dropped).toEqual([]);
  });
});
