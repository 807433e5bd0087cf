// A question asking yes or no (「そのまま直せる？」「他律的要因として認めてもらえますか？」), answered by a
// sentence that denies it (「…修正することはできません。」「…他律的要因として認めていない」): the answer
// opens with 「いいえ、」. Only a denial is read, from how the sentence ends (Japanese puts its
// negation last); a sentence that affirms may answer a neighbouring question, so no 「はい、」 is
// guessed.
import { clean } from './sentences.ts';

/** A word asking for something other than yes or no. */
const QUESTION_WORD = /何|なに|なん[でか]|いつ|どこ|誰|だれ|どなた|どう|どの|どれ|どんな|どちら|どっち|いくら|いくつ|幾ら|なぜ|何故|教えて|知りたい/u;
/** The question's last clause asks (「…か？」「…できる？」「…大丈夫？」), ending in a question mark or 「か」. */
const ASKS = /(?:か|[？?])[。]?$/u;
/**
 * A question asking in the negative (「…必要ないですか？」) or whether one must (「…しなきゃだめ？」): 「いいえ」
 * would answer it the other way round.
 */
const ASKS_NEGATIVE = /(?:ない|ません|なく|ないで)(?:ん|の)?(?:です|でしょう)?か?[？?]?$|なきゃ|なければ|なくて|なくちゃ|ないと/u;
/** Whether there is any (「…ことってありますか」): often asks which ones, not yes or no. */
const ASKS_ANY = /(?:あり|ある|あります)(?:ます)?(?:か|の)?[？?]?$/u;
/** A sentence that ends denying (「できません」「認めていない」「支給されません」「行わない」). */
const DENIES = /(?:ない|ません|ず)(?:でした)?[)）」]?$/u;
/** Endings negative in form that allow (「…しても構いません」「差し支えありません」「問題ありません」). */
const ALLOWS = /(?:構わ|構い|かまわ|かまい|差し支え|差支え|問題|支障)(?:は|が)?(?:ない|ません|ありません)[)）」]?$/u;
/** A sentence that is already a reply (「いいえ。…」) or a caveat to one (「ただし、…」「なお、…」). */
const NOT_A_REPLY = /^(?:はい|いいえ|ただし|ただ、|なお|また|しかし)/u;

/** Whether the question asks yes or no (and not in the negative). */
export function asksYesNo(question: string): boolean {
  const q = question.trim();
  const last = q.split(/(?<=[。？?！!])/u).map((x) => x.trim()).filter((x) => x.length > 0).at(-1) ?? q;
  return !QUESTION_WORD.test(q) && ASKS.test(last) && !ASKS_NEGATIVE.test(last) && !ASKS_ANY.test(last);
}

/** Whether a sentence (one, not a line of several) ends by denying, and can take a reply before it. */
export function denies(sentence: string): boolean {
  const text = clean(sentence).replace(/[。！]$/u, '');
  return !/[。！？]/u.test(text) && !NOT_A_REPLY.test(text) && DENIES.test(text) && !ALLOWS.test(text);
}

/** How far from its end a sentence's predicate reaches (「…することはできません」). */
const PREDICATE_REACH = 16;

/**
 * Whether the sentence denies what the question asks, not something else: the question's last
 * word in kanji or katakana (its predicate: 「認めてもらえますか」 → 認) stands in the denial at the
 * sentence's end. 「自腹ですか」 is not answered 「いいえ」 by 「…支給されません」, which denies another verb.
 */
export function deniesAsked(question: string, sentence: string): boolean {
  if (!denies(sentence)) return false;
  const asked = question.match(/[\p{Script=Han}\p{Script=Katakana}ー]+/gu)?.at(-1);
  const text = clean(sentence).replace(/[。！]$/u, '');
  return asked !== undefined && text.slice(-PREDICATE_REACH).includes(asked);
}
