import { describe, expect, it } from 'vitest';
import { STRONG_HOLDS, askedTypes } from '../../src/text/answer-types.ts';

const kinds = (q: string) => askedTypes(q).map((t) => t.name);

describe('askedTypes', () => {
  it('reads what a question asks for', () => {
    expect(kinds('旅費はいつ振り込まれますか')).toEqual(['when']);
    expect(kinds('宿泊費はいくらまで出ますか')).toEqual(['amount']);
    expect(kinds('何回間違えたらロックされる？')).toEqual(['number']);
    expect(kinds('差戻しの理由は誰に聞けばいい？')).toEqual(['who']);
    expect(kinds('エラーが出たらどこに連絡すればいい？')).toEqual(['who']);
  });
  it('takes 期限, 日付 and 金額 as asked only when they are the topic, not in passing', () => {
    expect(kinds('精算の期限は？')).toEqual(['when']);
    expect(kinds('E6003 代理 期限切れ')).toEqual([]);
    expect(kinds('旅行命令を申請した後で日付の誤りに気づきました。直すには？')).toEqual([]);
    expect(kinds('謝金の単価って？')).toEqual(['amount']);
    expect(kinds('対象になる予算の総額は？')).toEqual(['amount']);
    expect(kinds('領収書に合計金額しか書かれていません。添付して問題ない？')).toEqual([]);
  });
  it('does not take a place on a screen (どこに入力) for a person to ask', () => {
    expect(kinds('高速バス代ってどこに入れる？')).toEqual([]);
    expect(kinds('委員の新幹線代はどこに入力するの？')).toEqual([]);
  });
  it('does not take everyday words for questions: いくつか, 何度も, いつも', () => {
    expect(kinds('精算に必要な書類をいくつか教えて')).toEqual([]);
    expect(kinds('区分はいくつある？')).toEqual(['number']);
    expect(kinds('1枚の領収書を何度も添付する必要がある？')).toEqual([]);
    expect(kinds('いつもエラーになる')).toEqual([]);
    expect(kinds('いつか使えるようになる？')).toEqual([]);
    expect(kinds('ガイドラインはいつから運用する？')).toEqual(['when']);
    // However many times (何回やっても, 何日も) or several (何回か) counts nothing asked.
    expect(kinds('E9001 システムエラーが何回やっても出ます。どこに連絡したらいいですか？')).toEqual(['who']);
    expect(kinds('何回か試しました')).toEqual([]);
    expect(kinds('何日かかる？')).toEqual(['when', 'number']);
  });
  it('ignores what the question quotes', () => {
    expect(kinds('チャットに「いくらもらえる？」ってきいたら金額を決めてくれる？')).toEqual([]);
  });
});

describe('STRONG_HOLDS', () => {
  it('reads an amount in large units as an amount (「約5400億円」「3,111百万円」), not a bare figure', () => {
    expect(STRONG_HOLDS.amount.test('経費計約5400億円(R2基準額)')).toBe(true);
    expect(STRONG_HOLDS.amount.test('3,111百万円')).toBe(true);
    expect(STRONG_HOLDS.amount.test('1夜につき2,400円')).toBe(true);
    expect(STRONG_HOLDS.amount.test('1.5万円')).toBe(true);
    expect(STRONG_HOLDS.amount.test('約5400億')).toBe(false);
  });
});
