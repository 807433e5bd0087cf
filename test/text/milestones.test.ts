import { describe, expect, it } from 'vitest';
import { askedMilestone, dateMilestone, otherMilestone } from '../../src/text/milestones.ts';

describe('milestones of a law', () => {
  it('reads the milestone a question asks the date of', () => {
    expect(askedMilestone('デジタル手続法の施行日はいつ？')).toBe('施行');
    expect(askedMilestone('公布されたのはいつですか')).toBe('公布');
    expect(askedMilestone('一括法が成立したのはいつ？')).toBe('成立');
    expect(askedMilestone('出張の精算はいつまで？')).toBeNull();
  });
  it('reads the milestone a date is printed with, after it first, else just before it', () => {
    expect(dateMilestone('デジタル手続法※(', '公布)の概要')).toBe('公布');
    expect(dateMilestone('(1)は、昨年の ', 'に閣議決定で改定された「…基本方針」')).toBe('閣議決定');
    expect(dateMilestone('施行日:', '')).toBe('施行');
    expect(dateMilestone('一括法(', '成立)')).toBe('成立');
    expect(dateMilestone('会議は', 'に開催された')).toBeNull();
  });
  it('tells a date given for another milestone than the one asked', () => {
    expect(otherMilestone('施行', '公布')).toBe(true);
    expect(otherMilestone('施行', '閣議決定')).toBe(true);
    expect(otherMilestone('公布', '公布')).toBe(false);
    expect(otherMilestone('施行', null)).toBe(false);
    expect(otherMilestone(null, '公布')).toBe(false);
  });
});
