import { describe, expect, it } from 'vitest';
import { askedDateRole, dateRoleAfter, dateRoleFit } from '../../src/text/date-roles.ts';

describe('the role of a date: what it starts or ends', () => {
  it('reads the role a question asks a date in', () => {
    const roles = ['新しい旅費システムはいつから使えますか', '包括宿泊費の運用開始はいつ？', '精算書はいつまでに出せばいい？', '経過措置の期限は？', '移行が完了するのはいつ？'].map(askedDateRole);
    expect(roles).toEqual(['start', 'start', 'end', 'end', 'end']);
  });
  it('reads no role where the words mean something else or the question names both', () => {
    // 「これまで」「今まで」 mean so far; a startup is no start.
    expect(askedDateRole('これまでの旧様式が導入されたのはいつ？')).toBeNull();
    expect(askedDateRole('今まで使っていた様式はいつ導入された？')).toBeNull();
    expect(askedDateRole('スタートアップ支援の公募はいつ？')).toBeNull();
    // A start named as the context of a deadline asked, or both asked: the role is not told.
    expect(askedDateRole('運用開始に向けた移行の期限はいつ？')).toBeNull();
    expect(askedDateRole('受付はいつからいつまで？')).toBeNull();
    expect(askedDateRole('改正法はいつ公布された？')).toBeNull();
  });
  it('reads the role the words right after a date give it', () => {
    const after = ['から新しい様式で申請する', 'に開始する', '上旬から受付', 'までに全府省に展開する予定', '末まで経過措置を設ける', '末を期限に提出', 'に完了する', ' 末 まで'].map(dateRoleAfter);
    expect(after).toEqual(['start', 'start', 'start', 'end', 'end', 'end', 'end', 'end']);
  });
  it('reads no role from a comparison, another phrase or nothing', () => {
    expect(dateRoleAfter('より約2割増えた')).toBeNull();
    // Cues dropped in session 17 (each came from one document's phrase): an aside before the particle, 「の…期限」.
    expect(dateRoleAfter('(2025年度)から試行的に導入')).toBeNull();
    expect(dateRoleAfter('の移行期限に向けて')).toBeNull();
    expect(dateRoleAfter('に公布された')).toBeNull();
    // Only the words right after the date: a later 「から」「まで」 is another phrase's.
    expect(dateRoleAfter('に通知があり、翌月から')).toBeNull();
    expect(dateRoleAfter('に通知、3月末まで')).toBeNull();
  });
  it('scores a date whose role is the one asked against one whose role is the other', () => {
    expect([dateRoleFit('end', 'end'), dateRoleFit('end', 'start'), dateRoleFit('start', null), dateRoleFit(null, 'start')]).toEqual([1, -1, 0, 0]);
  });
});
