// What the assistant says when it declines, or answers with a caution: the general line, the
// line naming the year, meeting or counter the passages do not give, the line naming the kind of
// value none of the passages' values fits, and the caution under a low-confidence answer.
import { CONTACT_FORMS } from '../text/contacts.ts';
import { BODY_LABELS, isBodyName } from '../text/entities.ts';
import { NAME_GAP, PERSON_GAP } from '../text/persons.ts';
import { VENUE_GAP } from '../text/venues.ts';
import { BREAKDOWN_GAP, TIME_GAP } from './answer-gaps.ts';
import { type Candidate, DIRECT_FEATURES, type ValueKind } from './extractive/direct.ts';
import { clauseOf } from './extractive/direct-quote.ts';
import { clean } from './extractive/sentences.ts';

/** How every decline ends: no guess, and the hand-off to accounting staff. */
const DECLINE_END = '推測でお答えすることは控えます。「解決しない → 会計担当に問い合わせる」から、この質問を会計担当職員に引き継ぐことができます。';

export const ABSTAIN_TEXT = `お尋ねの内容について、資料の中に回答となる記載が見つかりませんでした。${DECLINE_END}`;

/**
 * The abstention when the passages give figures, but not for the year, meeting or counter asked
 * about (unmetQualifiers), give a count without the items asked for (unlistedCounts), or no
 * address of the form asked for (missingContacts): saying which is more useful than the general line.
 */
export function qualifierAbstainText(unmet: string[]): string {
  return (
    `ご質問の${unmet.map((q) => `「${q}」`).join('・')}に当たる記載は、資料の中に見つかりませんでした。` +
    whyUnmet(unmet) +
    DECLINE_END
  );
}

const CONTACT_LABELS = new Set(CONTACT_FORMS.map((f) => f.label));
/** One of a series as evidence.ts names it (「第4回」「第2弾」「第3次」「第2期」). */
const ORDINAL_LABEL = /^第\d+[回期次弾]$/u;
/** A counter as a question asks it (text/counters.ts: 「何人」「何%」「何団体」). */
const COUNTER_LABEL = /^何/u;

/** What the passages found say instead, by what is missing: a list's items, a contact, a procedure, else a year or figure. */
function whyUnmet(unmet: string[]): string {
  if (unmet.every((q) => q.endsWith('の一覧'))) return '見つかった記載は数を示すだけで、項目は挙げていません。';
  if (unmet.every((q) => CONTACT_LABELS.has(q))) return '見つかった記載は窓口や資料の名前を挙げるだけで、その連絡先やアドレスは書いていません。';
  if (unmet.every((q) => q.endsWith('の方法'))) return '見つかった記載は、その手続について書いていません。';
  if (unmet.every((q) => BODY_LABELS.includes(q))) return '見つかった記載は、該当する名前を挙げていません。';
  if (unmet.every((q) => q === NAME_GAP || q === PERSON_GAP)) return '見つかった記載は、その役職や会議について書いているだけで、誰が務めているかは書いていません。';
  // A counter the figure is asked in (「何人」「何団体」): a blind reader found 「別の年度・回」 vague when
  // no year was asked.
  if (unmet.every((q) => COUNTER_LABEL.test(q))) return '見つかった記載には、その数値は書かれていません。';
  if (unmet.every((q) => q === TIME_GAP)) return '見つかった記載には、その日付や時期は書かれていません。';
  if (unmet.every((q) => q === BREAKDOWN_GAP)) return '見つかった記載は全体の数値を示すだけで、その内訳は書かれていません。';
  if (unmet.every(isBodyName)) return '見つかった記載は、別の団体や機関についてのものです。';
  if (unmet.every((q) => q === VENUE_GAP)) return '見つかった記載には、その開催場所は書かれていません。';
  // One of a series (「第4回」「第2弾」): the passages speak of other ones.
  if (unmet.every((q) => ORDINAL_LABEL.test(q))) return '見つかった記載は、それ以外の回についてのものです。';
  return '見つかった記載は別の年度・回や別の数値についてのものです。';
}

const KIND_LABEL: Record<ValueKind, string> = { percentage: '割合', amount: '金額', count: '数', date: '日付・時期', number: '数値' };

/** Why the closest value does not answer (direct.ts judgeValue), when a decline can say so. */
export interface UnfitReason {
  /** It is the very total the question names, whose part is asked. */
  whole?: boolean;
  /** A result was asked and the passages give it as a target (text/plans.ts). */
  planned?: boolean;
  /** A law's milestone was asked (「施行」) and the date is given for another (text/milestones.ts). */
  milestone?: string | null;
}

/**
 * The abstention when a value is asked for and none in the passages fits the question (direct.ts
 * judgeValue): which kind of value is missing, and the closest the passages give, quoted; when that
 * is the very total the question names (`whole`: 「約700億円のうち、…分は？」), that the documents give
 * the total and not its breakdown, as a blind reader asked (「総額はありますが、内訳は載っていません」);
 * when a result was asked and the passages give that value as a target (`planned`), that what they
 * give is a target (「資料にあるのは「…」という目標や見込みの記載です」); when a law's milestone was asked
 * and the date is another's (`milestone`), which date they give (「…公布」). Neither says the result or
 * the date asked is nowhere in the documents: another passage may hold it (「法施行(2016.12)」) where
 * the value model does not read a date.
 */
export function valueAbstainText(asked: ValueKind, closest: string | null, why: UnfitReason = {}): string {
  const { whole = false, planned = false, milestone = null } = why;
  if (milestone) {
    return (
      `ご質問の${milestone}の日付に当たる記載は、資料の中に見つかりませんでした。` +
      (closest ? `資料にあるのは「${closest}」という別の時点の記載です。` : `見つかった記載は、別の時点の日付です。`) +
      DECLINE_END
    );
  }
  if (planned) {
    return (
      'ご質問の実績に当たる記載は、資料の中に見つかりませんでした。' +
      (closest ? `資料にあるのは「${closest}」という目標や見込みの記載です。` : '見つかった記載は、目標や見込みの数値です。') +
      DECLINE_END
    );
  }
  return (
    `ご質問の${KIND_LABEL[asked]}に当たる記載は、資料の中に見つかりませんでした。` +
    (closest && whole
      ? `資料にあるのは「${closest}」という全体の記載で、その内訳は載っていません。`
      : closest
        ? `資料にあるのは「${closest}」という記載で、ご質問の条件に合うものかどうか確認できません。`
        : '') +
    DECLINE_END
  );
}

/**
 * Half the length of session 9's wording (「資料の該当しそうな箇所から回答していますが、…判断に迷う場合は
 * …会計担当職員にお問い合わせください。」), which a blind reader preferred in all 70 answers that
 * differed only in it (session 10): the note follows correct quotes too, and a long one buries them.
 */
export const CAUTION_TEXT = '※ この記載がご質問に直接答えているかは確認できていません。迷う場合は「解決しない → 会計担当に問い合わせる」からお問い合わせください。';

/**
 * The share of the question's terms (rarity-weighted, the value model's `support`) the closest value's
 * sentence must hold for a decline to quote it (「資料にあるのは「…」という記載で…」): below it the sentence
 * is about something else (「920人 27年度 1,200人以上 30年度」 for a question on electronic filing), and a
 * blind reader found such quotes muddying otherwise clear declines (8 of the 13 quotes read in
 * session 14). A total the question names (valueAbstainText's `whole`) is quoted whatever it holds.
 */
const QUOTED_SUPPORT = 0.12;

/** Whether a decline names the closest value the passages give (enough of the question's terms around it). */
export function worthQuoting(c: Candidate): boolean {
  return (c.x[DIRECT_FEATURES.indexOf('support')] ?? 0) >= QUOTED_SUPPORT;
}

/**
 * The closest value's clause a decline quotes: whenever the decline says why it does not answer (a
 * total, a target, another milestone), else when enough of the question's terms stand around it.
 */
export function quotedClosest(u: { closest: Candidate } & UnfitReason): string | null {
  const c = u.closest;
  return u.whole || u.planned || u.milestone || worthQuoting(c) ? closestClause(clean(c.s.text), c.index, c.value.length) : null;
}

/**
 * The clause holding a value, to name in a decline what the passages give instead; none when the
 * clause is long (a table flattened into one line): a cut-out fragment (「…第15号)ほか【参考3】規制…」)
 * tells the reader nothing and was read as noise in the blind review.
 */
export function closestClause(text: string, index: number, length: number): string | null {
  const clause = clauseOf(text, index, length);
  return clause.length <= 60 ? clause : null;
}
