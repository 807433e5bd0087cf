// Facts a document states about itself, in the fields of its header: minutes and notices open
// with 「1.日時」「2.場所」「3.出席者」 (開催要領), a slide deck's cover gives its date and the office
// that issued it. A question asking when, where or who (「第3回の協議会はいつ開かれた？」「会場は
// どこ？」「資料を作ったのはどこの部署？」) is answered by such a field, which shares none of the
// question's words but the kind of fact asked. The labels are the conventions of Japanese official
// documents (議事要旨 and 開催案内 headers, the seed minutes among them), not words of any question.

export type FieldKind = 'when' | 'where' | 'who';

/** What each kind of question asks, in its own words. */
const ASKS: Array<[FieldKind, RegExp]> = [
  ['when', /いつ(?!も|か(?!ら)|でも|の間)|日時|何日(?!間)|何月|何時(?!間)|日付|開催日|期日/u],
  ['where', /どこで|どこ(?:だっ|でし|です|なの)|場所|会場|開催地/u],
  ['who', /誰|だれ|どなた|名前|氏名|出席者|出席し|作成者|発行者|どこの(?:部署|課|局|組織)|どこが(?:作|出|まと)/u],
];

/**
 * A header field at a line's start, after its item number (「1.」「(1)」「1 」「ア 」) or in brackets
 * (「【日時】」), with its value on the same line (「1.日時令和7年6月2日」「場所:オンライン」). A label
 * alone (「3.出席者」 above the list of names) gives no value: the line under it that names what the
 * question names answers. A label continued into a compound or a subject (「会場使用料は…」「日時変更の
 * 際は…」「参加者数は120名」「講師謝金」) is no field; a date's value opens with a figure or an era.
 */
const ITEM = '(?:[(（]?\\d{1,2}[)）]?[.．、)]?|[ア-ン][.．、)]?)?\\s*';
const NOT_A_VALUE = '(?![のをがはにもで、。:：]|$|数|欄|料|使用|変更|調整|謝金|印|前|等|及び|全員|打ち|名簿|一覧|未定の)';
const FIELD = (labels: string, value = '\\S') =>
  new RegExp(`^${ITEM}(?:【(?:${labels})】|(?:${labels})(?=\\s*[:：]|\\s+\\S|${value}))\\s*[:：]?\\s*${NOT_A_VALUE}${value}`, 'u');
const LABELS: Array<[FieldKind, RegExp]> = [
  ['when', FIELD('日時|日付|開催日時?|期日|日程', '(?:\\d|令和|平成|[rh]\\d|未定)')],
  ['where', FIELD('場所|会場|開催場所')],
  ['who', FIELD('出席者|参加者|作成者|発行者|講師')],
];

/** The kinds of header field a prepared question asks for. */
export function askedFields(question: string): FieldKind[] {
  return ASKS.filter(([, re]) => re.test(question)).map(([k]) => k);
}

/** The kind of header field a line gives the value of (its label at the start, the value after it), if any. */
export function fieldOf(line: string): FieldKind | null {
  const text = line.trim();
  for (const [k, re] of LABELS) if (re.test(text)) return k;
  return null;
}
