// A passage read as the extractive answerer needs it: sentences, each with what it is in the
// passage's layout (a numbered step, a list item, a flattened table row, a labelled line, a
// sentence that introduces a list) and its lexical terms. Depends on the passage's text alone,
// so it is cached.
import { memoizeText } from '../../lib/memo.ts';
import { SPEAKER_TURN, TURN_ENDS, splitSentences } from '../../text/normalize.ts';
import { REPEATED_HEADER_MAX, tableHeaders } from '../../text/tables.ts';
import { bigrams, prepare, words } from '../../text/tokenize.ts';

/** A numbered step (「1. 申請する」「2)」), not a decimal opening a row of figures (「40.1 時間 26年度…」). */
export const STEP = /^\s*(\d{1,2})[.)．](?!\d)\s*/;
const BULLET = /^\s*[-*・●]\s*/;
/**
 * The marks a slide puts before a line, one or several (「- ✓ 」「・・」「〇」), taken off a quoted
 * sentence: the answer lays out its own lines. Not 「〇〇」, which stands for a name left out.
 */
const LINE_MARKS = /^\s*(?:(?:[・●•▪✓✔■□◆◇]+|[○〇◎](?![○〇◎])|[-*](?=\s))\s*)+/u;
/** A sentence end, before a closing bracket if any. */
export const SENTENCE_END = /[。！？][)）」』]?$/u;
/** A colon that is no clock time's (「9:00」). */
const COLON = '(?<!\\d)[:：](?!\\d)';
/** A line that starts with a short label (「表示される場面: …」). */
const LABELLED = new RegExp(`^[^。：:、]{1,12}${COLON}`, 'u');
/** Two 「label: value」 pairs and no sentence end: a table row as the chunker flattens it. */
const TABLE_ROW = new RegExp(`^[^。：:]{1,40}${COLON}[^。]*、[^。：:]{1,40}${COLON}[^。]*$`, 'u');
/**
 * A courtesy that carries no fact (「はい、どうもありがとうございます。」「よろしくお願いします。」), as
 * minutes print between turns, with or without the speaker before it (「村岡山口県知事：…」): short,
 * with no figure and no reason (「締切は5月31日ですので、よろしくお願いします。」 says something),
 * and ending in thanks or a request for goodwill.
 */
const COURTESY = /^(?:[^：:。]{2,40}[：:])?(?=[^。\d]{0,40}[。！]?$)(?![^。]*(?:ので|ため|から、))[^。]*(?:ありがとうございま(?:す|した)|よろしくお願い(?:します|いたします|致します|申し上げます))[。！]?$/u;

/**
 * What the speakers of minutes say about the meeting itself, which carries no fact: thanks
 * (「…の皆様に感謝申し上げたいと思います。」「大変お世話になりました。」), closing a turn (「説明は以上と
 * なります。」「以上、よろしいでしょうか。」), announcing an explanation (「…について、ご説明いたしま
 * す。」「…につきましてご説明をさせていただきたいと存じます。」) or handing over (「まずは、村岡知事お願
 * いたします。」「…から、御意見等をいただきたいと思います。」); with or without the speaker before it,
 * and no reason (「…ので、よろしいでしょうか。」「…必要ですから、…」 say something; 「…町長から、」 names who speaks next).
 * Read with `procedural`.
 */
const PROCEDURAL = /^(?:[^：:。]{2,40}[：:])?(?![^。]*(?:ので|ため|[すただいる]から、))[^。]*(?:(?:感謝|御礼|お礼)(?:を)?申し上げ(?:たいと(?:思い|存じ)ます|ます|る次第でございます)|お世話になりました|(?:説明|報告)は以上(?:です|でございます|となります)|^以上(?:です|でございます)?(?:、よろしいでしょうか)?|(?:ご|御)?説明(?:を)?(?:いたします|させていただきます|させていただきたいと(?:存じます|思っております|思います))|(?:御|ご)意見等?を(?:いただきたい|賜りたい)と思います|^[^。]{0,15}お願いいたします)[。！]?$/u;

/** A sentence of the speakers about the meeting itself (PROCEDURAL), with no figure but a handout's number (「資料 4」). */
function procedural(plain: string): boolean {
  return PROCEDURAL.test(plain) && !/\d/u.test(plain.replace(/資料\s*\d+/gu, ''));
}

/**
 * A sentence that announces what follows: 「次のいずれかの画面から開きます。」「次の情報を伝えてください。」
 * 「条件は以下のとおりです:」 — not 「次の出張から」 or 「基準額以下の場合」.
 */
const INTRODUCES = new RegExp(`(?:次の|(?<![\\d円万千人額])以下の)(?:とおり|いずれか|ような|もの|点|項目|情報|手順|書類|条件|事項|場合は、?次)|${COLON}$`, 'u');

export interface PassageSentence {
  /** Position among the passage's sentences. */
  pos: number;
  /** The passage line (paragraph, list item, table row) it comes from. */
  line: number;
  text: string;
  /** The number of a numbered step, else null. */
  step: number | null;
  /** A list item (「- …」「・…」). */
  bullet: boolean;
  /** A list item that is no sentence (「「経路」欄にある「経路検索」ボタン」): it needs its lead-in. */
  fragment: boolean;
  /** A flattened table row: data, not prose. */
  row: boolean;
  /** A line that describes the entry under a label (「表示される場面: ログインの直後」). */
  labelled: boolean;
  /** Announces the list that follows. */
  introduces: boolean;
  /** A courtesy that carries no fact (COURTESY). */
  courtesy: boolean;
  /**
   * What a speaker of minutes says about the meeting itself (PROCEDURAL): scored as any sentence
   * (the value model reads its figures), but never added to an answer around the line that leads.
   */
  procedural: boolean;
  terms: ReadonlySet<string>;
  /** A row of a table with a header (text/tables.ts): the header's terms, which name what its figures are. */
  header: ReadonlySet<string> | null;
  /** A line of a table's header: it names what the rows hold and holds none of it. */
  heads: boolean;
  /**
   * Who says it, in minutes: the speaker whose turn (「○阪田…事務局長：本日は、…」) the sentence belongs
   * to, when the sentence does not open with the speaker itself; null outside a turn the passage shows.
   */
  speaker: string | null;
}

/** The lexical terms of a text (shared through the cache: read only). */
export const termSet = memoizeText((text: string): ReadonlySet<string> => {
  const p = prepare(text);
  return new Set([...words(p), ...bigrams(p)]);
}, { size: 20_000 });

/** Labels a manual puts before a remark (「注意: …」): the remark reads without them. */
const REMARK_LABEL = /^(?:注意|ヒント|ポイント|補足|メモ|参考)\s*[:：]\s*/u;
/** The label of an example (「例: 区分5の職員が…」), which reads as 「例えば、…」 in an answer. */
const EXAMPLE_LABEL = /^例\s*[:：]\s*/u;

/** Removes list markers, an FAQ's 「A.」 prefix and remark labels. */
export function clean(text: string): string {
  return text
    .replace(LINE_MARKS, '')
    .replace(/^A[.．]\s*/, '')
    .replace(REMARK_LABEL, '')
    .replace(EXAMPLE_LABEL, '例えば、')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A part ending in a quotation or bracket that closes after a sentence end (「…上限は？」). */
const QUOTE_ENDS = /[。！？!?][」』）)】〕]$/u;
/**
 * What continues a sentence after such a quotation: 「のように」「と表示されたら」「を押します」. Not
 * words that open a sentence (もし, では, はじめに, やむを得ず).
 */
const GOES_ON = /^(?:の(?:よう|ような|とおり|欄|画面|場合)?|という|と(?:表示|書|記載|入力|言|い[うっ]|聞)|を(?:押|選|入力|クリック|確認)|などと|って)/u;
/** A reply that opens an answer and goes with the sentence after it: 「はい。」「いいえ。」. */
const SHORT_REPLY = /^(?:はい|いいえ|いえ|ええ)[。！!]$/u;

/** How long a sentence held open by an unclosed bracket may grow before it is cut anyway. */
const MAX_BRACKETED = 200;

const OPENERS = '(（「『【〔';
const CLOSERS = ')）」』】〕';

/** Whether a text opens more brackets than it closes (a sentence end inside 「…。」 or （…。）). */
function unclosed(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c) && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * A line's sentences as a reader sees them: a sentence end inside brackets does not end the
 * sentence (「PDFも可。1ファイル10MBまで)」), and a short reply (「はい。」「いいえ。」) opens the
 * sentence after it instead of standing alone.
 */
export function lineSentences(line: string): string[] {
  const out: string[] = [];
  let carry = '';
  for (const part of splitSentences(line)) {
    carry += part;
    // A bracket that never closes (text extracted from a PDF) holds no more than a sentence or two.
    if ((unclosed(carry) && carry.length < MAX_BRACKETED) || [...clean(carry)].length < 4 || SHORT_REPLY.test(clean(carry))) continue;
    out.push(carry);
    carry = '';
  }
  if (carry && ([...clean(carry)].length >= 4 || out.length === 0 || SHORT_REPLY.test(clean(carry)))) out.push(carry);
  else if (carry) out[out.length - 1] += carry;
  // A quotation ending in 。 or ？ goes on after its closing bracket: 「…上限は？」のように、…
  for (let i = out.length - 1; i > 0; i--) {
    if (QUOTE_ENDS.test(out[i - 1]!) && GOES_ON.test(out[i]!)) out.splice(i - 1, 2, out[i - 1]! + out[i]!);
  }
  return out;
}

export const passageSentences = memoizeText((passage: string): readonly PassageSentence[] => {
  const out: PassageSentence[] = [];
  const lines = passage.split('\n');
  const headers = tableHeaders(lines, REPEATED_HEADER_MAX);
  const headerLines = new Set(headers.flatMap((h) => h ?? []));
  let speaker: string | null = null;
  lines.forEach((line, lineNo) => {
    const turn = SPEAKER_TURN.exec(line);
    if (turn) speaker = turn[1]!;
    else if (TURN_ENDS.test(line)) speaker = null;
    const rows = headers[lineNo];
    const header = rows ? new Set(rows.flatMap((h) => [...termSet(lines[h]!)])) : null;
    const step = STEP.exec(line);
    const bullet = !step && BULLET.test(line);
    const parts = step || bullet ? [line.trim()] : lineSentences(line);
    for (const text of parts) {
      if (text.length < 4) continue;
      const plain = clean(text);
      const row = !step && TABLE_ROW.test(plain);
      out.push({
        pos: out.length,
        line: lineNo,
        text,
        step: step ? Number(step[1]) : null,
        bullet,
        fragment: bullet && !SENTENCE_END.test(plain),
        row,
        labelled: !row && LABELLED.test(plain),
        introduces: !step && !row && INTRODUCES.test(plain),
        courtesy: COURTESY.test(plain),
        procedural: procedural(plain),
        terms: termSet(text),
        header,
        heads: headerLines.has(lineNo),
        speaker: speaker !== null && !SPEAKER_TURN.test(text) ? speaker : null,
      });
    }
  });
  // A line that is no sentence right before a list announces it (「例: 講師に2時間の講演を依頼した場合」
  // before the lines of the calculation).
  for (let i = 0; i + 1 < out.length; i++) {
    const s = out[i]!;
    const next = out[i + 1]!;
    if (!s.introduces && !s.bullet && s.step === null && !s.row && next.bullet && next.line > s.line && !SENTENCE_END.test(s.text.trim())) s.introduces = true;
  }
  return out;
}, { size: 5_000, maxLength: 20_000 });
