import { describe, expect, it } from 'vitest';
import { askedContacts, holdsContact } from '../../src/text/contacts.ts';

const labels = (q: string) => askedContacts(q).map((f) => f.label);

describe('contacts', () => {
  it('reads the forms of contact a question asks for', () => {
    expect(labels('生成AIのAI相談窓口に相談したいとき、メールアドレスや電話番号はどこですか？')).toEqual(['メールアドレス', '電話番号']);
    expect(labels('手引と施策事例集は、どこのURLからダウンロードできますか？')).toEqual(['URL']);
    expect(labels('相談窓口の電話番号を教えてください。')).toEqual(['電話番号']);
    expect(labels('サポートデスクのメアドって？')).toEqual(['メールアドレス']);
  });

  it('does not read a contact the asker does something with as one asked for', () => {
    expect(labels('代理入力者のメールアドレスを変更したいのですが、どの画面ですか')).toEqual([]);
    expect(labels('連絡先の電話番号を入力する欄はどこ？')).toEqual([]);
    expect(labels('ホームページはいつ更新されますか')).toEqual([]);
  });

  it('finds a web address, an e-mail address or a telephone number in a text, and not a desk named without one', () => {
    const [url, mail, phone] = askedContacts('URLとメールアドレスと電話番号は？');
    expect(holdsContact('詳しくは https://www.digital.go.jp/ を参照', [url!])).toBe(true);
    expect(holdsContact('問い合わせ: support@example.go.jp', [mail!])).toBe(true);
    expect(holdsContact('SEABISサポートデスク(電話 03-1234-5678、平日9時〜18時)', [phone!])).toBe(true);
    expect(holdsContact('内線 4521 まで', [phone!])).toBe(true);
    expect(holdsContact('相談窓口等の仕組みを通じ、実施をサポートする', [url!, mail!, phone!])).toBe(false);
    // A date or an amount is no telephone number.
    expect(holdsContact('2025-05-16 開催、予算 1,200-3,000 万円', [phone!])).toBe(false);
  });
});
