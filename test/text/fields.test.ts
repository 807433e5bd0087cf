import { describe, expect, it } from 'vitest';
import { askedFields, fieldOf } from '../../src/text/fields.ts';
import { prepare } from '../../src/text/tokenize.ts';

describe('askedFields', () => {
  it('reads when, where and who a question asks about', () => {
    expect(askedFields(prepare('第3回の協議会はいつ開かれましたか'))).toEqual(['when']);
    expect(askedFields(prepare('会場はどこだったの？'))).toEqual(['where']);
    expect(askedFields(prepare('第3回の連絡協議会はどこで開催？'))).toEqual(['where']);
    expect(askedFields(prepare('この資料を作ったのはどこの部署？'))).toEqual(['who']);
    expect(askedFields(prepare('出席していた町長のお名前は'))).toEqual(['who']);
  });
  it('reads no field in a question asking something else', () => {
    expect(askedFields(prepare('運用経費は何%減りましたか'))).toEqual([]);
    expect(askedFields(prepare('いつも使っている経路で申請できますか'))).toEqual([]);
    expect(askedFields(prepare('どこに入力すればいいですか'))).toEqual([]);
    expect(askedFields(prepare('研修は何日間ですか'))).toEqual([]);
    expect(askedFields(prepare('説明は何時間かかりますか'))).toEqual([]);
  });
});

describe('fieldOf', () => {
  it('reads a header field by its label at the line start, after an item number', () => {
    expect(fieldOf('1.日時令和7年6月2日(月)14:00〜15:00')).toBe('when');
    expect(fieldOf('2.場所オンライン開催')).toBe('where');
    expect(fieldOf('会場:中央合同庁舎4号館')).toBe('where');
    expect(fieldOf('出席者:山田太郎委員長')).toBe('who');
  });
  it('reads the usual layouts of a meeting notice', () => {
    expect(fieldOf('1 日時令和7年6月2日')).toBe('when');
    expect(fieldOf('(1)日時令和7年6月2日')).toBe('when');
    expect(fieldOf('【日時】令和7年6月2日(月)')).toBe('when');
    expect(fieldOf('ア 日時 令和7年6月2日')).toBe('when');
  });
  it('reads no field in a compound or a subject that opens with a label word', () => {
    for (const line of ['会場使用料は主催者が負担します。', '日時変更の際は連絡する', '参加者数は120名であった。', '出席者数:15名', '講師謝金の支払について', '期日前投票の手続', '日付印を押印すること。', '作成者欄に氏名を記入する。', '参加者全員に資料を配布した。', '日程等の詳細は追って連絡します。'])
      expect(fieldOf(line)).toBeNull();
  });
  it('reads no value in a label alone, whose values stand on the lines under it', () => {
    expect(fieldOf('3.出席者')).toBeNull();
    expect(fieldOf('日時:')).toBeNull();
  });
  it('reads no field where the label word is the subject or object of a sentence', () => {
    expect(fieldOf('場所の確保については事務局が行う。')).toBeNull();
    expect(fieldOf('日時を変更する場合は連絡する。')).toBeNull();
    expect(fieldOf('作成責任者名')).toBeNull();
    expect(fieldOf('出張の日時は旅行命令に記載する。')).toBeNull();
  });
});
