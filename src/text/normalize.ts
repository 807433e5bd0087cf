// Text normalization shared by ingestion and retrieval. Web-standard only (runs on Node and Workers).

// CJK Radicals Supplement characters that NFKC leaves alone but PDF extraction emits in place of
// ordinary ideographs (Kangxi radicals U+2F00–U+2FD5 are already folded by NFKC).
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '\u2E8B': '㔾', '\u2E97': '亠', '\u2EA0': '民', '\u2EA4': '爪', '\u2EA8': '犭', '\u2EAD': '礻',
  '\u2EB2': '罒', '\u2EB9': '老', '\u2EBC': '月', '\u2EBE': '艹', '\u2EC4': '西', '\u2EC6': '角',
  '\u2ECC': '辶', '\u2ECF': '阝', '\u2ED1': '長', '\u2ED6': '阝', '\u2ED8': '青', '\u2EDD': '食',
  '\u2EE0': '饣', '\u2EE4': '鬼', '\u2EE9': '黄', '\u2EEB': '斉', '\u2EED': '歯', '\u2EEF': '竜',
};
const RADICAL_RE = new RegExp(`[${Object.keys(RADICAL_SUPPLEMENT).join('')}]`, 'gu');

/** Characters of Japanese running text between which a space is noise. */
const JA = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆〇、。「」『』（）()・：:'; // after NFKC
const STRAY_SPACE_RE = new RegExp(`([${JA}])[ \\t\\u3000]+(?=[${JA}])`, 'gu');

/**
 * A speaker's turn in minutes as Japanese government minutes print it: 「○村岡山口県知事 はい、…」,
 * the speaker's name and post after ○ (the post or honorific ends it: 長, 官, 大臣, 委員, 知事, 氏 …,
 * so that a heading 「○電子政府の総合窓口の管理」 is none), a space, then what they said (or the name
 * alone on its line). The space is the only boundary between name and speech, and the stray-space rule below
 * would remove it (「村岡山口県知事はい、…」): it becomes 「：」, so that a quote reads as said by
 * someone (「村岡山口県知事：はい、…」).
 */
const SPEAKER_RE = /^([ \t]*[○◯〇])([^\s○◯〇、。，,：:「」『』()（）]{1,38}(?:長|官|臣|員|知事|理事|幹事|氏|君|さん|様|教授|参与|顧問))(?:[ \t\u3000]+(?=\S)|[ \t\u3000]*$)/gmu;

/** A speaker's turn as normalizeText prints it (「○村岡山口県知事：はい、…」): the speaker is group 1. */
export const SPEAKER_TURN = /^\s*[○◯〇]([^：:\s○◯〇]{1,40})[：:]/u;
/** Where a turn ends without another starting: a heading, a numbered item of the agenda, a bracketed note (「(異議なしの声)」). */
export const TURN_ENDS = /^\s*(?:#|\d{1,2}\s*[.．]|[(（][^)）]*[)）]\s*$)/u;

/** Circled numbers ①–⑳ and ㉑–㊿: NFKC would flatten 「①企画者」 to 「1企画者」. */
const CIRCLED = '\\u2460-\\u2473\\u3251-\\u325F\\u32B1-\\u32BF';
const HAS_CIRCLED = new RegExp(`[${CIRCLED}]`, 'u');
const CIRCLED_SPLIT = new RegExp(`([${CIRCLED}])`, 'u');

/** NFKC, except that circled numbers stay as the document prints them. */
function nfkcKeepingCircled(input: string): string {
  if (!HAS_CIRCLED.test(input)) return input.normalize('NFKC');
  return input.split(CIRCLED_SPLIT).map((part, i) => (i % 2 === 1 ? part : part.normalize('NFKC'))).join('');
}

/**
 * NFKC (folds Kangxi radicals, full-width ASCII, half-width katakana; circled numbers stay), maps radical-supplement
 * look-alikes, removes zero-width characters and (unless keepSpaces, for authored text such as
 * Markdown, where 「第7章 旅費請求」 is meant) spaces between Japanese characters.
 */
export function normalizeText(input: string, options: { keepSpaces?: boolean } = {}): string {
  let s = nfkcKeepingCircled(input).replace(RADICAL_RE, (ch) => RADICAL_SUPPLEMENT[ch] ?? ch);
  s = s.replace(/[\u200B-\u200D\uFEFF\u00AD\uE000-\uF8FF]/g, '').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  if (!options.keepSpaces) s = s.replace(SPEAKER_RE, '$1$2：').replace(STRAY_SPACE_RE, '$1');
  return s.replace(/ {2,}/g, ' ');
}

/** A form for comparing text regardless of layout: normalized, lower-case, without whitespace. */
export function compactForMatch(input: string): string {
  return normalizeText(input).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const SENTENCE_END = /[。！？!?]$/u;
const CLAUSE_END = /[。！？!?：:」』）)]$/u;
const LIST_START = /^(\s*([-*・●○■□◆◇▶※✓]|\d+[.)．]|[(（]\d+[)）]|[①-⑳]|第\d+|#))/u;
const CJK_EDGE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー、]/u;

/** Does this line end a sentence (so the next line is a new one)? */
export function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line.trimEnd());
}

/**
 * A line that can only continue the one before: it opens with hiragana (a particle or the rest of
 * a word: 「の利用拡大に向け」「た取組の実施」「と」), not with a word that opens a sentence.
 */
const CONTINUES = /^(?!(?:また|なお|ただし|さらに|しかし|この|その|これ|それ|あの|ここ|そこ|こう|そう|どの|まず|および|もし|いずれ|すべて|ほか|お|ご))[ぁ-ゖ]/u;

/** A figure standing apart in a line: 「1,089」「▲75%」「401,595千件以上」「27年度」「32 時間以内」 (not a date's 「6月」「2日」). */
const FIGURE = /(?<=^|\s)(?<!第\s*)[▲△+\-−]?\d[\d,.]*\s*(?:[%％]|[千万億]?(?:件|人|名|円|回|枚|時間|年度|倍|か所|箇所))?(?:以上|以下|以内|未満)?(?=\s|$)/gu;

/** How many figures stand apart in a line (FIGURE). */
export function figureCount(line: string): number {
  return line.trim().match(FIGURE)?.length ?? 0;
}

/**
 * A row of a table as text extracted from a PDF prints it: two or more figures standing apart, no
 * kana of a sentence and no word in Latin letters (「人事院 424 105 112 8 ▲75%」「920人 27年度 1,200人以上
 * 30年度」). Each row is a record of its own: joined to the next, a table became one run-on line of
 * every row. A date (「令和7年 6月 2日」) or an English sentence with numbers is no row.
 */
export function isFigureRow(line: string): boolean {
  const t = line.trim();
  return !/[ぁ-ゖ]/u.test(t) && !/[A-Za-z]{3,}/u.test(t) && (t.match(FIGURE)?.length ?? 0) >= 2;
}

/**
 * Joins lines that a PDF or a hard-wrapped text broke in the middle of a sentence. A line is
 * joined to the next when it does not end a clause, and the next line does not begin a list
 * item or a heading, and either the line is long (a wrapped one) or the next can only continue
 * it (CONTINUES; slides break short lines); rows of figures stay apart (isFigureRow), and so do
 * lines the caller knows to start anew (`starts`, by index: a bullet that normalization removed).
 * Japanese joins without a space; Latin text joins with one.
 */
export function joinBrokenLines(lines: string[], starts: (i: number) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    const prev = out.at(-1);
    if (
      prev !== undefined && line !== '' && prev !== '' && !starts(i) &&
      !CLAUSE_END.test(prev) && !LIST_START.test(line) && !prev.startsWith('#') &&
      !isFigureRow(prev) && !isFigureRow(line) &&
      (prev.length >= 20 || CONTINUES.test(line))
    ) {
      const glue = CJK_EDGE.test(prev.at(-1) ?? '') || CJK_EDGE.test(line[0] ?? '') ? '' : ' ';
      out[out.length - 1] = prev + glue + line;
    } else {
      out.push(line);
    }
  }
  return out;
}

const PAGE_NUMBER_RE = /^(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*\/\s*\d{1,4}|(?:p\.?|page)\s*\d{1,4}|\d{1,4})$/iu;

/** Is this line only a page number (「- 3 -」「3/10」「p.3」)? */
export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER_RE.test(line.trim());
}

/** The shape of a line with its digits masked, so 「旅費マニュアル 3」 and 「… 4」 compare equal. */
function lineShape(line: string): string {
  return line.trim().replace(/\d+/g, '#');
}

/**
 * Removes running headers and footers: short lines that recur at the top or bottom of many
 * pages (digits masked), and bare page numbers. Pages are arrays of lines.
 */
export function stripRunningHeaders(pages: string[][]): string[][] {
  // Edge lines: the first and last two of a page (one each on a short page). A sentence is never
  // taken for a header.
  const edgesOf = (page: string[]) => {
    const content = page.filter((l) => l.trim() !== '');
    const n = content.length >= 6 ? 2 : 1;
    return new Set([...content.slice(0, n), ...content.slice(-n)].filter((l) => !/[。．.]$/.test(l.trim())));
  };
  const edgeCounts = new Map<string, number>();
  for (const page of pages) {
    for (const shape of new Set([...edgesOf(page)].map(lineShape))) edgeCounts.set(shape, (edgeCounts.get(shape) ?? 0) + 1);
  }
  const minPages = Math.max(3, Math.ceil(pages.length * 0.5));
  const repeated = new Set(
    [...edgeCounts].filter(([shape, n]) => n >= minPages && shape.length <= 40).map(([shape]) => shape),
  );
  return pages.map((page) => {
    const edges = edgesOf(page);
    return page.filter((l) => !(isPageNumber(l) || (edges.has(l) && repeated.has(lineShape(l)))));
  });
}

/**
 * A line that repeats because a document's structure does, never page furniture: a clause or
 * sentence (ending 。、), a speaker's turn in minutes (「○座長」 on its own line: without it, what the
 * chair says would read as the previous speaker's), a label wholly in brackets (「【成果指標（アウトカム）】」, 18 times in seed 002),
 * a table cell that is a figure with at most a short unit (「2,343百万円」「（2,266百万円）」「30年度」:
 * digits, punctuation and brackets aside, four characters or fewer), or a figure labelled with a colon
 * (「2024(R6)年度：約65億円」). Read after NFKC (full-width digits are digits).
 */
function structural(line: string): boolean {
  const l = line.normalize('NFKC').trim();
  if (/[。、.]$/u.test(l) || /^[【［[＜<〈《(].*[】］\]＞>〉》)]$/u.test(l) || /[:]\s*[約▲△]?\s*\d/u.test(l) || /^[○◯〇]\S/u.test(l)) return true;
  return /\d/u.test(l) && l.replace(/[\d\s,.．、。:()（）［］[\]【】〔〕・―ー\-~〜%]/gu, '').length <= 4;
}

/**
 * For text without page breaks: removes bare page numbers and short lines that repeat four or more
 * times (ASCII digits masked: 「旅費マニュアル 3」「… 4」), the residue of running headers, but not a line
 * that repeats because the structure does (structural). Until session 16 every masked repeat went:
 * amounts all had one shape, so the stripping deleted 002's budget rows and indicator labels, 000's
 * yearly figures and a chair's turns in 004.
 */
export function stripRepeatedLines(lines: string[]): string[] {
  const shape = lineShape;
  const counts = new Map<string, number>();
  for (const l of lines) {
    const s = shape(l);
    if (s.length > 0 && s.length <= 40) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return lines.filter((l) => {
    const line = l.trim();
    if (line !== '' && isPageNumber(line)) return false;
    if (line.startsWith('#') || structural(line)) return true;
    return (counts.get(shape(l)) ?? 0) < 4;
  });
}

/** A line that is only a figure, as a chart's axis prints its ticks (「10,000」「20%」「0」「-10%」), read after NFKC. */
const TICK = /^\s*(-?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(?:%|[千万億]?円)?\s*$/u;

/**
 * Removes the tick labels of a chart's axis that text extracted from a slide or report prints one
 * per line (「0」「10,000」「20,000」…「80,000」, then 「0%」「10%」…「100%」): four or more lines in a row
 * (blank lines between them aside) holding nothing but a figure, rising or falling by one step, one
 * of them zero. They are no fact of the document, and a question asking 「上位8割」 found its 「80%」
 * among them. A chart's data labels (「35,640」「24,297」) do not step evenly, and a table's column that
 * does (「8,000円」「9,000円」… by prefecture) has no zero: both stay. Run before page numbers are taken
 * out (the zero tick reads as one).
 */
export function stripChartAxes(lines: string[]): string[] {
  const value = (l: string): number | null => {
    const m = TICK.exec(l.normalize('NFKC'));
    return m ? Number(`${m[1]}${m[2]!.replace(/,/g, '')}${m[3] ?? ''}`) : null;
  };
  const same = (a: number, b: number) => Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const drop = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    // The run of figure-only lines from here (blank lines skipped), ended by any other line.
    const at: number[] = [];
    const vs: number[] = [];
    let j = i;
    while (j < lines.length && (lines[j]!.trim() === '' || value(lines[j]!) !== null)) {
      if (lines[j]!.trim() !== '') {
        at.push(j);
        vs.push(value(lines[j]!)!);
      }
      j++;
    }
    // Each stretch of 4+ stepping evenly, through zero, is an axis.
    let k = 0;
    while (k < vs.length) {
      let end = k + 1;
      const step = end < vs.length ? vs[end]! - vs[k]! : 0;
      if (step !== 0) while (end < vs.length && same(vs[end]! - vs[end - 1]!, step)) end++;
      const axis = end - k >= 4 && vs.slice(k, end).some((v) => v === 0);
      if (axis) for (let x = k; x < end; x++) drop.add(at[x]!);
      k = end - k >= 4 ? end : k + 1;
    }
    i = Math.max(j, i + 1);
  }
  return lines.filter((_, n) => !drop.has(n));
}

const SPLIT_RE = /[^。！？!?\n]*(?:[。！？!?]+[」』）)]*|\n|$)/gu;

/**
 * Splits Japanese text into sentences at 。！？ (closing brackets stay with their sentence) and
 * at line breaks. No sentence starts with a stray 。 or closing bracket.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SPLIT_RE)) {
    const s = m[0].trim();
    if (s === '') continue;
    if (/^[。、！？!?」』）)]/u.test(s) && out.length > 0) {
      out[out.length - 1] += s;
      continue;
    }
    out.push(s);
  }
  return out;
}
