// Whether a date starts something or ends it. Japanese marks the role of a time with what follows
// it: 「2020年度から試行」「令和7年5月目途に運用開始」 start, 「2026年度末までに全国展開」「2025年度末の移行期限」
// 「3月末を期限に」 end; and a question asks one or the other (「いつから」「開始はいつ」 against
// 「いつまで」「期限は」). A plan's passage often gives both (「2023年3月から運用を開始…2026年度末までに全国に
// 展開する予定」), and the start is no answer to 「全国に広げるのはいつまで」. Written from the grammar, not
// from any question; read by the value model (answer/extractive/direct.ts) as one of its inputs.

export type DateRole = 'start' | 'end';

/** A question asking when something starts, or until when / by when it runs or must be done. */
const ASKS_START = /いつから|開始|始ま|始め|スタート/u;
const ASKS_END = /まで|期限|締切|締め切り|完了|終わ/u;

/** An aside in brackets right after a date (「令和2年度(2020年度)から」): the role is read past it. */
const ASIDE = /^\s*[(（][^)）]{0,14}[)）]/u;
/** What follows a date that starts something: 「から」「より」「(目途に)(運用)開始」. */
const STARTS = /^\s*(?:から|より|(?:を目途|目途)?に?(?:運用)?開始)/u;
/** What follows a date that ends something: 「(末)まで」「を期限」「の(移行)期限」「(目途に)完了」. */
const ENDS = /^\s*(?:末?まで|を期限|の[^\s、。]{0,4}期限|(?:を目途|目途)?に?完了)/u;

/** The role a question asks a date in, if it names one. */
export function askedDateRole(question: string): DateRole | null {
  return ASKS_START.test(question) ? 'start' : ASKS_END.test(question) ? 'end' : null;
}

/** The role the text right after a date gives it, if any. */
export function dateRoleAfter(after: string): DateRole | null {
  const rest = after.slice(0, 24).replace(ASIDE, '');
  return STARTS.test(rest) ? 'start' : ENDS.test(rest) ? 'end' : null;
}

/** 1 when a date's role is the one asked, −1 when it is the other, 0 when either is not told. */
export function dateRoleFit(asked: DateRole | null, given: DateRole | null): number {
  return asked === null || given === null ? 0 : asked === given ? 1 : -1;
}
