// A question asking who holds a post it names — 「アドバイザリーボードの委員って誰？」「当時の室長は誰？」
// 「山形市長の名前は？」 — and whether a text answers it. Minutes, plans and reports name posts far
// more often than the people in them: a passage about the board, the office or the meeting says what
// the post does, not who holds it. The answer must name a person (「村岡 嗣政」「山口県知事の村岡です」
// 「石破総理」) or, unless a name is asked outright, another post (「大臣官房長が担当」 for 「CIOは誰？」);
// asked a name outright, the name must be the asked post's (「村岡知事と山形市長から」 names the governor,
// not the mayor). A question that names no post (「誰に指示した？」「誰の指揮？」「誰に聞けば？」) is not
// judged here: a body or a post answers it.
//
// The posts are the titles of Japanese public administration (written from the domain, not from any
// question): heads of a government, ministry, prefecture or municipality, of a bureau, division or
// office, the officials below them, members of a board, and the roles plans assign (責任者, CIO).

const HAN = '\\p{Script=Han}';

/** Titles of posts held by a person (not a body: 大臣官房, 委員会 are offices). */
const POST_TITLES = [
  '総理', '大臣(?!官房)', '知事', '市長', '町長', '村長', '区長', '局長', '長官', '審議官', '統括官', '参事官',
  '課長', '室長', '部長', '官房長', '主査', '委員長', '委員(?!会)', '座長', '補佐官', '責任者', 'リーダー',
  'cio', 'caio', 'デジタル監',
].join('|');

/** A post with what names it (「行政情報システム企画課長」「アドバイザリーボードの委員」's 「委員」): read after NFKC, lower-cased. */
const POST = new RegExp(`[${HAN}\\p{Script=Katakana}ーa-z]*?(?:${POST_TITLES})`, 'gu');

/** Who, asked (not 「誰でも」「誰か」「誰も」). */
const WHO = /誰(?!\s*(?:でも|か|も))|だれ(?!\s*(?:でも|か|も))|どなた/u;
/** A name asked outright (「…の名前は」「…って、お名前」「氏名を教えて」). */
const NAME_ASKED = /(?:お)?名前|氏名/u;

/**
 * How a person's name is printed:
 * - a list of attendees or of those responsible: family and given names spaced (「村岡 嗣政」), or a
 *   name after the post it holds (「企画課長 澤田稔一」);
 * - a speaker introducing themselves (「山口県知事の村岡です」「総務省自治行政局長の阿部でございます」);
 * - a family name before a title (「石破総理」「平デジタル大臣」「村岡知事」), not a place's (「山口県知事」).
 */
const SPACED_NAME = new RegExp(`(?<!${HAN})${HAN}{1,3}[ \\u3000]+${HAN}{1,3}(?!${HAN})`, 'u');
const NAME_AFTER_POST = new RegExp(`(?:${POST_TITLES})[ \\u3000]+${HAN}{2,5}(?!${HAN})`, 'u');
const SELF_INTRODUCED = new RegExp(`(?:の|、)\\s*${HAN}{1,3}\\s*(?:です|でございます|と申します)`, 'u');
const TITLED_NAME = new RegExp(`${HAN}{1,3}(?<![県都府道市町村区省庁局課室部])(?:総理|デジタル大臣|大臣|知事|審議官|統括官|参事官|局長|課長|室長|主査|氏|さん|様)`, 'u');

/** A name printed right next to an occurrence of the post: before it, past any place it names (「中野愛知県一宮市長」), or after it (「一宮市長の中野です」「課長 澤田稔一」). */
const NAME_BEFORE = new RegExp(`${HAN}{2}[ \\u3000]*$`, 'u');
const NAME_AFTER = new RegExp(`^(?:\\s*(?:の|は)?\\s*${HAN}{1,3}\\s*(?:です|でござ|氏|さん)|[ \\u3000]+${HAN})`, 'u');
/** Where a phrase about one person ends: a list's or sentence's break (「村岡知事と山形市長」 names two). */
const BREAK = /[と、。や及,]/u;

export interface AskedPerson {
  /** How a decline names what is missing. */
  label: string;
  /** Whether the text names the person asked (or, when no name is asked outright, another post). */
  answers: (text: string) => boolean;
}

/** The label of a person asked by name (「名前は？」). */
export const NAME_GAP = '氏名';
/** The label of a person asked with 「誰」, which a post may answer. */
export const PERSON_GAP = '人物・役職';

const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/** The person a question asks for, if it asks who holds a post it names. */
export function askedPerson(question: string): AskedPerson | null {
  const q = norm(question);
  const byName = NAME_ASKED.test(q);
  if (!byName && !WHO.test(q)) return null;
  const posts = [...q.matchAll(POST)].map((m) => m[0]).filter((p) => p.length >= 2);
  if (posts.length === 0) return null;
  if (byName) {
    const post = posts.at(-1)!;
    return { label: NAME_GAP, answers: (text) => namesHolder(norm(text), post) };
  }
  return {
    label: PERSON_GAP,
    answers: (text) => {
      const t = norm(text);
      return namesSomeone(t) || [...t.matchAll(POST)].some((m) => m[0].length >= 2 && !q.includes(m[0]));
    },
  };
}

function namesSomeone(t: string): boolean {
  return SPACED_NAME.test(t) || NAME_AFTER_POST.test(t) || SELF_INTRODUCED.test(t) || TITLED_NAME.test(t);
}

/** Whether the text names whoever holds the post: next to it where it is printed, or in a list or self-introduction where it is not. */
function namesHolder(t: string, post: string): boolean {
  let i = t.indexOf(post);
  if (i < 0) return SPACED_NAME.test(t) || NAME_AFTER_POST.test(t) || SELF_INTRODUCED.test(t);
  for (; i >= 0; i = t.indexOf(post, i + 1)) {
    const before = t.slice(Math.max(0, i - 12), i).split(BREAK).at(-1)!.replace(new RegExp(`${HAN}{1,4}[県都府道]$`, 'u'), '');
    const after = t.slice(i + post.length, i + post.length + 12).split(BREAK)[0]!;
    if (NAME_BEFORE.test(before) || NAME_AFTER.test(after)) return true;
  }
  return false;
}
