import { describe, expect, it } from 'vitest';
import { askedDateRole, dateRoleAfter, dateRoleFit } from '../../src/text/date-roles.ts';

describe('the role of a date: what it starts or ends', () => {
  it('reads the role a question asks a date in', () => {
    expect(askedDateRole('新しい旅費システムはいつから使えますか')).toBe('start');
    expect(askedDateRole('包括宿泊費の運用開始はいつ？')).toBe('start');
    expect(askedDateRole('精算書はいつまでに出せばいい？')).toBe('end');
    expect(askedDateRole('経過措置の期限は？')).toBe('end');
    expect(askedDateRole('全府省への展開が完了するのはいつ')).toBe('end');
    expect(askedDateRole('改正法はいつ公布された？')).toBeNull();
  });
  it('reads the role the words after a date give it, past an aside in brackets', () => {
    expect(dateRoleAfter('から新しい様式で申請する')).toBe('start');
    expect(dateRoleAfter('(2025年度)から試行的に導入')).toBe('start');
    expect(dateRoleAfter('目途に運用開始。')).toBe('start');
    expect(dateRoleAfter('までに全府省に展開する予定')).toBe('end');
    expect(dateRoleAfter('末まで経過措置を設ける')).toBe('end');
    expect(dateRoleAfter('の移行期限に向けて')).toBe('end');
    expect(dateRoleAfter('を期限に提出')).toBe('end');
    expect(dateRoleAfter('に公布された')).toBeNull();
    // Only the words right after the date: a later 「から」 is another phrase's.
    expect(dateRoleAfter('に通知があり、翌月から')).toBeNull();
  });
  it('scores a date whose role is the one asked against one whose role is the other', () => {
    expect(dateRoleFit('end', 'end')).toBe(1);
    expect(dateRoleFit('end', 'start')).toBe(-1);
    expect(dateRoleFit('start', null)).toBe(0);
    expect(dateRoleFit(null, 'start')).toBe(0);
  });
});
