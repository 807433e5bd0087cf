// Personal data in free text: My Number (with its check digit), phone numbers, e-mail addresses,
// bank accounts, payment cards (Luhn), street addresses and staff numbers with names — found,
// and replaced by labels before anything is stored, logged or sent to an external model.
import { normalizeText } from '../text/normalize.ts';

export type PiiKind = 'my_number' | 'phone' | 'email' | 'bank_account' | 'card' | 'address' | 'staff_id_name';

/** What each kind is called in notes and in the assessment a reviewer reads. */
export const PII_NAMES: Record<PiiKind, string> = { my_number: '個人番号', phone: '電話番号', email: 'メールアドレス', bank_account: '口座番号', card: 'カード番号', address: '住所', staff_id_name: '職員番号と氏名' };

export const PII_LABELS: Record<PiiKind, string> = {
  my_number: '【個人番号】',
  phone: '【電話番号】',
  email: '【メールアドレス】',
  bank_account: '【口座番号】',
  card: '【カード番号】',
  address: '【住所】',
  staff_id_name: '【職員番号・氏名】',
};

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
}

/** The My Number check digit rule (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令). */
export function validMyNumber(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  const body = digits.slice(0, 11);
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(body[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return Number(digits[11]) === (r <= 1 ? 0 : 11 - r);
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

const PREFECTURE = '(?:北海道|東京都|(?:京都|大阪)府|[^\\s、。,]{2,3}県)';
const DETECTORS: Array<{ kind: PiiKind; re: RegExp; check?: (m: RegExpExecArray) => boolean }> = [
  { kind: 'email', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  // 12 digits, alone or as 4-4-4, with a valid check digit.
  { kind: 'my_number', re: /(?<!\d[ -]?)\d{4}[ -]?\d{4}[ -]?\d{4}(?![ -]?\d)/g, check: (m) => validMyNumber(m[0].replace(/\D/g, '')) },
  // 13–19 digits, in groups or not, passing Luhn.
  { kind: 'card', re: /(?<!\d[ -]?)(?:\d[ -]?){12,18}\d(?![ -]?\d)/g, check: (m) => luhn(m[0].replace(/\D/g, '')) },
  // Japanese phone numbers: 0X-XXXX-XXXX, mobile, toll-free, +81.
  { kind: 'phone', re: /(?<![\d-])(?:\+81[ -]?\d{1,4}[ -]?\d{1,4}[ -]?\d{3,4}|0\d{1,4}-\d{1,4}-\d{3,4}|0[5789]0\d{8}|0120\d{6}|\(0\d{1,4}\)\d{1,4}-\d{4})(?![\d-])/g },
  { kind: 'phone', re: /(?:電話|TEL|Tel|tel|携帯|内線|連絡先)(?:番号)?[はが:：\s]*(0\d{9,10})(?!\d)/g },
  // Account numbers with their context (普通 1234567, 口座番号 1234567).
  { kind: 'bank_account', re: /(?:(?:普通|当座|貯蓄)(?:預金)?|口座(?:番号)?)(?:口座)?(?:番号)?[はがをの:：\s]*(?:No\.?)?\s*\d{6,8}(?!\d)/g },
  // Prefecture, municipality and a street number.
  {
    kind: 'address',
    re: new RegExp(`${PREFECTURE}[^\\s、。,]{1,12}?[市区町村郡][^\\s、。,]{0,16}?\\d{1,4}(?:丁目|番地?|-|－|ー)\\d{0,4}(?:[-－ー番号]\\d{1,4})*(?:号)?`, 'g'),
  },
  // A street address without the prefecture: a postal code or a city/ward followed by a block number.
  {
    kind: 'address',
    re: /(?:〒?\d{3}-\d{4}\s*)?[^\s、。,〒]{1,8}[市区町村][^\s、。,]{0,12}?\d{1,4}(?:丁目|番地?)?[-－ー]\d{1,4}(?:[-－ー]\d{1,4})?(?:号)?/g,
  },
  // Staff numbers in other spellings (職番, employee no.), with letters, next to a name.
  {
    kind: 'staff_id_name',
    re: /(?:職番|職員No\.?|職員番号|staff\s*(?:no\.?|number|id)|employee\s*(?:no\.?|number|id))[\s:：]*[A-Za-z]{0,2}-?\d{4,10}[\s,、(（]*(?:name[:：]?\s*[A-Z][a-z]+\s+[A-Z][a-z]+|の?[\p{Script=Han}]{2,6}(?:さん|氏|様)?)|[\p{Script=Han}]{2,6}(?:さん|氏|様)?[\s(（]*(?:職番|職員No\.?|職員番号|staff\s*no\.?)[\s:：]*[A-Za-z]{0,2}-?\d{4,10}/giu,
  },
  // A staff number next to a name, either way round.
  {
    kind: 'staff_id_name',
    re: /(?:職員(?:番号|ID|コード)|社員番号)[はが:：\s]*[A-Za-z]?\d{4,10}[\s、,(（]*(?:氏名[:：\s]*)?[\p{Script=Han}]{1,4}[\s　]?[\p{Script=Han}\p{Script=Hiragana}]{1,4}|[\p{Script=Han}]{1,4}[\s　]?[\p{Script=Han}]{1,3}(?:さん|氏|様)?[\s、,(（]*(?:の)?(?:職員(?:番号|ID|コード)|社員番号)[はが:：\s]*[A-Za-z]?\d{4,10}/gu,
  },
];

/** Personal data in a text (positions refer to the NFKC-normalized text). */
export function findPii(text: string): PiiMatch[] {
  const t = normalizeText(text, { keepSpaces: true });
  const found: PiiMatch[] = [];
  for (const d of DETECTORS) {
    d.re.lastIndex = 0;
    for (let m = d.re.exec(t); m; m = d.re.exec(t)) {
      if (d.check && !d.check(m)) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      // A span already claimed by another kind (a card number's digits are not a phone) is skipped.
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ kind: d.kind, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The text with every piece of personal data replaced by its label, and what was found. */
export function redact(text: string): { text: string; kinds: PiiKind[] } {
  const t = normalizeText(text, { keepSpaces: true });
  const matches = findPii(t);
  if (matches.length === 0) return { text: t, kinds: [] };
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += t.slice(at, m.start) + PII_LABELS[m.kind];
    at = m.end;
  }
  return { text: out + t.slice(at), kinds: [...new Set(matches.map((m) => m.kind))] };
}

/** The kinds whose labels a text carries: what was redacted from it before (at the API's edge). */
export function labelledKinds(text: string): PiiKind[] {
  return (Object.keys(PII_LABELS) as PiiKind[]).filter((k) => text.includes(PII_LABELS[k]));
}
