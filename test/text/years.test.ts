import { describe, expect, it } from 'vitest';
import { yearsIn } from '../../src/text/years.ts';

describe('yearsIn', () => {
  it('reads the ways administrative text writes years', () => {
    expect([...yearsIn('2024年度と令和6年、平成31年、r5決算、h30')].sort()).toEqual([2018, 2019, 2023, 2024]);
    expect([...yearsIn('令和元年度')]).toEqual([2019]);
  });
  it('takes a bare four-digit number for a year unless a unit follows it', () => {
    expect([...yearsIn('(R2-R7) 2020の実績')]).toContain(2020);
    expect([...yearsIn('日当は1日2000円、定員は1900人、1999件')]).toEqual([]);
    expect([...yearsIn('e2001 エラー、電話03-5253-2011、2,000ドル、2000文字')]).toEqual([]);
  });
  it('reads a bare two-digit fiscal year as each year it may be, and no era-named year twice', () => {
    expect([...yearsIn('28年度の実績')].sort()).toEqual([2016, 2028, 2046]);
    expect([...yearsIn('23年度: 85.7%')]).toContain(2023);
    expect([...yearsIn('令和5年度と平成 28年度、2023年度')].sort()).toEqual([2016, 2023]);
    expect([...yearsIn('第10年度、1.5年度、r5年度')].sort()).toEqual([2023]);
    // Not read again inside an era-lettered year, in either case.
    expect([...yearsIn('H28年度')]).toEqual([2016]);
    expect([...yearsIn('R06年度')]).toEqual([2024]);
  });
});
