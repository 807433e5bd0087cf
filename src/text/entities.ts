// A question asking which body of a kind it is — which ministry, which prefecture, which
// municipality, which company (「どの府省？」「まだ導入していない都道府県はどこ？」「どこの会社？」) —
// and what text names one. An answer that names no body of that kind, only the kind itself
// (「各府省庁」「一部低調府省」「都道府県」), does not answer: the document says how many or that some
// do, not which. And a body a question names as its condition (「一宮市だと何倍？」), which an answer
// naming another body of that kind (「山口県では約3.6倍」) does not answer either (otherBodyAnswered).
import { prepare } from './tokenize.ts';

export interface AskedBody {
  /** How a decline names what is missing (「府省庁名」). */
  label: string;
  /** Every body of the kind a text names (its instances, not the kind's own words). */
  named: (text: string) => string[];
}

const WHICH = '(?:どこの|どちらの|どの)\\s*';
/** 「…はどこ」 as the thing asked, not where or how to do something (「どこで判定」「どこに頼めば」「どこに入力」) nor a recommendation (「どこがいい」). */
const IS_WHERE = '\\s*(?:(?:は|って|が|とは)[、,\\s]*(?:具体的に|実際に|一体)?)?\\s*(?:どこ|どちら)(?!\\s*(?:に|で(?!す|しょ)|から|へ|を|まで|も|が(?:いい|よい|良い|おすすめ)))';
/**
 * What may follow the kind a which-question asks: not a longer word (「庁舎」「市場」「町内」「省エネ」), not a
 * concession, condition or range (「どの都道府県でも同じ」「どの府省庁も使える」「どの市町村までが近距離」), not where or how to do something
 * (「どこの県で判定」「どの府省に提出」), not a thing of the body's (「どこの省庁の様式」, which a rule answers:
 * 「府省庁の様式による」).
 */
const KIND_END = '(?![\\p{Script=Han}\\p{Script=Katakana}])(?!\\s*(?:でも|ても|だと|なら|ごと|で(?!す|しょ)|に|へ|から|を|の|も|まで))';
/** The kind's name asked for outright (「省庁名を教えて」「会社名は？」), not a field named (「旅行会社名」欄, 「所属府省名でもいい」). */
const NAME_ASKED = '名(?:を(?:教え|挙げ|知りた)|は(?:何|[?？]|$)|って(?:何|[?？]|$))';

/** The kind as a word of its own (「都市はどこ」 asks no municipality, 「旅行会社はどこ」 no company). */
const OWN_WORD = '(?<![\\p{Script=Han}\\p{Script=Katakana}])';
/** A pattern for a question asking which body of a kind, by the words for the kind. */
const asksFor = (kinds: string) => new RegExp(`${WHICH}(?:${kinds})${KIND_END}|${OWN_WORD}(?:${kinds})${IS_WHERE}|${OWN_WORD}(?:${kinds})${NAME_ASKED}`, 'u');
/** A question about what to write in a form (「宛名に書く府省庁名って何」「会社名を入力」): a field, not a body asked. */
export const ABOUT_A_FIELD = /書く|書け|書き|記入|記載|入力|登録|宛名|欄|様式/u;

/**
 * The kinds, each with the words a question names it by and the names of its bodies: a ministry or
 * agency ends in 省 or 庁 after its own name (not 府省, 省庁, 各省, 官公庁); a prefecture in 県, or is one
 * of the four that do not; a municipality in 市, 町, 村 or 区 after its own name (not 市町村, 都市, 中核市);
 * a company in 社 after its name, or is a 株式会社. Read after NFKC, lower-cased (prepare).
 */
const KINDS: Array<{ label: string; asks: RegExp; body: RegExp; generic: RegExp }> = [
  {
    label: '府省庁名',
    asks: asksFor('府省庁|府省|省庁|省|庁'),
    body: /(?:[\p{Script=Katakana}ー]{2,}|\p{Script=Han}{1,6})(?<![府省各公全諸当同本自都県道])(?:省(?!庁)|庁)|内閣府|内閣官房|人事院|会計検査院/gu,
    generic: /^官庁$/u,
  },
  {
    label: '都道府県名',
    asks: asksFor('都道府県|県'),
    body: /\p{Script=Han}{1,3}(?<![都道府各全当同本他隣近身])県|東京都|北海道|大阪府|京都府/gu,
    generic: /^$/u,
  },
  {
    label: '市町村名',
    asks: asksFor('市区町村|市町村|市町|自治体|市|町|村'),
    body: /\p{Script=Han}{1,4}(?<![市町村区都各全当同本核令定地管])(?:市|町|村|区)(?![長場民議会域分内])|\p{Script=Han}{1,3}(?<![都道府各全当同本他隣近身])県|東京都|北海道|大阪府|京都府/gu,
    generic: /^(?:特別区|地区|管区|選挙区)$/u,
  },
  {
    label: '会社名',
    asks: asksFor('会社|企業|事業者|ベンダー|メーカー'),
    body: /株式会社|(?:[\p{Script=Katakana}ー]{2,}|\p{Script=Han}{2,}|[a-z][a-z0-9]+)(?<![各同他本会商支聞版])社(?![会員長内外])/gu,
    generic: /^(?:事業者社)$/u,
  },
];

/** The labels of the kinds (how a decline names what is missing). */
export const BODY_LABELS: readonly string[] = KINDS.map((k) => k.label);

/** The kind of body the question asks which of, if it asks (the first kind that fits). */
export function askedBody(question: string): AskedBody | null {
  const p = prepare(question);
  if (ABOUT_A_FIELD.test(p)) return null;
  const kind = KINDS.find((k) => k.asks.test(p));
  if (!kind) return null;
  // The one body the question names and makes its topic (「A社って、どの会社？」) answers nothing. One
  // named as a condition (「兵庫県のホテルに泊まりました。どちらの県？」) may well be the answer, and of
  // two or more it asks which (「千葉県か東京都か、どちらの県？」).
  const named = [...new Set([...p.matchAll(kind.body)].map((m) => m[0]))];
  const topic = named.length === 1 && p.includes(named[0]!) && /^\s*(?:って|とは|は)/u.test(p.slice(p.indexOf(named[0]!) + named[0]!.length));
  const own = new Set(topic ? named : []);
  return {
    label: kind.label,
    named: (text) => [...prepare(text).matchAll(kind.body)].map((m) => m[0]).filter((b) => !own.has(b) && !kind.generic.test(b)),
  };
}

/** The kinds a question may name a body of as its condition: ministries, prefectures, municipalities (not companies, which questions name as examples: 「A社」). */
const CONDITION_KINDS = KINDS.filter((k) => k.label !== '会社名');

/**
 * Whether two names are one body's: the same, one holding the other (「山口県」 in 「村岡山口県知事」), or
 * one shortened from the other, keeping its first and last characters in order (「厚労省」 for
 * 「厚生労働省」, 「国交省」 for 「国土交通省」).
 */
function sameBody(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short[0] !== long[0] || short.at(-1) !== long.at(-1)) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * A body the question names as its condition (「一宮市の試算だと何倍？」「防衛省のものには何がある？」)
 * when the answer names none of the bodies of that kind the question names, but another of the kind
 * (「山口県におきましても…約3.6倍」): the passages give the figure for someone else. Null when the
 * answer names the body asked about, names no body of the kind (a rule for all), or the question asks
 * which body it is (askedBody). Read after prepare().
 */
export function otherBodyAnswered(question: string, answer: string): string | null {
  if (askedBody(question)) return null;
  const q = prepare(question);
  const a = prepare(answer);
  for (const kind of CONDITION_KINDS) {
    const asked = [...new Set([...q.matchAll(kind.body)].map((m) => m[0]))].filter((b) => !kind.generic.test(b));
    if (asked.length === 0) continue;
    const given = [...new Set([...a.matchAll(kind.body)].map((m) => m[0]))].filter((b) => !kind.generic.test(b));
    if (given.length > 0 && !asked.some((b) => a.includes(b) || given.some((g) => sameBody(b, g)))) return asked[0]!;
  }
  return null;
}

/** Whether a text is one body's name of a kind a question may name as its condition (how declines.ts tells otherBodyAnswered's gap). */
export function isBodyName(text: string): boolean {
  return CONDITION_KINDS.some((k) => [...text.matchAll(k.body)].some((m) => m[0] === text));
}
