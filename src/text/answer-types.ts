// What kind of fact a question asks for (a date, an amount, a count, a person or place), and
// whether a sentence holds such a fact. Used to pick answer sentences and as evidence that the
// passages actually answer (a question asking 「何円」 is not answered by a passage without amounts).

export interface AnswerType {
  name: 'when' | 'amount' | 'number' | 'who';
  asks: RegExp;
  holds: RegExp;
}

export const ANSWER_TYPES: AnswerType[] = [
  // A noun names what is asked only as the question's topic (「期限は？」), not in passing (「期限切れ」「日付の誤り」).
  { name: 'when', asks: /いつ(?!も|か(?!ら)|でも|の間)|日時|何日|何月|何時|(?:日付|期限|締切)(?=\s*(?:は|って|を教|ある|あり|[?？]|$))/u, holds: /\d+年|\d+月|\d+日|\d+:\d+|以内|まで|前日|当日|翌/u },
  { name: 'amount', asks: /いくら|何円|幾ら|(?:金額|単価|総額|予算額|支給額|支払額)(?=\s*(?:は|って|を教|[?？]|$))/u, holds: /\d[\d,]*円|\d[\d,]*万円|円/u },
  { name: 'number', asks: /何(?=[\p{Script=Han}\p{Script=Katakana}%a-zA-Z])|件数|割合|率は|どれくらい|どのくらい|いくつ(?!か)/u, holds: /\d/u },
  // 「どこに」 asks whom to turn to (どこに聞けば, どこに連絡), not where on a screen (どこに入力).
  { name: 'who', asks: /誰|だれ|(?:どこ|どちら)(?:に|へ)(?=\s*(?:聞|き|問|連絡|相談|言|申し出|提出|出せ|出す|届))|窓口|連絡先/u, holds: /担当|窓口|デスク|職員|者|課|係/u },
];

/** Stricter patterns for re-ranking passages (a full date, an amount), where loose ones match everything. */
export const STRONG_HOLDS: Record<AnswerType['name'], RegExp> = {
  when: /\d+月\d+日|\d+:\d+|\d+日(?:以内|まで)/u,
  amount: /\d[\d,.]*[ \u3000]*[百千万億兆]*[ \u3000]*円/u,
  number: /\d/u,
  who: /窓口|担当|デスク/u,
};

/**
 * 何 with a counter that counts nothing asked: 「何回やっても」「何度も」「何日も」 (however many),
 * 「何回か」 (several), not 「何日から」「何日かかる」.
 */
const NO_COUNT_ASKED = /何\s*[\p{Script=Han}]{1,2}(?:[\p{Script=Hiragana}]{0,6}?(?:ても|でも)|も|か(?![らかっ]))/gu;

/** The question without what it quotes (「いくらもらえる？」ってきいたら) and without 何 that counts nothing asked (何回やっても). */
export function ownWords(question: string): string {
  return question.replace(/「[^」]*」/gu, '「」').replace(NO_COUNT_ASKED, ' ');
}

/** The kinds of fact a question asks for. */
export function askedTypes(question: string): AnswerType[] {
  const own = ownWords(question);
  return ANSWER_TYPES.filter((t) => t.asks.test(own));
}
