// The answer's lines as they are written: each sentence cited with its passage's number, kept in
// reading order within a paragraph, and remembered so that nothing is written twice.
import type { Sentence } from './scoring.ts';
import { STEP, clean } from './sentences.ts';

/**
 * Spaces that text extraction put around half-width figures inside a sentence (transcribed minutes
 * print 「４月 22 日に開催された第 10 回」「約 3.6倍」): a space between a figure and a kanji or kana
 * on either side, in a sentence that ends as one (「…指示がございました。」). Elsewhere spaces may
 * separate a table's cells (「4位 26年度」「厚生労働省 182,621 148,815」) and stay.
 */
const SPACED_FIGURE = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー〜~])[ \u3000](?=\d)|(?<=\d)[ \u3000](?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー〜~])/gu;
/** A sentence as the answer shows it: without the extraction's spaces around figures (the words are the document's). */
export function tidy(text: string, row = false): string {
  return row || !/[。！？]$/u.test(text) ? text : text.replace(SPACED_FIGURE, '');
}

function cite(text: string, n: number, row = false): string {
  const t = tidy(clean(text), row);
  // The marker goes before the final 。 so the sentence reads naturally: 「…します[1]。」
  return /[。！？]$/.test(t) ? `${t.slice(0, -1)}[${n}]${t.slice(-1)}` : `${t}[${n}]`;
}

/** The longest line read as a heading joined with the one item under it. */
const SHORT_HEADING = 40;

/** Writes the answer's lines, remembering which sentences it used. */
export class Lines {
  /** The question's own terms (not earlier turns'): rows or items it names are shown alone. */
  readonly asked: ReadonlySet<string>;
  /** The question follows up an earlier one in the conversation. */
  readonly followUp: boolean;
  constructor(asked: ReadonlySet<string>, followUp: boolean) {
    this.asked = asked;
    this.followUp = followUp;
  }
  private readonly entries: Array<{ text: string; from: Sentence | null }> = [];
  /**
   * The lines as written, except that a short line that is no sentence followed by one item of its
   * own passage that is no sentence either reads as one line (「行政管理局行政情報システム企画課長 澤田稔一[1]」, not
   * the title and a one-item list): a list of one is no list.
   */
  get lines(): string[] {
    const out: string[] = [];
    const es = this.entries;
    for (let i = 0; i < es.length; i++) {
      const e = es[i]!;
      const next = es[i + 1];
      const after = es[i + 2];
      const marker = e.from ? `[${e.from.n}]` : '';
      const single = next?.from && e.from && next.from.n === e.from.n && next.text.startsWith('・') && !after?.text.startsWith('・');
      // Both fragments (a title and a name, a label and its figure), neither a sentence.
      const fragment = (t: string) => t.endsWith(marker) && t.length - marker.length <= SHORT_HEADING;
      if (single && !e.text.startsWith('・') && fragment(e.text) && fragment(next.text)) {
        out.push(`${e.text.slice(0, -marker.length)} ${next.text.slice(1)}`);
        i++;
        continue;
      }
      // Said in minutes: who says it, once for each run of one speaker's lines, the line that opens their
      // turn included (「私が主査をつとめる」 reads only with the speaker).
      const said = e.from?.speaker;
      const prev = es[i - 1]?.from;
      const named = said && (out.at(-1)?.startsWith(`${said}：`) || (prev?.n === e.from!.n && prev.speaker === said));
      out.push(said && !named && !e.text.startsWith('・') ? `${said}：${e.text}` : e.text);
    }
    return out;
  }
  get used(): Sentence[] {
    return this.entries.flatMap((e) => (e.from ? [e.from] : []));
  }
  has(s: Sentence): boolean {
    return this.entries.some((e) => e.from?.n === s.n && e.from.pos === s.pos);
  }
  /** A line of the answer's own (「手順は次のとおりです。」). */
  text(line: string): void {
    this.entries.push({ text: line, from: null });
  }
  sentence(s: Sentence): void {
    if (!this.has(s)) this.entries.push({ text: cite(s.text, s.n, s.row), from: s });
  }
  /**
   * A sentence of a paragraph already quoted goes where it stands in that paragraph, after the
   * paragraph's first quoted sentence (a supporting sentence picked after the lead may stand
   * between two quoted ones); any other at the end.
   */
  inPlace(s: Sentence): void {
    if (this.has(s)) return;
    const para = (e: { from: Sentence | null }) => e.from !== null && e.from.n === s.n && e.from.line === s.line && e.from.step === null && !e.from.row && !e.from.bullet;
    const at = this.entries.findIndex((e) => para(e) && e.from!.pos > s.pos);
    if (at < 0 || !this.entries.slice(0, at).some(para)) return this.sentence(s);
    this.entries.splice(at, 0, { text: cite(s.text, s.n, s.row), from: s });
  }
  item(s: Sentence): void {
    if (!this.has(s)) this.entries.push({ text: `・${cite(s.text, s.n, s.row)}`, from: s });
  }
  /** Part of a sentence (「…合計(26省庁1082システム)…」), cited. */
  quote(s: Sentence, part: string): void {
    if (!this.has(s)) this.entries.push({ text: `${tidy(part, s.row)}[${s.n}]`, from: s });
  }
  /** A sentence already written, replaced by part of it. */
  requote(s: Sentence, part: string): void {
    const e = this.entries.find((x) => x.from?.n === s.n && x.from.pos === s.pos);
    if (e) e.text = `${e.text.startsWith('・') ? '・' : ''}${tidy(part, s.row)}[${s.n}]`;
  }
  /** Opens the answer with a reply (「いいえ、」) when its first line quotes s. */
  openWith(reply: string, s: Sentence): void {
    const first = this.entries[0];
    if (first && first.from === s && !first.text.startsWith('・')) first.text = `${reply}${first.text}`;
  }
  step(s: Sentence): void {
    if (!this.has(s)) this.entries.push({ text: cite(s.text, s.n, s.row).replace(STEP, `${s.step}. `), from: s });
  }
}
