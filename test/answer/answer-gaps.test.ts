import { describe, expect, it } from 'vitest';
import { BREAKDOWN_GAP, TIME_GAP, answerGaps, shortened } from '../../src/answer/answer-gaps.ts';
import { VENUE_GAP } from '../../src/text/venues.ts';

describe('answerGaps', () => {
  it('names the kind of body asked which of when the answer names none', () => {
    expect(answerGaps('技術的対話の調達方法を試行するのはどの府省？', '調達・契約方法を、令和2年度から試行的に開始[1]。')).toEqual(['府省庁名']);
    expect(answerGaps('一番低い府省はどこ？', '各府省において取り組み、一部低調府省には個別フォローを実施[1]。')).toEqual(['府省庁名']);
    expect(answerGaps('どこの省が主管？', '「政府共通プラットフォーム」(主管:総務省)を指定[1]。')).toEqual([]);
  });
  it('names the person asked when the answer names nobody for the post, only what it does', () => {
    const board = '先進的AI利活用アドバイザリーボードの各府省への助言や相談窓口等の仕組みを通じ、安全かつ効果的な利用を進める[1]。';
    expect(answerGaps('アドバイザリーボードの委員って誰がやってるの？', board)).toEqual(['人物・役職']);
    expect(answerGaps('山形市長の名前は？', '村岡知事と山形市長から、ご意見を頂きました[1]。')).toEqual(['氏名']);
    expect(answerGaps('山口県知事の名前は？', '村岡山口県知事:山口県知事の村岡です[1]。')).toEqual([]);
  });
  it('names the counter a number is asked in when the answer gives no figure in it', () => {
    const dated = '第4弾:行政事業レビューAIアイデアソン 開催日:2025年5月16日(予定)[1]\n・担当:行政改革推進本部事務局[1]';
    expect(answerGaps('第4弾のアイデアソンには何人参加したの？', dated)).toEqual(['何人']);
    expect(answerGaps('第3弾のハッカソンには何人参加した？', '第3弾のハッカソンには約120名が参加した[1]。')).toEqual([]);
    expect(answerGaps('適合確認の実施件数は目標何件？', '適合確認の実施件数[1]')).toEqual(['何件']);
    expect(answerGaps('計画停止は何時間ですか', '毎週日曜の8時00分から20時00分まで停止します[1]。')).toEqual([]);
  });
  it('takes items counted in any noun for 「何件」, not a year or an amount', () => {
    expect(answerGaps('上位8割は何件くらいのシステムが占めている？', '運用等経費の上位80%を約60のシステムが占めている[1]。')).toEqual([]);
    expect(answerGaps('レビューの実施は何件？', 'レビューは2024年に開始した[1]。')).toEqual(['何件']);
    expect(answerGaps('補助は何件？', '補助の総額は300万円[1]。')).toEqual(['何件']);
    expect(answerGaps('入札は年に何件くらい？', '運用経費(760百万円)に対する削減額:▲30百万円[1]')).toEqual(['何件']);
  });
  it('names the time asked when the answer gives none, and takes any date, span or time word as one', () => {
    const speech = '本日は私から、資料4と資料5でまとめております総合的な対策案につきましてご説明をさせていただきたいと存じます[1]。';
    expect(answerGaps('システム標準化の移行期限はいつ？', speech)).toEqual([TIME_GAP]);
    expect(answerGaps('CAIOはいつ頃までに置くことになってるの？', '各府省に新たに設置するAI統括責任者(CAIO)が、リスク管理を総括[1]。')).toEqual([TIME_GAP]);
    for (const answer of ['2025年度末までに移行を完了する[1]。', '夏頃を目途に各府省において設置[1]。', '6月上旬に開催予定の会議において報告[1]。', '一部R7.8~[1]', '令和元年に策定[1]。', '帰着後1か月以内に請求してください[1]。', '出張から戻ったら速やかに精算します[1]。', '年度内に取りまとめる[1]。']) {
      expect(answerGaps('いつまでに？', answer)).toEqual([]);
    }
    // Not asked when: nothing asked of the answer's time.
    expect(answerGaps('標準化の対策案は誰が説明した？', speech)).toEqual([]);
  });
  it('names the breakdown asked when the answer gives only the total, or no figure, in the unit asked', () => {
    expect(answerGaps('一括要求した約700億円って、システムごとの内訳はどうなってますか？', '予算約700億円を内閣官房IT総合戦略室にて一括して要求[1]。')).toEqual([BREAKDOWN_GAP]);
    expect(answerGaps('オンライン化率52.4%って、都道府県と市町村に分けるとそれぞれ何%？', '・260団体で電子申請システムの導入なし[1]\n・オンライン化率: 52.4%(H29)[1]')).toEqual([BREAKDOWN_GAP]);
    expect(answerGaps('外部専門家20名って、どういう内訳？', '外部専門家(政府CIO補佐官及び最高情報セキュリティアドバイザー)と共に業務を実施[1]。')).toEqual([BREAKDOWN_GAP]);
    // Two figures in the unit asked, or a breakdown printed in brackets after its total, answer it.
    expect(answerGaps('一般職と総合職、それぞれ何%減った？', '応募者数は一般職試験が32%減、総合職試験が25%減[1]')).toEqual([]);
    expect(answerGaps('策定済みの地方公共団体は何団体？内訳も知りたい', '全96団体(22都道府県、74市町村)が策定(2019年4月1日時点)[1]')).toEqual([]);
    expect(answerGaps('外部専門家20名の内訳は？', '20名(政府CIO補佐官3名、PMO支援6名、情報セキュリティ対策支援10名)[1]')).toEqual([]);
    // A breakdown of no figures (「それぞれ何？」 answered by a list) asks nothing of them.
    expect(answerGaps('デジタル化の基本原則、それぞれ何？', '・①デジタルファースト[1]\n・②ワンスオンリー[1]')).toEqual([]);
  });
  it('names the venue asked when the answer gives when and who but no place', () => {
    expect(answerGaps('行政事業レビューAIアイデアソン・ハッカソンの会場はどこ？', '第4弾:行政事業レビューAIアイデアソン・ハッカソン開催日:2025年5月16日(予定)[1]\n・担当:内閣官房行政改革推進本部事務局[1]')).toEqual([VENUE_GAP]);
    // A venue field, an online meeting or a place in brackets answers it.
    expect(answerGaps('第3回の協議会はどこで開催されたんですか', '2.場所オンライン開催[1]')).toEqual([]);
    expect(answerGaps('住基ネットの担当者向け説明会はどこで開かれる？', '住基ネット担当者説明会(都内)の開催[1]')).toEqual([]);
    // Where a page can be read asks no venue.
    expect(answerGaps('GCASガイドってどこで見られる？', 'GCASガイドを公開[1]')).toEqual([]);
  });
  it('names the body the question puts as its condition when the answer gives the figure for another (text/entities.ts)', () => {
    expect(answerGaps('福井市の試算だと、運用経費は何倍になる見込み？', '阿部福井県知事：福井県におきましても、試算の段階で平均が約2倍ということです[1]。')).toEqual(['福井市']);
    expect(answerGaps('福井市の試算だと、運用経費は何倍になる見込み？', '福井市では試算の段階で約2倍です[1]。')).toEqual([]);
  });
  it('asks nothing of a question asking neither', () => {
    expect(answerGaps('領収書をなくしたらどうすればいいですか', '再発行を依頼してください[1]。')).toEqual([]);
  });
});

describe('shortened', () => {
  it('keeps the whole answer when the shortened one leaves out the counter asked, which the whole gives', () => {
    const whole = '大規模な政府情報システムの費用対効果の推計2[1]\n費用対効果について推計した結果、全体で約300%程度になると試算[1]';
    const q2 = '大規模な政府情報システムの費用対効果は推計で何％になった？';
    expect(shortened(q2, whole, whole.split('\n')[0]!)).toBe(whole);
    const right = '費用対効果について推計した結果、全体で約300%程度になると試算[1]\n大規模な政府情報システムの費用対効果の推計2[1]';
    expect(shortened(q2, right, right.split('\n')[0]!)).toBe(right.split('\n')[0]);
  });
});
