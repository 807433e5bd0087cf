import { describe, expect, it } from 'vitest';
import { NAME_GAP, PERSON_GAP, askedPerson } from '../../src/text/persons.ts';

describe('askedPerson', () => {
  it('reads who holds a post the question names: 誰 or どなた asked of the post, or its holder named outright', () => {
    expect(askedPerson('アドバイザリーボードの委員って誰がやってるの？')?.label).toBe(PERSON_GAP);
    expect(askedPerson('当時の室長はどなたですか')?.label).toBe(PERSON_GAP);
    expect(askedPerson('プロジェクトチームでリーダーを務めるのは誰ですか？')?.label).toBe(PERSON_GAP);
    expect(askedPerson('デジタル庁のCAIOには誰が就任してるんですか？')?.label).toBe(PERSON_GAP);
    expect(askedPerson('委員長が誰か教えて')).toBeNull(); // 委員長が…: the post is the subject, not the topic asked
    expect(askedPerson('委員長って誰かな？')?.label).toBe(PERSON_GAP);
    expect(askedPerson('山形市長の名前は？')?.label).toBe(NAME_GAP);
    expect(askedPerson('協議会に出てた一宮市長って、お名前なんでしたっけ？')?.label).toBe(NAME_GAP);
  });
  it('asks nothing when 誰 is not asked of a post the question names, or a form field is asked about', () => {
    for (const q of [
      '誰に聞けばいいですか',
      '一元的なプロジェクト管理は誰の指揮の下で進める？',
      '石破総理は誰に指示しましたか',
      '課長が不在のとき、誰が承認しますか？',
      '課長に誰が報告しますか',
      '誰でも申請できますか',
      '部長以外のどなたでも申請できますか',
      'このシステムの名前を教えて',
      '課長が使うシステムの名前は？',
      '委員長が所属する部署の名前は？',
      '部長の名前を入力する欄はどこ？',
      '課長の氏名はどこに書けばいい？',
      '担当者の名前を入力する欄はどこ？',
      '大臣官房はどこにありますか',
      '個人情報保護委員会って誰が所管？',
    ]) {
      expect(askedPerson(q), q).toBeNull();
    }
  });
  it('takes a person or another role as the answer to 誰, not the post or its body described', () => {
    const who = askedPerson('アドバイザリーボードの委員って誰がやってるの？')!;
    expect(who.answers('アドバイザリーボードが各府省への助言や相談窓口を担う[1]。')).toBe(false);
    expect(who.answers('委員は山田 太郎、佐藤 花子の2名[1]。')).toBe(true);
    const cio = askedPerson('総務省のCIOって誰が務めてる？')!;
    expect(cio.answers('CIO(情報化統括責任者)。総務省においては大臣官房長が担当[1]。')).toBe(true);
    expect(cio.answers('総務省のCIOが、情報システムの整備を統括する[1]。')).toBe(false);
    expect(askedPerson('出張の責任者は誰？')!.answers('出張命令権者である所属長が命令する[1]。')).toBe(true);
    // The post the question names, or a word that only looks like a title, names nobody.
    expect(askedPerson('総務大臣は誰？')!.answers('総務大臣が任命する[1]。')).toBe(false);
    expect(askedPerson('委員は誰？')!.answers('各委員は、同様の手続で任命される[1]。')).toBe(false);
  });
  it('takes, for a name asked outright, only a name printed with the post asked', () => {
    const mayor = askedPerson('第10回の会議で意見を出した山形市長の名前は？')!;
    // The governor is named; the mayor is not.
    expect(mayor.answers('4月22日の会議において、村岡知事と山形市長からご意見を頂きました[1]。')).toBe(false);
    expect(mayor.answers('山形市長の意見を踏まえ[1]')).toBe(false);
    for (const listed of ['山形市長の佐藤でございます[1]。', '出席者 佐藤 孝弘 山形市長[1]', '山形市長(佐藤孝弘)[1]', '山形市長:佐藤孝弘[1]', '佐藤 孝弘(山形市長)[1]']) {
      expect(mayor.answers(listed), listed).toBe(true);
    }
    const ichinomiya = askedPerson('一宮市長って、お名前なんでしたっけ？')!;
    expect(ichinomiya.answers('中野愛知県一宮市長:本日は[1]')).toBe(true);
    expect(ichinomiya.answers('愛知県一宮市長から意見を頂いた[1]')).toBe(false);
    expect(ichinomiya.answers('ワーキングチームの山口県、一宮市、美郷町の部課長の皆さん[1]')).toBe(false);
    // A deputy's post is read whole; an office's name before a post is no person's.
    expect(askedPerson('課長補佐の名前は？')!.answers('課長補佐 山田 太郎[1]')).toBe(true);
    expect(askedPerson('企画課長の名前は？')!.answers('総務省企画課長が担当する[1]')).toBe(false);
    expect(askedPerson('委員長の名前は？')!.answers('本委員会委員長が招集する[1]')).toBe(false);
  });
});
