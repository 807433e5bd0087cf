import { describe, expect, it } from 'vitest';
import { findPii, luhn, redact, validMyNumber } from '../../src/risk/pii.ts';

// A valid My Number built with the check-digit rule, and one with a wrong check digit.
function withCheckDigit(eleven: string): string {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(eleven[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return eleven + (r <= 1 ? 0 : 11 - r);
}
const MY_NUMBER = withCheckDigit('12345678901');
const NOT_MY_NUMBER = MY_NUMBER.slice(0, 11) + ((Number(MY_NUMBER[11]) + 1) % 10);

describe('personal data detection', () => {
  it('knows the My Number check digit and Luhn', () => {
    expect(validMyNumber(MY_NUMBER)).toBe(true);
    expect(validMyNumber(NOT_MY_NUMBER)).toBe(false);
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
  });
  it('finds each kind in ordinary sentences', () => {
    const kinds = (s: string) => findPii(s).map((m) => m.kind);
    expect(kinds(`マイナンバーは${MY_NUMBER}です`)).toEqual(['my_number']);
    expect(kinds(`個人番号 ${MY_NUMBER.slice(0, 4)}-${MY_NUMBER.slice(4, 8)}-${MY_NUMBER.slice(8)}`)).toEqual(['my_number']);
    expect(kinds('携帯は090-1234-5678、職場は03-5555-0123です')).toEqual(['phone', 'phone']);
    expect(kinds('連絡先は taro.yamada@example.go.jp まで')).toEqual(['email']);
    expect(kinds('振込先を普通 1234567 に変えたい')).toEqual(['bank_account']);
    expect(kinds('カード 4111 1111 1111 1111 で払った')).toEqual(['card']);
    expect(kinds('住所は東京都千代田区霞が関1-2-3です')).toEqual(['address']);
    expect(kinds('職員番号 123456 山田太郎の出張です')).toEqual(['staff_id_name']);
  });
  it('leaves look-alikes alone', () => {
    for (const s of [
      'マイナンバーカードの写しは添付が必要ですか',
      `予約番号 ${NOT_MY_NUMBER} の出張です`,
      '宿泊手当は2,400円です',
      '2025年4月1日以降の出張',
      'E5003が出ました',
      '〒100-8926 の庁舎',
      '口座番号を変更する画面はどこですか',
      '電話番号の欄はどこにありますか',
    ]) expect(findPii(s), s).toEqual([]);
  });
  it('redacts values, keeping the rest of the sentence', () => {
    expect(redact(`マイナンバー${MY_NUMBER}、電話090-1234-5678`)).toEqual({ text: 'マイナンバー【個人番号】、電話【電話番号】', kinds: ['my_number', 'phone'] });
    expect(redact('ふつうの質問です')).toEqual({ text: 'ふつうの質問です', kinds: [] });
  });
});
