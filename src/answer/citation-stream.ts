// Citation checking for streamed answers: text passes through as it arrives, except a marker
// that is still being written (「[1」), which is held until it closes. Markers that point to a
// given passage are kept as [n]; others are dropped. Used numbers are recorded.

const MARKER = /\[(\d{1,3})\]|【(\d{1,3})】|\[\^(\d{1,3})\]/g;
/** An opening bracket near the end with no closing one yet: the rest may still become a marker. */
const OPEN_TAIL = /(\[\^?\d{0,3}|【\d{0,3})$/;

export class CitationStreamFilter {
  readonly used = new Set<number>();
  removed = 0;
  private pending = '';
  private readonly valid: ReadonlySet<number>;

  constructor(valid: ReadonlySet<number>) {
    this.valid = valid;
  }

  /** Text that can be shown now. */
  push(delta: string): string {
    this.pending += delta;
    const open = OPEN_TAIL.exec(this.pending);
    const cut = open ? open.index : this.pending.length;
    const ready = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    return this.clean(ready);
  }

  /** The rest, at the end of the stream. */
  flush(): string {
    const rest = this.clean(this.pending);
    this.pending = '';
    return rest;
  }

  private clean(text: string): string {
    return text.replace(MARKER, (_m, a: string | undefined, b: string | undefined, c: string | undefined) => {
      const n = Number(a ?? b ?? c);
      if (this.valid.has(n)) {
        this.used.add(n);
        return `[${n}]`;
      }
      this.removed++;
      return '';
    });
  }
}
