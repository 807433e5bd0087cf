// A question asking who holds a post it names — 「アドバイザリーボードの委員って誰？」「当時の室長は誰？」
// 「山形市長の名前は？」 — and whether a text answers it. Minutes, plans and reports name posts far
// more often than the people in them: a passage about the board, the office or the meeting says what
// the post does, not who holds it. Asked who (誰, どなた) of a post, the answer must name a person
// (「村岡 嗣政」「山口県知事の村岡です」) or another role (「大臣官房長が担当」 for 「CIOは誰？」, 「所属長が命令
// する」 for 「出張の責任者は誰？」); asked the post holder's name outright, the name must be printed with
// the post (「村岡知事と山形市長から」 names the governor, not the mayor). A question whose 誰 is not asked
// of a post it names (「誰に指示した？」「課長が不在のとき、誰が承認する？」「誰に聞けば？」) is not judged
// here: a body, a role or a rule answers it; nor one asking where a name is written (「部長の名前を入力する欄」).
//
// The posts are the titles of Japanese public administration (written from the domain, not from any
// question): heads of a government, ministry, prefecture or municipality, of a bureau, division or
// office and their deputies, the officials below them, members of a board, and the roles plans
// assign (責任者, CIO).

import { ABOUT_A_FIELD } from './entities.ts';

const HAN = '\\p{Script=Han}';

/** Titles of posts held by a person (not a body: 大臣官房, 委員会 are offices), with a deputy's (「課長補佐」「室長代理」). */
const POST_TITLES = `(?:${[
  '総理', '大臣(?!官房)', '知事', '市長', '町長', '村長', '区長', '局長', '長官', '審議官', '統括官', '参事官',
  '課長', '室長', '部長', '官房長', '主査', '委員長', '委員(?!会)', '座長', '補佐官', '責任者', 'リーダー',
  'cio', 'caio', 'デジタル監',
].join('|')})(?:補佐|代理)?`;

/** A post with what names it (「行政情報システム企画課長」「アドバイザリーボードの委員」's 「委員」): read after norm (NFKC, lower-cased). */
const POST = new RegExp(`[${HAN}\\p{Script=Katakana}ーa-z]*?${POST_TITLES}`, 'gu');

/**
 * Who, asked as the post's holder (not 「誰でも」「誰も」, nor 「誰かが」 for someone, nor 「総理は誰に指示した」, where
 * 誰 is someone else the post acts on); 「誰か教えて」 asks who.
 */
const WHO = '(?:誰|だれ|どなた)(?!\\s*(?:でも|も|か\\s*[がにをの]|に|を|へ|と|から))';
/**
 * Who is asked of the post: as its topic (「委員って誰」「室長は誰」「CAIOには誰が就いている」), or of whoever
 * serves in it (「リーダーを務めるのは誰」「企画課長として作成責任者になっているのは誰」).
 */
const WHO_OF_POST = new RegExp(
  `(${POST.source})(?:(?:って|は|とは|には|も)[、,\\s]*(?:具体的に|いったい|実際)?\\s*${WHO}|(?:を務め|として|に就い|になっ|をやっ|を担当)[^。？?]{0,24}?(?:のは|人は|方は)[、,\\s]*${WHO})`,
  'u',
);
/** The post holder's name asked outright (「山形市長の名前は」「一宮市長って、お名前」「委員の氏名を教えて」). */
const NAME_OF_POST = new RegExp(`(${POST.source})\\s*(?:の|って|は)?[、,\\s]*お?(?:名前|氏名)(?=\\s*(?:は|を|って|、|,|な|[?？]|$))`, 'u');
/** Where a name is printed or kept (「氏名はどこに」), not whose it is. */
const WHERE_IT_STANDS = /どこに/u;

/**
 * How a person's name is printed:
 * - a list of attendees or of those responsible: family and given names spaced (「村岡 嗣政」), or a
 *   name after the post it holds (「企画課長 澤田稔一」「住民制度課長阿部知明 」「参事官(個人番号企画室長) 下仲宏卓」「山形市長(佐藤孝弘)」「山形市長:佐藤孝弘」);
 * - a speaker introducing themselves (「山口県知事の村岡です」「総務省自治行政局長の阿部でございます」).
 */
const SPACED_NAME = new RegExp(`(?<!${HAN})${HAN}{1,3}[ \\u3000]+${HAN}{1,3}(?!${HAN})`, 'u');
const NAME_AFTER_POST = new RegExp(`${POST_TITLES}(?:\\)?(?:[ \\u3000]+|\\s*[(:]\\s*)${HAN}{2,5}(?!${HAN})|${HAN}{2,5}(?=[ \\u3000]|\\[|$))`, 'u');
const SELF_INTRODUCED = new RegExp(`(?:の|、)\\s*${HAN}{1,3}\\s*(?:です|でございます|と申します)`, 'u');
/**
 * A role named in an answer (「代決者」「所属長」「命令権者」「次順位の者」「本人」): what answers 「誰が」 of a post
 * as well as a name does. Not an office (「…長期」「…員会」).
 */
const ROLE = new RegExp(`${POST.source}|${HAN}{1,6}(?:者|長|官|員)(?!${HAN})|の者|ある者|本人`, 'gu');

/** A name right before the post (「中野愛知県一宮市長」「佐藤 孝弘(山形市長)」), past a prefecture it names; not an office's name (「総務省企画課長」「本委員会委員長」). */
const NAME_BEFORE = new RegExp(`${HAN}{2}[ \\u3000]*$`, 'u');
const OFFICE_END = /[省庁局課室部会府院房所署]\s*$/u;
const PREFECTURE_END = /[県都府道]$/u;
/** A name right after the post (「一宮市長の中野です」「課長 澤田稔一」「山形市長(佐藤孝弘)」). */
const NAME_AFTER = new RegExp(`^(?:\\s*(?:の|は|である)?\\s*${HAN}{1,3}\\s*(?:です|でござ|氏(?!名)|さん)|[ \\u3000]+${HAN}{2}|\\s*[(:]\\s*${HAN}{2,5})`, 'u');
/** Where a phrase about one person ends: a list's or sentence's break (「村岡知事と山形市長」 names two). */
const BREAK = /[と、。や及,]/u;

interface AskedPerson {
  /** How a decline names what is missing. */
  label: string;
  /** Whether the text names the person asked (or, asked only who, a role other than the post). */
  answers: (text: string) => boolean;
}

/**
 * NFKC and lower case, spaces kept: not tokenize.ts prepare, which removes the spaces between Japanese
 * words that separate a family name from a given one (「村岡 嗣政」) and a post from its holder.
 */
const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/** The label of a person asked by name (「名前は？」). */
export const NAME_GAP = '氏名';
/** The label of a person asked with 「誰」, which a role may answer. */
export const PERSON_GAP = '人物・役職';

/** The person a question asks for, if it asks who holds a post it names. */
export function askedPerson(question: string): AskedPerson | null {
  const q = norm(question);
  // A question about where or how a name is written (「部長の名前を入力する欄」「課長の氏名はどこに書けば」): a form's field, not a person.
  if (ABOUT_A_FIELD.test(q) || WHERE_IT_STANDS.test(q)) return null;
  const byName = NAME_OF_POST.exec(q);
  if (byName) {
    const post = byName[1]!;
    return { label: NAME_GAP, answers: (text) => namesHolder(norm(text), post) };
  }
  if (!WHO_OF_POST.test(q)) return null;
  const posts = [...q.matchAll(POST)].map((m) => m[0]);
  // A role the question names, however the answer prefixes it (「各委員」 for 「委員」), names nobody new.
  const another = (role: string) => !q.includes(role) && !posts.some((p) => role.endsWith(p) || p.endsWith(role));
  return {
    label: PERSON_GAP,
    answers: (text) => {
      const t = norm(text);
      return SPACED_NAME.test(t) || NAME_AFTER_POST.test(t) || SELF_INTRODUCED.test(t) || [...t.matchAll(ROLE)].some((m) => another(m[0]));
    },
  };
}

/** Whether the text names whoever holds the post: next to it where it is printed, or in a list or self-introduction where it is not. */
function namesHolder(t: string, post: string): boolean {
  let i = t.indexOf(post);
  if (i < 0) return SPACED_NAME.test(t) || NAME_AFTER_POST.test(t) || SELF_INTRODUCED.test(t);
  for (; i >= 0; i = t.indexOf(post, i + 1)) {
    const before = t.slice(Math.max(0, i - 14), i).split(BREAK).at(-1)!.replace(/\s*[(:]\s*$/u, '');
    const after = t.slice(i + post.length, i + post.length + 14).split(BREAK)[0]!;
    if (nameEnds(before) || NAME_AFTER.test(after)) return true;
  }
  return false;
}

/** Whether a text ends in a person's name, past a prefecture it names (「中野愛知県」, 「村岡山口県」), not in an office's. */
function nameEnds(before: string): boolean {
  const candidates = PREFECTURE_END.test(before)
    ? [2, 3].map((n) => before.slice(0, Math.max(0, before.length - n - 1))).filter((x) => x.length > 0)
    : [before];
  return candidates.some((x) => NAME_BEFORE.test(x) && !OFFICE_END.test(x));
}
