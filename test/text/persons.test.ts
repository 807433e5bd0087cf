import { describe, expect, it } from 'vitest';
import { NAME_GAP, PERSON_GAP, askedPerson } from '../../src/text/persons.ts';

describe('askedPerson', () => {
  it('reads who holds a post the question names, by 誰, どなた or a name asked outright', () => {
    expect(askedPerson('アドバイザリーボードの委員って誰がやってるの？')?.label).toBe(PERSON_GAP);
    expect(askedPerson('当時の室長はどなたですか')?.label).toBe(PERSON_GAP);
    expect(askedPerson('山形市長の名前は？')?.label).toBe(NAME_GAP);
    expect(askedPerson('協議会に出てた一宮市長って、お名前なんでしたっけ？')?.label).toBe(NAME_GAP);
  });
  it('asks nothing of a question that names no post, nor of 誰 that asks nobody', () => {
    // A body or a post answers these: whom to ask, who gave an instruction, who leads.
    expect(askedPerson('石破総理は誰に指示しましたか')).not.toBeNull(); // 総理 is named: the one instructed must be someone else
    expect(askedPerson('誰に聞けばいいですか')).toBeNull();
    expect(askedPerson('一元的なプロジェクト管理は誰の指揮の下で進める？')).toBeNull();
    expect(askedPerson('誰でも申請できますか')).toBeNull();
    expect(askedPerson('このシステムの名前を教えて')).toBeNull();
    // An office and a committee are bodies, not posts.
    expect(askedPerson('大臣官房はどこにありますか')).toBeNull();
    expect(askedPerson('個人情報保護委員会って誰が所管？')).toBeNull();
  });
  it('takes a person or another post as the answer to 誰, not the post or its body described', () => {
    const who = askedPerson('アドバイザリーボードの委員って誰がやってるの？')!;
    expect(who.answers('アドバイザリーボードが各府省への助言や相談窓口を担う[1]。')).toBe(false);
    expect(who.answers('委員は山田 太郎、佐藤 花子の2名[1]。')).toBe(true);
    const cio = askedPerson('総務省のCIOって誰が務めてる？')!;
    expect(cio.answers('CIO(情報化統括責任者)。総務省においては大臣官房長が担当[1]。')).toBe(true);
    expect(cio.answers('総務省のCIOが、情報システムの整備を統括する[1]。')).toBe(false);
    expect(askedPerson('石破総理は誰に指示しましたか')!.answers('石破総理から、平デジタル大臣に対して指示があった[1]。')).toBe(true);
  });
  it('takes, for a name asked outright, only a name printed with the post asked', () => {
    const mayor = askedPerson('第10回の会議で意見を出した山形市長の名前は？')!;
    // The governor is named; the mayor is not.
    expect(mayor.answers('4月22日の会議において、村岡知事と山形市長からご意見を頂きました[1]。')).toBe(false);
    expect(mayor.answers('山形市長の佐藤でございます[1]。')).toBe(true);
    expect(mayor.answers('出席者 佐藤 孝弘 山形市長[1]')).toBe(true);
    const ichinomiya = askedPerson('一宮市長って、お名前なんでしたっけ？')!;
    expect(ichinomiya.answers('中野愛知県一宮市長:愛知県一宮市長の中野ですけれども[1]')).toBe(true);
    expect(ichinomiya.answers('ワーキングチームの山口県、一宮市、美郷町の部課長の皆さん[1]')).toBe(false);
  });
});
