// The answer's lines as they are written: each sentence cited with its passage's number, kept in
// reading order within a paragraph, and remembered so that nothing is written twice.
import type { Sentence } from './scoring.ts';
import { STEP, clean } from './sentences.ts';

function cite(text: string, n: number): string {
  const t = clean(text);
  // The marker goes before the final 。 so the sentence reads naturally: 「…します[1]。」
  return /[。！？]$/.test(t) ? `${t.slice(0, -1)}[${n}]${t.slice(-1)}` : `${t}[${n}]`;
}

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
  get lines(): string[] {
    return this.entries.map((e) => e.text);
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
    if (!this.has(s)) this.entries.push({ text: cite(s.text, s.n), from: s });
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
    this.entries.splice(at, 0, { text: cite(s.text, s.n), from: s });
  }
  item(s: Sentence): void {
    if (!this.has(s)) this.entries.push({ text: `・${cite(s.text, s.n)}`, from: s });
  }
  /** Part of a sentence (「…合計(26省庁1082システム)…」), cited. */
  quote(s: Sentence, part: string): void {
    if (!this.has(s)) this.entries.push({ text: `${part}[${s.n}]`, from: s });
  }
  /** A sentence already written, replaced by part of it. */
  requote(s: Sentence, part: string): void {
    const e = this.entries.find((x) => x.from?.n === s.n && x.from.pos === s.pos);
    if (e) e.text = `${e.text.startsWith('・') ? '・' : ''}${part}[${s.n}]`;
  }
  /** Opens the answer with a reply (「いいえ、」) when its first line quotes s. */
  openWith(reply: string, s: Sentence): void {
    const first = this.entries[0];
    if (first && first.from === s && !first.text.startsWith('・')) first.text = `${reply}${first.text}`;
  }
  step(s: Sentence): void {
    if (!this.has(s)) this.entries.push({ text: cite(s.text, s.n).replace(STEP, `${s.step}. `), from: s });
  }
}
