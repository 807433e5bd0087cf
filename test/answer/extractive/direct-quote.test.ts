import { describe, expect, it } from 'vitest';
import { clauseOf, directValue, leadsWithRecord, writeDirect } from '../../../src/answer/extractive/direct-quote.ts';
import { DIRECT_MODEL } from '../../../src/answer/extractive/direct.ts';
import { Lines } from '../../../src/answer/extractive/lines.ts';
import { scoreSentences } from '../../../src/answer/extractive/scoring.ts';

describe('the answer opened with the value asked for', () => {
  it('cuts a long sentence at the 、 around the value, keeping at least 8 characters before it and 16 from it', () => {
    const text = '令和7年度の出張旅費の精算については、各府省の会計担当が確認したうえで、申請件数は約1,200件となり、前年より増えた。';
    const at = text.indexOf('約1,200件');
    // 「申請件数は」 is shorter than 8 characters: the clause before it is read too; the one after, to the 。.
    expect(clauseOf(text, at, '約1,200件'.length)).toBe('各府省の会計担当が確認したうえで、申請件数は約1,200件となり、前年より増えた');
  });

  it('opens with the value the model is sure of, quoting its sentence and citing it', () => {
    const passages = [{ n: 2, label: '受付の状況', text: '窓口での受付は平日のみです。オンラインの申請は年に約3,000件あります。' }];
    const q = 'オンラインの申請は年に何件？';
    const all = scoreSentences(q, [], passages);
    expect(directValue(q, all, DIRECT_MODEL, '')?.value).toBe('約3,000件');
    const out = new Lines(new Set(), false);
    expect(writeDirect(out, q, all, DIRECT_MODEL)).toBe(true);
    expect(out.lines[0]).toBe('オンラインの申請は年に約3,000件あります[2]。');
  });

  it('opens with nothing when no value is asked for', () => {
    const passages = [{ n: 1, label: '受付', text: '申請は窓口で受け付けます。' }];
    const q = '申請はどこで受け付けていますか';
    const out = new Lines(new Set(), false);
    expect(writeDirect(out, q, scoreSentences(q, [], passages), DIRECT_MODEL)).toBe(false);
    expect(out.lines).toEqual([]);
  });

  it('tells a value in a row of figures labelled by years, which leads with its own label', () => {
    const passages = [{ n: 1, label: '実施件数', text: 'レビュー件数(R4年度:1290件 → R5年度:2313件 → R6年度:3107件)' }];
    const q = 'R5年度のレビュー件数は何件？';
    const c = directValue(q, scoreSentences(q, [], passages), DIRECT_MODEL, '');
    expect(c?.value).toBe('2313件');
    expect(leadsWithRecord(c!)).toBe(true);
  });
});
