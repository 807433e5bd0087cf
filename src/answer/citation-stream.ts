// Citation checking for streamed answers: text passes through as it arrives, except a marker
// that is still being written (「[1」), which is held until it closes. Markers that point to a
// given passage are kept as [n]; others are dropped. Used numbers are recorded. Given the
// passages' texts, text passes a sentence at a time, and a sentence stating a figure none of its
// cited passages holds is dropped (figure-check.ts).
import { citedUnits, unsupportedFigures } from './figure-check.ts';

const MARKER = /\[(\d{1,3})\]|【(\d{1,3})】|\[\^(\d{1,3})\]/g;
/** An opening bracket near the end with no closing one yet: the rest may still become a marker. */
const OPEN_TAIL = /(\[\^?\d{0,3}|【\d{0,3})$/;

export class CitationStreamFilter {
  readonly used = new Set<number>();
  removed = 0;
  /** Sentences dropped for stating figures their cited passages do not hold. */
  readonly dropped: string[] = [];
  private pending = '';
  /** Checked text of a sentence not yet ended (with passages only). */
  private sentence = '';
  private readonly valid: ReadonlySet<number>;
  private readonly passages: ReadonlyMap<number, string> | null;

  constructor(valid: ReadonlySet<number>, passages: ReadonlyMap<number, string> | null = null) {
    this.valid = valid;
    this.passages = passages;
  }

  /** Text that can be shown now. */
  push(delta: string): string {
    this.pending += delta;
    const open = OPEN_TAIL.exec(this.pending);
    const cut = open ? open.index : this.pending.length;
    const ready = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    return this.release(this.clean(ready), false);
  }

  /** The rest, at the end of the stream. */
  flush(): string {
    const rest = this.release(this.clean(this.pending), true);
    this.pending = '';
    return rest;
  }

  /** Ended sentences (all at the end) that pass the figure check; the markers they keep count as used. */
  private release(text: string, end: boolean): string {
    if (!this.passages) return this.emit(text);
    this.sentence += text;
    const parts = citedUnits(this.sentence);
    // The last part may still be written (a marker may follow its 。), unless the stream ended.
    const open = end ? '' : (parts.pop() ?? '');
    this.sentence = open;
    let out = '';
    for (const p of parts) {
      if (unsupportedFigures(p, this.passages).length > 0) this.dropped.push(p.trim());
      else out += p;
    }
    return this.emit(out);
  }

  private emit(text: string): string {
    for (const m of text.matchAll(/\[(\d{1,3})\]/g)) this.used.add(Number(m[1]));
    return text;
  }

  private clean(text: string): string {
    return text.replace(MARKER, (_m, a: string | undefined, b: string | undefined, c: string | undefined) => {
      const n = Number(a ?? b ?? c);
      if (this.valid.has(n)) return `[${n}]`;
      this.removed++;
      return '';
    });
  }
}
