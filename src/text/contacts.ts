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

/** A web address: with a scheme or www., or a host under a common top-level domain (not an e-mail's). */
const URL_HELD = /https?:\/\/|www\.|(?<![@\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:jp|com|net|org|info)(?:\/\S*)?(?![\w.-]*@)|\.html?\b/u;
/** An e-mail address, or one written so that robots do not read it (「xxx(at)…」「★を@に」「アットマーク」). */
const MAIL_HELD = /[\w.+-]+@[\w-]+\.[\w.-]+|[\w.+-]+\s*[([（]\s*at\s*[)\]）]|を\s*@\s*に|アットマーク/u;
/** A telephone number with any separator PDFs print (spaces, hyphens, dashes, brackets, dots), or an extension. */
const SEP = '[-‐‑–—―−ー－.\\s()（）]';
const PHONE_HELD = new RegExp(`(?<!\\d)(?:\\+81${SEP}*|0)\\d{1,4}${SEP}+\\d{1,4}${SEP}+\\d{3,4}(?!\\d)|(?<!\\d)0\\d{9,10}(?!\\d)|内線\\s*\\d{2,}`, 'u');

/** Where a contact is (「…はどこですか」「…はどこに載って」), not where to do something (「どこで確認できますか」). */
const WHERE = 'どこ(?:ですか|でしょうか|[?？]|$|に(?:あり|載って|書いて))';
/**
 * The form named as what is asked, bound to a question or a request (「…のメールアドレスは？」「電話番号を
 * 教えて」「メールアドレスや電話番号はどこですか」「電話番号は載っていますか」), not as what the asker does
 * with their own (「メールアドレスを変更したい」「電話番号を入力する欄」「メールアドレスは必須ですか」
 * 「電話番号は何桁まで」「メールアドレスと電話番号を登録する画面はどこ？」).
 */
const ASKED = `(?=\\s*(?:(?:は|って)\\s*(?:${WHERE}|何番|なん番|[?？]|$|(?:載って|書いて)(?:い|あり)|ありますか|ある[?？]|教えて)|を(?:教え|知りた)|が(?:知りた|載って|書いて)|も(?:載って|書いて)|や[^、。？?]{1,12}(?:は|って)\\s*(?:${WHERE}|[?？]|$|(?:載って|書いて)|教えて)|や[^、。？?]{1,12}を(?:教え|知りた)))`;

export const CONTACT_FORMS: ContactForm[] = [
  { label: 'URL', asks: new RegExp(`(?:url|ホームページのアドレス|サイトのアドレス)${ASKED}|どこの(?:url|ウェブサイト|ホームページ)`, 'u'), holds: URL_HELD },
  { label: 'メールアドレス', asks: new RegExp(`(?:メールアドレス|メアド|e-?mail)${ASKED}`, 'u'), holds: MAIL_HELD },
  { label: '電話番号', asks: new RegExp(`(?:電話番号|fax番号|ファックス番号|ファクス番号)${ASKED}|何番に(?:電話|かけ)`, 'u'), holds: PHONE_HELD },
];

/**
 * A passage that says how to reach the contact rather than printing it (「サポートデスクの連絡先は、
 * 会計担当から案内される連絡先を確認してください」): it answers a contact question, and no decline replaces it.
 */
export const GUIDES_TO_CONTACT = /(?:連絡先|問い?合わ?せ先|窓口)[^。]{0,40}(?:確認して|案内|問い?合わ?せて|お尋ね)|(?:案内される|確認できる)[^。]{0,20}(?:連絡先|問い?合わ?せ先)/u;

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
