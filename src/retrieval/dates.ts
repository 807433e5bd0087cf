// Finds the date a question is about (「2025年3月の出張」「令和7年4月以降」「R6年度」「改正前」), so
// that the rules in force on that date rank first. Returns null when the question names no date.
import { normalizeText } from '../text/normalize.ts';

export interface QuestionDate {
  /** YYYY-MM-DD */
  date: string;
  /** The words of the question that named it. */
  phrase: string;
}

/** The day the revised travel-expense rules took effect. */
export const REVISION_DATE = '2025-04-01';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function dayBefore(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d) - 86_400_000);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function eraYear(era: string, n: string): number | null {
  const k = n === '元' ? 1 : Number(n);
  if (!Number.isFinite(k) || k < 1) return null;
  if (/^(令和|R|r)$/.test(era)) return 2018 + k;
  if (/^(平成|H|h)$/.test(era)) return 1988 + k;
  return null;
}

const YEAR = String.raw`(?:(?<era>令和|平成|R|H)\s*(?<en>\d{1,2}|元)|(?<ad>(?:19|20)\d{2}))`;
const DATE_RE = new RegExp(
  String.raw`${YEAR}\s*(?:年|[./-])\s*(?:(?<fy>度)|(?<m>\d{1,2})\s*(?:月|[./-])?\s*(?:(?<d>\d{1,2})\s*日?)?)?` +
    String.raw`\s*(?<mod>以降|以後|から|より後|より前|以前|まで|前|中)?`,
  'u',
);

/**
 * The date a question refers to. A month without a day means the whole month (its first day,
 * or its last with 「まで」「以前」); 「より前」「前」 mean the day before; a fiscal year (年度) means
 * 1 April of that year; 「改正前」「旧制度」 and 「改正後」「新制度」 name the revision itself.
 */
export function detectDate(question: string, today: Date = new Date()): QuestionDate | null {
  const q = normalizeText(question);
  const m = DATE_RE.exec(q);
  if (m?.groups) {
    const g = m.groups;
    const y = g.ad ? Number(g.ad) : eraYear(g.era ?? '', g.en ?? '');
    if (y !== null && y >= 1989 && y <= 2100) {
      const mod = g.mod ?? '';
      if (g.fy) {
        return { date: mod === 'まで' || mod === '以前' ? iso(y + 1, 3, 31) : iso(y, 4, 1), phrase: m[0].trim() };
      }
      const month = g.m ? Number(g.m) : null;
      if (month === null || month < 1 || month > 12) {
        // A bare year: its middle, or its edges with a modifier.
        const date = mod === 'まで' || mod === '以前' ? iso(y, 12, 31) : /より前|^前$/.test(mod) ? iso(y - 1, 12, 31) : /以降|以後|から/.test(mod) ? iso(y, 1, 1) : iso(y, 7, 1);
        return { date, phrase: m[0].trim() };
      }
      const day = g.d ? Math.min(Number(g.d), lastDay(y, month)) : null;
      let date: string;
      if (mod === 'より前' || mod === '前') date = dayBefore(y, month, day ?? 1);
      else if (mod === 'まで' || mod === '以前') date = iso(y, month, day ?? lastDay(y, month));
      else date = iso(y, month, day ?? 1);
      return { date, phrase: m[0].trim() };
    }
  }
  if (/改正前|旧制度|旧規程|以前の制度|昔の制度|前の制度|改正される前/.test(q)) return { date: dayBefore(2025, 4, 1), phrase: '改正前' };
  if (/改正後|新制度|新しい制度|今の制度|現行制度/.test(q)) return { date: REVISION_DATE, phrase: '改正後' };
  const y = today.getUTCFullYear();
  const rel: Array<[RegExp, () => string]> = [
    [/一昨年|おととし/, () => iso(y - 2, 7, 1)],
    [/去年|昨年/, () => iso(y - 1, 7, 1)],
  ];
  for (const [re, f] of rel) {
    const r = re.exec(q);
    if (r) return { date: f(), phrase: r[0] };
  }
  return null;
}

/** Is a document with this effective range in force on the date? */
export function inForce(effectiveFrom: string | null, effectiveTo: string | null, date: string): boolean {
  return (effectiveFrom === null || effectiveFrom <= date) && (effectiveTo === null || date <= effectiveTo);
}
