import { describe, expect, it } from 'vitest';
import { asksVenue, givesPlace } from '../../src/text/venues.ts';
import { prepare } from '../../src/text/tokenize.ts';

describe('venues', () => {
  it('reads a question asking where a meeting or an event is held', () => {
    for (const q of ['第3回の協議会はどこで開催されたんですか', '行政事業レビューAIアイデアソン・ハッカソンの会場はどこ？', '説明会の開催場所を教えて', '説明会はどこで開かれる？']) expect(asksVenue(prepare(q))).toBe(true);
    // Where a page can be read, or which body: no venue.
    for (const q of ['GCASガイドってどこで見られる？', '一番削減できた府省庁はどこですか？', 'この資料はどこが作ったの？', '外部の先生に謝金を払う手続は、SEABISのどこで行いますか。', '自宅の住所を登録したい。どこでやるんですか']) expect(asksVenue(prepare(q))).toBe(false);
  });
  it('takes a venue field, an online meeting, a room or a place in brackets as a place given', () => {
    for (const t of ['2.場所オンライン開催', '住基ネット担当者説明会(都内)の開催', '中央合同庁舎第4号館 12階 共用会議室']) expect(givesPlace(prepare(t))).toBe(true);
    expect(givesPlace(prepare('第4弾:行政事業レビューAIアイデアソン・ハッカソン開催日:2025年5月16日(予定)・担当:内閣官房行政改革推進本部事務局'))).toBe(false);
  });
});
