import { describe, expect, it } from 'vitest';
import { detectDate, inForce } from '../../src/retrieval/dates.ts';

const today = new Date('2026-11-24T00:00:00Z');
const d = (q: string) => detectDate(q, today)?.date ?? null;

describe('detectDate', () => {
  it('reads 西暦, 和暦 and abbreviations', () => {
    expect(d('2025年3月の出張の日当は？')).toBe('2025-03-01');
    expect(d('令和7年4月以降の宿泊手当')).toBe('2025-04-01');
    expect(d('令和７年３月３１日まで')).toBe('2025-03-31');
    expect(d('R7.3の出張')).toBe('2025-03-01');
    expect(d('2024/12/5に出張')).toBe('2024-12-05');
    expect(d('平成31年4月')).toBe('2019-04-01');
  });
  it('understands fiscal years and before/after modifiers', () => {
    expect(d('R6年度の出張')).toBe('2024-04-01');
    expect(d('令和6年度まで')).toBe('2025-03-31');
    expect(d('2025年4月より前の出張')).toBe('2025-03-31');
    expect(d('2025年3月まで')).toBe('2025-03-31');
  });
  it('names the revision itself, and relative years from today', () => {
    expect(d('改正前の日当')).toBe('2025-03-31');
    expect(d('新制度では？')).toBe('2025-04-01');
    expect(d('去年の出張')).toBe('2025-07-01');
    expect(d('一昨年の出張')).toBe('2024-07-01');
  });
  it('finds no date where there is none', () => {
    expect(d('宿泊手当はいくら')).toBeNull();
    expect(d('2,400円の手当')).toBeNull();
  });
});

describe('inForce', () => {
  it('uses inclusive bounds and open ends', () => {
    expect(inForce('2025-04-01', null, '2025-04-01')).toBe(true);
    expect(inForce('2025-04-01', null, '2025-03-31')).toBe(false);
    expect(inForce(null, '2025-03-31', '2025-03-31')).toBe(true);
    expect(inForce(null, null, '1999-01-01')).toBe(true);
  });
});
