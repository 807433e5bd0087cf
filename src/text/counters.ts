// The counters a question asks a number in (「何％」「何人」「何システム」) and how a figure in each is
// written, so that a sentence with digits but none in that counter is not taken to say how many.
// Read by the rule for figures (retrieval/evidence.ts unmetQualifiers) and by the extractive
// answer, which adds the sentence holding the figure asked for.

import { STRONG_HOLDS, ownWords } from './answer-types.ts';

const AMOUNT = STRONG_HOLDS.amount;

/**
 * Kanji after 何 that count things, so that a figure in them answers (「何条項」「何点」「何校」). Others
 * name a kind that a figure does not give: 何形式 (「PDF、JPEG」), 何線, 何便, 何曜日, 何度も, 何種類
 * (answered by a list); 円, 年, 月, 日, 割 and km have rules of their own.
 */
const KANJI_COUNTERS = /[人名件回点条項校局課室機台冊通本週位桁拠省府県都市町村団社泊枚歳級階号倍]/u;
/** Small kana that stand for 「か」 in counters: 何ヶ月, 何カ所. */
const SMALL_KA = '[かヶカヵケ]';

/** Katakana units a figure may give in Latin letters (「10MB」 for 何メガ). */
const LATIN_UNITS: Record<string, string> = { メガ: 'mb', メガバイト: 'mb', ギガ: 'gb', ギガバイト: 'gb', キロバイト: 'kb', ポイント: 'pt' };

/**
 * Counters a question asks a number in whose figures are written otherwise than 「<digits><counter>」
 * (「何％」 by 「30%」 or 「3割」, 「何人」 by 「5名」, 「何ヶ月」 by 「1か月」): a sentence with digits but
 * none in that counter does not say how many. Counters written plainly (「何回」「何団体」「何級」) are
 * read from the question by the rule for any counter in askedCounters.
 */
const COUNTERS: Array<[RegExp, RegExp]> = [
  [/何\s*[%％]|何パーセント/u, /\d\s*(?:%|パーセント|割)/u],
  [/何\s*(?:人|名)/u, /\d\s*(?:千|万)?\s*(?:人|名)/u],
  [new RegExp(`何\\s*(?:${SMALL_KA}所|箇所)`, 'u'), new RegExp(`\\d\\s*(?:${SMALL_KA}所|箇所|拠点)`, 'u')],
  [new RegExp(`何\\s*${SMALL_KA}\\s*月`, 'u'), new RegExp(`\\d\\s*${SMALL_KA}\\s*月`, 'u')],
  [/何\s*時間/u, /\d\s*[千万]?\s*時間/u],
  [/何\s*分(?!の)/u, /\d\s*分/u],
  [/何\s*日\s*(?:分|間)/u, /\d\s*日/u],
  // 「何円」「何億円」: an amount in any unit (「1.2万円」「3,111百万円」), as answer-types.ts reads one.
  [/何\s*[百千万億兆]*\s*円/u, AMOUNT],
  [/何\s*文字/u, /\d\s*[千万]?\s*文字/u],
  [/何\s*(?:km|キロ(?!バイト|グラム))/u, /\d\s*(?:km|キロ)/u],
  // 「任期は何年」 asks a length of time; 「何年何月」「何年から」「何年度」 ask when.
  [/何\s*年間?(?!\s*(?:度|前|後|何|から|まで|に|ごろ|頃))/u, /(?<![令和平成rh\d]\s*)\d{1,2}\s*(?:年間?|か年)(?![度\d])/u],
];

/**
 * The counters a prepared question asks a number in (「何％」「何人」「何システム」), each with the
 * pattern of a figure in that counter: a sentence with digits but none in the counter does not
 * say how many.
 */
export function askedCounters(question: string): Array<{ label: string; holds: RegExp }> {
  const asked = ownWords(question);
  const counters = COUNTERS.flatMap(([asks, holds]) => {
    const m = asks.exec(asked);
    return m ? [{ label: m[0], holds }] : [];
  });
  const ordinal = /第\s*何|何\s*(?:条(?!件)|号|項(?!目)|番目|回目)/u.test(asked);
  // Any other counter (「何システム」「何条項」「何点」): a figure in that counter answers it.
  for (const m of asked.matchAll(/何\s*([\p{Script=Han}\p{Script=Katakana}ー]+)/gu)) {
    const unit = m[1]!;
    const katakana = /^[\p{Script=Katakana}ー]/u.test(unit) && !/^[ヶカヵケ]/u.test(unit);
    if ((!katakana && !KANJI_COUNTERS.test(unit[0]!)) || counters.some((c) => c.label.includes(unit[0]!) || c.label.includes(unit))) continue;
    // A kanji counter is one character (何人体制 → 人); a katakana one the whole word (何システム).
    const head = katakana ? unit.match(/^[\p{Script=Katakana}ー]+/u)![0] : unit[0]!;
    const alt = LATIN_UNITS[head] ? `(?:${head}|${LATIN_UNITS[head]})` : head;
    // The counter may follow the number through 「の」 and a hedge (「約260程度のシステム」「11の業務」).
    // A number that labels a figure, table or section (「図1のシステム」「資料3の」), or an ordinal
    // (「第3回」) unless one is asked for (「法律第何号」), counts nothing.
    counters.push({ label: `何${unit}`, holds: new RegExp(`(?<![\\d,.図表紙料章節${ordinal ? '' : '第'}]\\s*)\\d[\\d,]*(?:\\.\\d+)?\\s*(?:[千万億])?\\s*(?:(?:程度|ほど|余り|以上|超)\\s*)?(?:の\\s*)?${alt}`, 'iu') });
  }
  return counters;
}
