import { describe, expect, it } from 'vitest';
import { CONTACT_FORMS, askedContacts, holdsContact } from '../../src/text/contacts.ts';

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
    for (const q of [
      '通知先のメールアドレスはどこで確認できますか？',
      '旅行命令の取下げはどこのページでできますか？',
      '領収書のPDFはどこから入手した画像でもいいですか？',
      '申請様式はどこからダウンロードできますか？',
      'メールアドレスは必須ですか',
      '電話番号は何桁まで入力できますか',
      '宿泊施設の電話番号がわからない場合、入力は省略できますか？',
      'メールアドレスと電話番号を登録する画面はどこ？',
      'メールアドレスや所属を変更したい',
      'ダウンロード先のフォルダを変えたい',
    ]) expect(labels(q), q).toEqual([]);
  });

  it('finds a web address, an e-mail address or a telephone number in a text, and not a desk named without one', () => {
    const [url, mail, phone] = CONTACT_FORMS;
    expect(holdsContact('詳しくは https://www.digital.go.jp/ を参照', [url!])).toBe(true);
    expect(holdsContact('問い合わせ: support@example.go.jp', [mail!])).toBe(true);
    expect(holdsContact('SEABISサポートデスク(電話 03-1234-5678、平日9時〜18時)', [phone!])).toBe(true);
    expect(holdsContact('内線 4521 まで', [phone!])).toBe(true);
    // Separators as PDFs print them, a country code, a host without a scheme, an address written against robots.
    for (const t of ['電話 03 4477 6775', '03–5253–2111', '+81-3-5253-2111', '03.5253.2111']) expect(holdsContact(t, [phone!]), t).toBe(true);
    expect(holdsContact('seabis.example.com/manual を参照', [url!])).toBe(true);
    expect(holdsContact('support(at)example.go.jp', [mail!])).toBe(true);
    // An e-mail address is no web address.
    expect(holdsContact('問い合わせ: support@digital.go.jp', [url!])).toBe(false);
    expect(holdsContact('相談窓口等の仕組みを通じ、実施をサポートする', [url!, mail!, phone!])).toBe(false);
    // A date or an amount is no telephone number.
    expect(holdsContact('2025-05-16 開催、予算 1,200-3,000 万円', [phone!])).toBe(false);
  });
});
