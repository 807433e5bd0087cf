// Whether a date starts something or ends it. Japanese marks the role of a time with the particle or
// verb right after it: 「2020年度から試行」「4月1日に開始」 start, 「2026年度末までに全国展開」「3月末を期限に」
// 「年度内に完了」 end; and a question asks one or the other (「いつから」「開始はいつ」 against 「いつまで」
// 「期限は」). A plan's passage often gives both (「2023年3月から運用を開始…2026年度末までに全国に展開する
// 予定」), and the start is no answer to 「全国に広げるのはいつまで」. Only the particles and verbs the
// grammar gives, and guards against words that look like them (「これまで」 is so far, 「より約2割増」 a
// comparison); session 17 dropped the cues added after particular questions failed (an aside in brackets
// before the particle, 「の移行期限」, 「目途に運用開始」: each helped the document it came from and moved
// the others by about one question) and the reviewer's widenings that changed nothing measured
// (「終了」「廃止」「何年何月から」). Read by the value model (answer/extractive/direct.ts) as one input.

export type DateRole = 'start' | 'end';

/** A question asking when something starts (「いつから」「開始は」), not a startup (「スタートアップ」). */
const ASKS_START = /いつから|開始|始ま|始め(?!に)|スタート(?!アップ)/u;
/**
 * A question asking until when or by when (「いつまで」「期限は」); not 「これまで」「今まで」, which mean
 * so far.
 */
const ASKS_END = /(?<!これ|それ|あれ|今|いま|現在)まで|期限|締切|締め切り|完了|終わ/u;

/** What may stand between a date and its particle: 「末」「上旬」「頃」「以降」. */
const PART = '(?:末|上旬|中旬|下旬|頃|ごろ|以降)?';
/** What follows a date that starts something: 「から」, 「より」 (not a comparison: 「より約2割増」), 「(に)開始」. */
const STARTS = new RegExp(`^${PART}(?:から|より(?!約|\\d|多|少|増|減|高|低|早|遅|前|後)|に?開始)`, 'u');
/** What follows a date that ends something: 「まで」「を期限」「(に)完了」. */
const ENDS = new RegExp(`^${PART}(?:まで|を期限|に?完了)`, 'u');

/** The role a question asks a date in, if it names one; none when it names both (「運用開始に向けた移行の期限は」). */
export function askedDateRole(question: string): DateRole | null {
  const start = ASKS_START.test(question);
  const end = ASKS_END.test(question);
  return start === end ? null : start ? 'start' : 'end';
}

/** The role the text right after a date gives it, if any (spaces left by extraction are ignored). */
export function dateRoleAfter(after: string): DateRole | null {
  const rest = after.slice(0, 24).replace(/\s+/gu, '');
  return STARTS.test(rest) ? 'start' : ENDS.test(rest) ? 'end' : null;
}

/** 1 when a date's role is the one asked, −1 when it is the other, 0 when either is not told. */
export function dateRoleFit(asked: DateRole | null, given: DateRole | null): number {
  return asked === null || given === null ? 0 : asked === given ? 1 : -1;
}
