// Years named in a text, in any of the ways Japanese administrative text writes them
// (2024年, 2024年度, 令和6年度, R6, 平成31年, H30), as Gregorian years. A question about 「令和6年度」
// is not answered by passages that only speak of 令和5年度.

const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => number | null]> = [
  // A bare four-digit number is a year unless a unit follows it (「2000円」「1900人」) or it is part
  // of a code or a phone number (「E2001」「03-5253-2011」).
  [/(?<![a-z\d\-,.])((?:19|20)\d{2})(?:年度|年|(?![\d,]|\s*(?:円|ドル|ユーロ|万|千|億|人|名|件|km|キロ|%|％|個|点|回|枚|台|時間|分|社|団体|条|拠点|ユーザ|文字|字|行|mb|kb)))/giu, (m) => Number(m[1])],
  [/令和\s*(\d{1,2}|元)\s*(?:年度|年)?/gu, (m) => 2018 + (m[1] === '元' ? 1 : Number(m[1]))],
  [/平成\s*(\d{1,2}|元)\s*(?:年度|年)?/gu, (m) => 1988 + (m[1] === '元' ? 1 : Number(m[1]))],
  [/(?<![a-z])r\s*(\d{1,2})(?=年|\.|決算|予算|末|補正|$|[^\da-z])/giu, (m) => 2018 + Number(m[1])],
  [/(?<![a-z])h\s*(\d{1,2})(?=年|\.|決算|予算|末|$|[^\da-z])/giu, (m) => 1988 + Number(m[1])],
];

/**
 * Whether a text ends in an era's letter, so that a figure right after it is a year (「R5」「H28」, as
 * the r/h patterns above read them), not the end of a Latin word (「MR5」).
 */
export function endsInEraLetter(text: string): boolean {
  return /(?<![a-z])[rh]$/iu.test(text);
}

/**
 * A fiscal year written with two digits and no era (「28年度」「23年度」), as documents write within
 * an era they never name: 002 of the seed documents writes Heisei years so (「27年度」 for 2015), 003
 * Western ones (「23年度: 85.7%」 for 2023). Read as each year it may be — Heisei, Western, Reiwa —
 * so that it meets a question naming any of them, and 「28年度」 meets 「28年度」.
 */
const BARE_FISCAL_YEAR = /(?<![\d.,a-zA-Z元年第])(?<!(?:令和|平成|昭和)\s*)(\d{2})\s*年度/gu;

function bareReadings(nn: number): number[] {
  return [...(nn <= 31 ? [1988 + nn] : []), 2000 + nn, 2018 + nn];
}

/**
 * Each year named in the text with the words that name it (「令和6年度」「R6」「2024年」) and where they
 * end in the text, in order of pattern.
 */
export function yearPhrases(text: string): Array<{ phrase: string; year: number; end: number }> {
  const out: Array<{ phrase: string; year: number; end: number }> = [];
  for (const [re, toYear] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const y = toYear(m);
      if (y !== null && y >= 1989 && y <= 2100) out.push({ phrase: m[0].trim(), year: y, end: m.index + m[0].length });
    }
  }
  BARE_FISCAL_YEAR.lastIndex = 0;
  for (let m = BARE_FISCAL_YEAR.exec(text); m; m = BARE_FISCAL_YEAR.exec(text)) {
    for (const y of bareReadings(Number(m[1]))) if (y >= 1989 && y <= 2100) out.push({ phrase: m[0].trim(), year: y, end: m.index + m[0].length });
  }
  return out;
}

export function yearsIn(text: string): Set<number> {
  return new Set(yearPhrases(text).map((p) => p.year));
}
