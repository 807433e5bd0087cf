// A passage read as the extractive answerer needs it: sentences, each with what it is in the
// passage's layout (a numbered step, a list item, a flattened table row, a labelled line, a
// sentence that introduces a list) and its lexical terms. Depends on the passage's text alone,
// so it is cached.
import { memoizeText } from '../../lib/memo.ts';
import { splitSentences } from '../../text/normalize.ts';
import { bigrams, prepare, words } from '../../text/tokenize.ts';

export const STEP = /^\s*(\d{1,2})[.)．]\s*/;
const BULLET = /^\s*[-*・●]\s*/;
/** A colon that is no clock time's (「9:00」). */
const COLON = '(?<!\\d)[:：](?!\\d)';
/** A line that starts with a short label (「表示される場面: …」). */
const LABELLED = new RegExp(`^[^。：:、]{1,12}${COLON}`, 'u');
/** Two 「label: value」 pairs and no sentence end: a table row as the chunker flattens it. */
const TABLE_ROW = new RegExp(`^[^。：:]{1,40}${COLON}[^。]*、[^。：:]{1,40}${COLON}[^。]*$`, 'u');
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
  terms: ReadonlySet<string>;
}

/** The lexical terms of a text (shared through the cache: read only). */
export const termSet = memoizeText((text: string): ReadonlySet<string> => {
  const p = prepare(text);
  return new Set([...words(p), ...bigrams(p)]);
}, { size: 20_000 });

/** Removes list markers and an FAQ's 「A.」 prefix. */
export function clean(text: string): string {
  return text.replace(BULLET, '').replace(/^A[.．]\s*/, '').replace(/\s+/g, ' ').trim();
}

export const passageSentences = memoizeText((passage: string): readonly PassageSentence[] => {
  const out: PassageSentence[] = [];
  passage.split('\n').forEach((line, lineNo) => {
    const step = STEP.exec(line);
    const bullet = !step && BULLET.test(line);
    const parts = step || bullet ? [line.trim()] : splitSentences(line);
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
        fragment: bullet && !/[。！？][)）」』]?$/u.test(plain),
        row,
        labelled: !row && LABELLED.test(plain),
        introduces: !step && !row && INTRODUCES.test(plain),
        terms: termSet(text),
      });
    }
  });
  return out;
}, { size: 5_000, maxLength: 20_000 });
