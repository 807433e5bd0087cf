// A question asking what a term means (「「効果」ってどういう意味？」「PMOって何の略？」) and the line
// that defines it: slides and reports define their terms in a glossary line (「「効果」…利益を金額換算
// したもの。」), after a colon (「②ワンスオンリー:…」), with 「とは」, or by an abbreviation's expansion
// (「SLA(Service Level Agreement …)」). Read by the retrieval (the kind of fact asked) and by the
// extractive answer (the line that leads). Both work on prepared text (tokenize.ts prepare).

/** 「とは」 that does not define (「…とは別に」「…とは違う」「…とは限らない」). */
const NOT_DEFINING = '(?!\\s*(?:別|違|異な|限|関係|言え|いえ))';

/**
 * A question asking what a term means or stands for: not 「…って何日前まで」「…って何円」 (a count),
 * 「…ってどうやるの」 (how), nor 「…とは別に」「…とは限らない」.
 */
const ASKS_DEFINITION = new RegExp(`とは${NOT_DEFINING}|定義|って(?:何|なに)(?![\\p{Script=Han}\\p{Script=Katakana}])|ってどういう|どういう意味|意味は|何の略|を指す|指して|どういうもの|どんなもの|何のこと|には何が含まれ`, 'u');
/** The term before the words that ask its meaning. */
const ASKED_TERM = new RegExp(`([\\p{Script=Han}\\p{Script=Katakana}a-z0-9ー・][\\p{Script=Han}\\p{Script=Katakana}a-z0-9ー・-]{1,19})(?:って|とは${NOT_DEFINING}|の意味|が指す|は何の略)`, 'u');
/** A definition's mark after the term (「とは」「:」「…」「...」「(Service…」). */
const DEFINING_MARK = new RegExp(`^\\s*(?:とは${NOT_DEFINING}|[:：…]|\\.{2,}|[(（][a-z])`, 'u');

/** The term a question asks the meaning of (「「効果」ってどういう意味」 → 効果, 「PMOって何の略」 → pmo), if it asks one. */
export function definedTerm(question: string): string | null {
  if (!ASKS_DEFINITION.test(question)) return null;
  const quoted = /「([^」]{1,20})」/u.exec(question);
  if (quoted) return quoted[1]!;
  const m = ASKED_TERM.exec(question);
  return m ? m[1]! : null;
}

/** A prepared line that defines the term: it opens with it (after a bullet or number, ② read as 2) and a definition's mark (「「効果」…」「X:」「Xとは」「X(Program…)」). */
export function defines(line: string, term: string): boolean {
  const t = line.replace(/^(?:[-・●○◯■□※*]|[①-⑳]|\d{1,2}(?:[.．)]|(?![\d,.]))|[(（]\d{1,2}[)）]|\s)+/u, '');
  const at = t.startsWith(`「${term}」`) ? term.length + 2 : t.startsWith(term) ? term.length : -1;
  if (at < 0) return false;
  return DEFINING_MARK.test(t.slice(at));
}
