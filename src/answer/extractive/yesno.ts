// A question asking yes or no (「そのまま直せる？」「他律的要因として認めてもらえますか？」), answered by a
// sentence that denies it (「…修正することはできません。」「…他律的要因として認めていない」): the answer
// opens with 「いいえ、」. Only a denial is read, from how the sentence ends (Japanese puts its
// negation last), leaving out endings negative in form that do not deny (NOT_DENIAL); a sentence
// that affirms may answer a neighbouring question, so no 「はい、」 is guessed. A wrong 「いいえ」 costs
// more than none: every condition errs towards no reply.
import { clean } from './sentences.ts';

/** A word asking for something other than yes or no. */
const QUESTION_WORD = /何|なに|なん[でか]|いつ|どこ|誰|だれ|どなた|どう|どの|どれ|どんな|どちら|どっち|いくら|いくつ|幾ら|なぜ|何故|教えて|知りたい/u;
/** The question's last clause asks (「…か？」「…できる？」「…大丈夫？」), ending in a question mark or 「か」. */
const ASKS = /(?:か|[？?])[。]?$/u;
/**
 * A question asking in the negative (「…必要ないですか？」「タクシーはだめ？」) or whether one must
 * (「…しなきゃだめ？」): 「いいえ」 would answer it the other way round.
 */
const ASKS_NEGATIVE = /(?:ない|ません|なく|ないで)(?:ん|の)?(?:です|でしょう)?か?[？?]?$|なきゃ|なければ|なくて|なくちゃ|ないと|だめ|ダメ|駄目|NG|不可|禁止|無理/u;
/** 「申請期限は？」「上限って？」: what about it, not yes or no. */
const ASKS_ABOUT = /(?:は|が|も|を|に|で|って|とは)\s*[？?]$/u;
/** A sentence that ends denying (「できません」「認めていない」「支給されません」「行わない」). */
const DENIES = /(?:ない|ません|ず)(?:でした)?[)）」]?$/u;
/**
 * Endings negative in form that do not deny: an allowance (「…しても構いません」「差し支えございません」
 * 「制限はありません」「禁止していません」「妨げない」), an obligation (「…しなければならない」「せざるを得ない」),
 * the only way (「…でしか支払えません」「ほかありません」), a hedge (「かもしれない」「に過ぎない」「とは限らない」
 * 「わけではない」).
 */
const NOT_DENIAL = new RegExp(
  [
    '(?:構わ|構い|かまわ|かまい|差し?支え|問題|支障|制限|制約|禁止して|禁止されて|妨げ)(?:は|が|も)?(?:い)?(?:ない|ません|ありません|ございません)',
    'なければ(?:ならない|なりません)|なくては(?:ならない|なりません|いけない|いけません)|ねばならない|ざるを(?:得|え)(?:ない|ません)',
    'しか[^。、]{0,30}(?:ない|ません)|(?:ほか|以外に?)は?(?:ない|ありません)',
    'かもしれ(?:ない|ません)|に(?:過|す)ぎ(?:ない|ません)|とは限ら(?:ない|ず)|とは限りません|わけでは(?:ない|ありません)',
  ].join('|'),
  'u',
);
/**
 * A sentence that is already a reply (「いいえ。…」「A: いいえ、…」), a caveat to one (「ただし、…」), one
 * that opens with a condition (「承認後は…できません」: yes until then), or a line that opens with a
 * number or a tag (「2 国の行政機関等は…」「【注意】…」).
 */
const NOT_A_REPLY = /^(?:.{0,8}(?:はい|いいえ)|ただし|ただ、|なお|また|しかし|\d|[【〔\[(（<＜]|[^、。]{0,30}(?:後は|後には|場合は|場合には|ときは|時は|前は|までは))/u;

/** Whether the question asks yes or no (and not in the negative, nor 「Xは？」). */
export function asksYesNo(question: string): boolean {
  const q = question.trim();
  const last = q.split(/(?<=[。？?！!])/u).map((x) => x.trim()).filter((x) => x.length > 0).at(-1) ?? q;
  return !QUESTION_WORD.test(q) && ASKS.test(last) && !ASKS_NEGATIVE.test(last) && !ASKS_ABOUT.test(last);
}

/** The sentence as quoted, without its final 。. */
const bare = (sentence: string) => clean(sentence).replace(/[。！]$/u, '');

/** Whether a sentence (one, not a line of several) ends by denying, and can take a reply before it. */
export function denies(sentence: string): boolean {
  const text = bare(sentence);
  return !/[。！？.]/u.test(text) && !/[A-Za-z]{3,}/u.test(text) && !NOT_A_REPLY.test(text) && DENIES.test(text) && !NOT_DENIAL.test(text);
}

/** How far from its end a sentence's predicate reaches (「…することはできません」). */
const PREDICATE_REACH = 16;

/**
 * Whether the sentence denies what the question asks, not something else: the question's last run
 * of kanji or katakana (most often its verb's stem: 「認めてもらえますか」 → 認; sometimes a noun) stands
 * in the denial at the sentence's end. 「自腹ですか」 is not answered 「いいえ」 by 「…支給されません」, which
 * denies another verb.
 */
export function deniesAsked(question: string, sentence: string): boolean {
  const asked = question.match(/[\p{Script=Han}\p{Script=Katakana}ー]+/gu)?.at(-1);
  return asked !== undefined && denies(sentence) && bare(sentence).slice(-PREDICATE_REACH).includes(asked);
}
