// A contact asked for in a form of its own — a web address, an e-mail address, a telephone or fax
// number — and what text holds one. A document that names a desk or a page without its address
// (「相談窓口を設ける」「手引を提供」) does not give it, and an answer quoting that line tells the
// asker nothing they can use.
import { prepare } from './tokenize.ts';

export interface ContactForm {
  /** How the decline names what is missing (「URL」). */
  label: string;
  /** The question asks for it. */
  asks: RegExp;
  /** A text holds one. */
  holds: RegExp;
}

const URL_HELD = /https?:\/\/|www\.|\.go\.jp|\.lg\.jp|\.html?\b/u;
const MAIL_HELD = /[\w.+-]+@[\w-]+\.[\w.-]+|[\w.+-]+\s*[(（]\s*at\s*[)）]/u;
const PHONE_HELD = /(?<!\d)0\d{1,4}\s*[-‐−ー(（)）]\s*\d{1,4}\s*[-‐−ー)）]\s*\d{3,4}(?!\d)|(?<!\d)0\d{9,10}(?!\d)|内線\s*\d{2,}/u;

/**
 * The form named as what is asked (「…のメールアドレスは？」「電話番号を教えて」「URLや…」), not as what
 * the asker does with their own (「メールアドレスを変更したい」「電話番号を入力する欄」).
 */
const ASKED = '(?=\\s*(?:は|って|を(?:教え|知りた)|が(?:知りた|分か|わか)|(?:も|が|は)?載って|や|と|[?？]|$))';

export const CONTACT_FORMS: ContactForm[] = [
  { label: 'URL', asks: new RegExp(`(?:url|ホームページのアドレス)${ASKED}|どこの(?:url|サイト|ページ)|どこから(?:ダウンロード|入手)|ダウンロード先`, 'u'), holds: URL_HELD },
  { label: 'メールアドレス', asks: new RegExp(`(?:メールアドレス|メアド|e-?mail)${ASKED}|どこにメール`, 'u'), holds: MAIL_HELD },
  { label: '電話番号', asks: new RegExp(`(?:電話番号|fax番号|ファックス番号|ファクス番号)${ASKED}|何番に(?:電話|かけ)`, 'u'), holds: PHONE_HELD },
];

/** The contact forms a question asks for (「メールアドレスや電話番号はどこですか？」 asks two). */
export function askedContacts(question: string): ContactForm[] {
  const q = prepare(question);
  return CONTACT_FORMS.filter((f) => f.asks.test(q));
}

/** Whether a text holds a contact in any of these forms. */
export function holdsContact(text: string, forms: readonly ContactForm[]): boolean {
  const t = prepare(text);
  return forms.some((f) => f.holds.test(t));
}
