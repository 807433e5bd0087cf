import { describe, expect, it } from 'vitest';
import { askedBody, isBodyName, otherBodyAnswered } from '../../src/text/entities.ts';

const named = (question: string, text: string) => askedBody(question)?.named(text) ?? null;

describe('askedBody', () => {
  it('reads which kind of body a question asks for', () => {
    expect(askedBody('試行するのはどの府省？')?.label).toBe('府省庁名');
    expect(askedBody('一番低い府省はどこ？')?.label).toBe('府省庁名');
    expect(askedBody('移行する予定の省庁名を教えて')?.label).toBe('府省庁名');
    expect(askedBody('まだ運用していない都道府県はどこですか')?.label).toBe('都道府県名');
    expect(askedBody('いちばん増えたのはどの市町？')?.label).toBe('市町村名');
    expect(askedBody('A社って、具体的にどの会社？')?.label).toBe('会社名');
    expect(askedBody('導入する予定の省庁って、具体的にどこですか？')?.label).toBe('府省庁名');
    expect(askedBody('開発した企業って、実際にどこ？')?.label).toBe('会社名');
  });
  it('asks nothing of a question that names no kind, or asks where to do something', () => {
    expect(askedBody('宿泊費の上限はいくら？')).toBeNull();
    expect(askedBody('申請はどこから出せますか')).toBeNull();
    expect(askedBody('どのくらい減った？')).toBeNull();
  });
  it('asks nothing of a rule, a condition, a field or a longer word (review, session 12)', () => {
    for (const q of [
      '宿泊費基準額はどこの県で判定しますか',
      '宿泊費の基準額はどの都道府県でも同じですか？',
      'どこの省庁でもSEABISは使えますか？',
      '支払証明書はどこの省庁の様式を使いますか',
      '旅行会社はどこに頼めばいいですか',
      '航空会社はどこを使ってもいいですか',
      '領収書の宛名は所属府省名でもいいですか',
      '旅行会社名はどこに入力しますか',
      '委員の所属先の会社名は登録が必要ですか',
      '団体名はどこに入れますか',
      'どの庁舎に物品を移すときに管理換が必要？',
      'どの市場価格で評価しますか',
      '指定都市はどこですか',
      '宛名に書く府省庁名って何ですか',
      '旅行会社はどこがいいですか',
      'SEABISはどの府省庁も使えますか',
      'どの市町村までが近距離の出張になりますか',
    ])
      expect(askedBody(q), q).toBeNull();
  });
  it('takes a body the question names among others as an answer to a choice', () => {
    expect(named('用務地は千葉県で、東京都内に泊まりました。どちらの県が上限になりますか？', '東京都の基準額が上限になります')).toEqual(['東京都']);
    expect(named('どこの県が上限？', '地域区分、他県、隣県、各地区')).toEqual([]);
    // One named as a condition may be the answer; one made the topic is not.
    expect(named('兵庫県のホテルに泊まりました。基準額はどちらの県ですか', '兵庫県の基準額が上限になります')).toEqual(['兵庫県']);
    expect(named('A社は、どの会社？', 'A社の売上割合')).toEqual([]);
  });
  it('finds the bodies a text names, not the kind itself', () => {
    expect(named('どこの省が主管？', '「政府共通プラットフォーム」(主管:総務省)を指定')).toEqual(['総務省']);
    expect(named('どの府省庁？', '内閣官房、デジタル庁、文部科学省')).toEqual(['内閣官房', 'デジタル庁', '文部科学省']);
    expect(named('一番低い府省はどこ？', '各府省において取り組み、一部低調府省には個別フォローを実施')).toEqual([]);
    expect(named('どの府省庁？', '府省庁別の実績、中央省庁、官公庁')).toEqual([]);
    expect(named('どこの都道府県？', '都道府県の30府県警察で運用')).toEqual([]);
    expect(named('どこの都道府県？', '山口県と東京都で開始')).toEqual(['山口県', '東京都']);
    expect(named('どこの自治体？', '一宮市と美郷町、指定都市、中核市、市町村')).toEqual(['一宮市', '美郷町']);
    expect(named('政府はどの会社と契約？', '政府全体の取組')).toEqual([]);
  });
  it('does not count a body the question itself names', () => {
    expect(named('A社って、具体的にどの会社？', 'A社の売上割合は低下')).toEqual([]);
    expect(named('山口県は、どの市町がいちばん増えた？', '山口県の市町の平均で約3.6倍')).toEqual([]);
  });
});

describe('otherBodyAnswered', () => {
  it('names the body the question puts as its condition when the answer speaks of another of its kind', () => {
    expect(otherBodyAnswered('福井市の試算だと、経費は何倍になる？', '福井県におきましても、試算の段階で平均が約2倍です[1]。')).toBe('福井市');
    expect(otherBodyAnswered('農水省の分としてはどんなシステムが載っていますか', '国土交通省 道路管理システム[1]')).toBe('農水省');
  });
  it('takes the body named in full or in short as the one asked about', () => {
    // 「厚労省」 is 「厚生労働省」 shortened, keeping its first and last characters in order.
    expect(otherBodyAnswered('厚労省の削減率は？', '厚生労働省 182 148 ▲19%[1]')).toBeNull();
    expect(otherBodyAnswered('国交省の実績額はいくら？', '国土交通省 37,393 43,925[1]')).toBeNull();
    // A speaker's line holds the prefecture inside the title (「村井宮城県知事：」).
    expect(otherBodyAnswered('宮城県の試算では何倍？', '村井宮城県知事：宮城県でも約3倍です[1]。')).toBeNull();
  });
  it('asks nothing of an answer that names no body of the kind, or of a question asking which body', () => {
    // A rule for everyone names nobody: it may well answer for the body asked about.
    expect(otherBodyAnswered('札幌市に出張したときの日当はいくら？', '日当は1日につき2,000円です[1]。')).toBeNull();
    // Which body is asked (askedBody): the answer naming one is what was asked.
    expect(otherBodyAnswered('福井市の次に導入したのはどの市？', '敦賀市が導入した[1]')).toBeNull();
    expect(otherBodyAnswered('導入にかかる期間はどのくらい？', '福井県では約2年[1]')).toBeNull();
  });
});

describe('isBodyName', () => {
  it('tells the name of a body from the other gaps a decline names', () => {
    expect(isBodyName('福井市')).toBe(true);
    expect(isBodyName('厚労省')).toBe(true);
    expect(isBodyName('何人')).toBe(false);
    expect(isBodyName('令和6年度')).toBe(false);
  });
});
