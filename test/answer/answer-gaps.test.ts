import { describe, expect, it } from 'vitest';
import { TIME_GAP, answerGaps } from '../../src/answer/answer-gaps.ts';

describe('answerGaps', () => {
  it('names the kind of body asked which of when the answer names none', () => {
    expect(answerGaps('技術的対話の調達方法を試行するのはどの府省？', '調達・契約方法を、令和2年度から試行的に開始[1]。')).toEqual(['府省庁名']);
    expect(answerGaps('一番低い府省はどこ？', '各府省において取り組み、一部低調府省には個別フォローを実施[1]。')).toEqual(['府省庁名']);
    expect(answerGaps('どこの省が主管？', '「政府共通プラットフォーム」(主管:総務省)を指定[1]。')).toEqual([]);
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
  it('asks nothing of a question asking neither', () => {
    expect(answerGaps('領収書をなくしたらどうすればいいですか', '再発行を依頼してください[1]。')).toEqual([]);
  });
});
