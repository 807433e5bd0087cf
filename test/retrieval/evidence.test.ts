import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/ingest/types.ts';
import { missingContacts, unlistedCounts, unmentionedActions, unmetQualifiers } from '../../src/retrieval/evidence.ts';
import type { Hit } from '../../src/retrieval/types.ts';

function hit(text: string, extra: Partial<Chunk> = {}): Hit {
  const chunk: Chunk = { id: 'c', source: 's.md', title: '資料', kind: 'manual', section: '', page: null, text, effectiveFrom: null, effectiveTo: null, ordinal: 0, ...extra };
  const features = { lexical: 0, dense: 0, sentence: 0, heading: 0, phrasing: 0, typed: 0, coded: 0, faq: 0, guideline: 0, wording: 0 };
  return { chunk, score: 1, lexical: 1, dense: 1, inForce: true, features, dateFactor: 1 };
}

const BUDGET = hit(`運用経費はR5決算ベースで2020年度比▲8%となった。${'取組を続ける。'.repeat(3)}R6年度の数値は集計中である。`);

describe('unmetQualifiers', () => {
  it('flags a year the question asks a figure for when the passages give another year’s', () => {
    expect(unmetQualifiers('令和6年度決算ベースで運用経費は何％削減できていますか', [BUDGET])).toEqual(['令和6年度']);
  });
  it('names a year as the question wrote it (「R6」, not the lower-cased 「r6」 it is read as)', () => {
    expect(unmetQualifiers('R6決算ベースだと運用経費の削減率は何%？', [BUDGET])).toEqual(['R6']);
  });
  it('names a year written two ways once, and meets a bare 「28年度」 by any year it may be', () => {
    expect(unmetQualifiers('令和6年度(2024年度)の決算で運用経費は何％削減できた？', [BUDGET])).toHaveLength(1);
    const table = hit('アクセス件数は28年度:130件、29年度:140件である。');
    expect(unmetQualifiers('平成29年度のアクセス件数は何件？', [table])).toEqual([]);
    expect(unmetQualifiers('30年度のアクセス件数は何件？', [table])).toEqual(['30年度']);
  });
  it('accepts the year written in another notation next to the figure', () => {
    expect(unmetQualifiers('令和5年度の決算で運用経費は2020年度比で何％減った？', [BUDGET])).toEqual([]);
  });
  it('looks only at sentences holding the kind of figure asked for, with their neighbours', () => {
    const far = hit(`2024年度の計画を示す。${'説明の文である。'.repeat(5)}削減率は8%となった。`);
    // No sentence has both: the year's sentence gives no rate, the rate's sentence is far from it.
    expect(['2024年度', '何%']).toContain(unmetQualifiers('2024年度の削減率は何％？', [far])[0]);
    const near = hit('2024年度の計画を示す。削減率は8%となった。');
    expect(unmetQualifiers('2024年度の削減率は何％？', [near])).toEqual([]);
  });
  it('lets a dated document speak for the years it is in force, an open-ended one not for the future', () => {
    const rules = hit('日当は1日2,000円とする。', { effectiveFrom: '2025-04-01' });
    expect(unmetQualifiers('2025年の日当はいくら？', [rules], '2026-11-24')).toEqual([]);
    expect(unmetQualifiers('2028年の日当はいくら？', [rules], '2026-11-24')).toEqual(['2028年']);
  });
  it('flags an ordinal meeting the passages do not mention', () => {
    const meeting = hit('第3回の協議会は2025年6月10日に開催された。');
    expect(unmetQualifiers('第4回の協議会はいつ開催予定？', [meeting])).toEqual(['第4回']);
    expect(unmetQualifiers('第3回の協議会はいつ開かれた？', [meeting])).toEqual([]);
  });
  it('reads ordinals in kanji numerals, and asks only those of a series the passages describe', () => {
    const meeting = hit('第三回の協議会は2025年6月10日に開催された。');
    expect(unmetQualifiers('第四回の協議会はいつ開催予定？', [meeting])).toEqual(['第4回']);
    expect(unmetQualifiers('第3回の協議会はいつ開かれた？', [meeting])).toEqual([]);
    // With no other of its series in the passages, an ordinal is the asker's own case, not asked of them.
    expect(unmetQualifiers('第二回の会議に出張した場合、宿泊費はいくら？', [hit('宿泊費は1泊10,000円を上限とする。')])).toEqual([]);
    // Nor is one of another series with the same counter (a minutes title's 第3回, a 第2次補正予算).
    expect(unmetQualifiers('第2回委員会の委員の謝金はいくら？', [hit('謝金は1時間あたり8,000円とする。', { title: '連絡協議会(第3回)議事要旨' })])).toEqual([]);
    expect(unmetQualifiers('第一次産業の視察の出張で、日当はいくら？', [hit('第2次補正予算により旅費を措置した。日当は1日2,000円とする。')])).toEqual([]);
  });
  it('flags an ordinal of the series the passages describe that none of them names, for a question asking no figure too', () => {
    const project = hit('政府重点プロジェクトの第一弾として、「政府共通プラットフォーム」を指定。今後も随時、プロジェクトを指定予定。');
    expect(unmetQualifiers('政府重点プロジェクトの第二弾には何が指定されたの？', [project])).toEqual(['第2弾']);
    expect(unmetQualifiers('政府重点プロジェクトの第一弾には何が指定されたの？', [project])).toEqual([]);
    const series = hit('・第4弾:行政事業レビューAIアイデアソン・ハッカソン開催日:2025年5月16日(予定)');
    expect(unmetQualifiers('行政事業レビューの第5弾の担当は？', [series])).toEqual(['第5弾']);
    expect(unmetQualifiers('行政事業レビューの第4弾の担当は？', [series])).toEqual([]);
    // The asker's own case stays theirs when no figure is asked either.
    expect(unmetQualifiers('第二回の会議に出張した場合、どう申請する？', [hit('出張の申請は旅行命令から行う。')])).toEqual([]);
  });
  it('flags a counter no sentence answers in (何％ against a sentence with only a year)', () => {
    const plan = hit('令和7年の調査ではオンライン回答の推進を図る。');
    expect(unmetQualifiers('令和7年の調査のオンライン回答率の目標は何％？', [plan])).toEqual(['何%']);
    const rate = hit('令和7年の調査ではオンライン回答率50%を目標とする。');
    expect(unmetQualifiers('令和7年の調査のオンライン回答率の目標は何％？', [rate])).toEqual([]);
  });
  it('lets a sentence naming a start year (「2024年4月1日以降」) speak for the years after it', () => {
    const since = hit('2024年4月1日以降の出張から、日当は1日2,400円です。', { effectiveFrom: '2024-04-01' });
    expect(unmetQualifiers('2025年度の日当はいくら？', [since], '2026-11-24')).toEqual([]);
  });
  it('does not let a document in force speak for a year when the sentence names another one', () => {
    const example = hit('宿泊費基準額(2025年度の例)は大阪府13,000円である。', { effectiveFrom: '2025-04-01' });
    expect(unmetQualifiers('2026年度の大阪府の宿泊費基準額はいくら？', [example], '2026-11-24')).toEqual(['2026年度']);
    expect(unmetQualifiers('2025年度の大阪府の宿泊費基準額はいくら？', [example], '2026-11-24')).toEqual([]);
  });
  it('reads any counter after 何 (何システム, 何点, 何条項), with 万 between the figure and the counter', () => {
    const systems = hit('移行は約1,400拠点、約42,400ユーザで完了した。');
    expect(unmetQualifiers('既に稼働しているシステムは何システム？', [systems])).toEqual(['何システム']);
    expect(unmetQualifiers('満足度調査の実績は何点でしたか', [hit('満足度調査平均点の目標は75%とする。')])).toEqual(['何点']);
    expect(unmetQualifiers('見直しが済んだのは何条項？', [hit('7,940条項の見直しが完了した。')])).toEqual([]);
    expect(unmetQualifiers('引越し申請は何回使われた？', [hit('引越し申請は68万回に到達した。')])).toEqual([]);
    expect(unmetQualifiers('グリーン車は何級から使える？', [hit('特急料金は片道100km以上で支給する。')])).toEqual(['何級']);
  });
  it('takes no counter from 何度も, 何曜日 or 何種類, which a figure does not answer', () => {
    const text = hit('定例メンテナンスは毎週火曜日の20時から行う。理由は3点ある。');
    expect(unmetQualifiers('同じ書類を何度も出すのはなぜ？何人が対象？', [hit('対象は約120人である。')])).toEqual([]);
    expect(unmetQualifiers('定例メンテは何曜日の何時から？', [text])).toEqual([]);
    expect(unmetQualifiers('理由は何種類に分けて整理されている？', [hit('構造的な要因・機能強化要因・外部要因に分けて3年で整理した。')])).toEqual([]);
    expect(unmetQualifiers('参加者は何十人くらい？', [hit('参加者は30人程度である。')])).toEqual([]);
    expect(unmetQualifiers('添付は何メガまで？', [hit('1ファイルは10MBまで添付できる。')])).toEqual([]);
    expect(unmetQualifiers('添付は何キロバイトまで？', [hit('1ファイルは500KBまで添付できる。')])).toEqual([]);
    expect(unmetQualifiers('旅費の請求は帰着後何ヶ月以内？', [hit('帰着後おおむね1か月以内に請求してください。')])).toEqual([]);
    expect(unmetQualifiers('領収書は何形式で添付できる？何線の電車？', [hit('PDF、JPEGで10MBまで添付できる。')])).toEqual([]);
  });
  it('says nothing of questions that ask no figure or name no qualifier', () => {
    expect(unmetQualifiers('令和6年度の研修の申込み方法を教えて', [BUDGET])).toEqual([]);
    expect(unmetQualifiers('運用経費はどれくらい減った？', [BUDGET])).toEqual([]);
  });
});

describe('unlistedCounts', () => {
  it('flags a count whose items are asked for when the passage names the count without listing them', () => {
    const counted = hit('11 件の業務・システムについては、共通化推進方針に基づき、国と地方が協力して取組を推進します。');
    expect(unlistedCounts('同意された11の業務・システム、それぞれの名称を一覧で教えて', [counted])).toEqual(['11の業務・システムの一覧']);
  });
  it('accepts the items in brackets or after a colon, or as a list that follows', () => {
    expect(unlistedCounts('3つの類型ってそれぞれ何？', [hit('要因は3つの類型(構造的な要因、機能強化要因、外部要因)に整理した。')])).toEqual([]);
    expect(unlistedCounts('対象の4業務を一覧で', [hit('対象は次の4業務です。\n- 住民記録\n- 税務\n- 福祉\n- 戸籍')])).toEqual([]);
    expect(unlistedCounts('対象の4業務を一覧で', [hit('対象は4業務:住民記録、税務、福祉、戸籍。')])).toEqual([]);
  });
  it('says nothing when the question asks no list or no passage holds the count', () => {
    expect(unlistedCounts('11の業務・システムの進捗は？', [hit('11件の業務・システムについて取組を推進する。')])).toEqual([]);
    expect(unlistedCounts('26手続って具体的にどれとどれ？', [hit('子育て・介護の手続の申請数は10万回に到達した。')])).toEqual([]);
    expect(unlistedCounts('2025年度の宿泊費基準額を一覧で', [hit('2025年度の基準額は次のとおり。\n東京都: 19,000円')])).toEqual([]);
    expect(unlistedCounts('12段階の基準額を一覧で', [hit('8,000円から19,000円までの12段階です。\n宿泊費基準額: 19,000円、都道府県: 東京都\n宿泊費基準額: 18,000円、都道府県: 福岡県\n宿泊費基準額: 17,000円、都道府県: 千葉県')])).toEqual([]);
  });
  it('flags a count made the topic of a question asking which ones they are', () => {
    const heard = hit('その間、中核市市長会、指定都市市長会、事業者3者に対してヒアリングを行いました。');
    expect(unlistedCounts('ワーキングチームがヒアリングした事業者3者ってどこ？', [heard])).toEqual(['3者の一覧']);
    expect(unlistedCounts('事業者3者の名前を教えて', [heard])).toEqual(['3者の一覧']);
    expect(unlistedCounts('56グループって、どの団体のグループ？', [hit('自治体クラウド導入団体(56グループ)における歳出効率化の成果を測定する。')])).toEqual(['56グループの一覧']);
    // Listed, they answer it.
    expect(unlistedCounts('認定された4社って、どこの会社？', [hit('認定された4社は次のとおり。\n- A社\n- B社\n- C社\n- D社')])).toEqual([]);
  });
  it('leaves a count the question only leans on, an occurrence, an ordinal, a bound and a where-to question', () => {
    const four = hit('すでに認定されている4社に加えまして、さくらのクラウドのエンジニア支援も推進します。');
    expect(unlistedCounts('認定済みの4社に加えて推進するのはどのクラウド？', [four])).toEqual([]);
    expect(unlistedCounts('8つの重点分野のうち、最も多いのはどれ？', [hit('8つの重点分野について計画を策定した。')])).toEqual([]);
    expect(unlistedCounts('3回って、具体的にどれ？', [hit('ワーキングチームを3回開催した。')])).toEqual([]);
    expect(unlistedCounts('第3期は、どの事業者？', [hit('第3期の事業者を選定した。')])).toEqual([]);
    expect(unlistedCounts('第12期は、どの事業者？', [hit('第2期の事業者を選定した。')])).toEqual([]);
    expect(unlistedCounts('3者って、どのくらい参加？', [hit('事業者3者に対してヒアリングを行いました。')])).toEqual([]);
    expect(unlistedCounts('2泊目は、どの行に入力すればいいですか？', [hit('2泊目は行を分けて入力します。')])).toEqual([]);
    expect(unlistedCounts('取得価格50万円以上は、どの区分ですか？', [hit('取得価格が50万円以上の機械・器具を重要物品とします。')])).toEqual([]);
    expect(unlistedCounts('7級以上は、どの区分になりますか', [hit('区分4(7級以上の職員)、日当2,600円')])).toEqual([]);
    expect(unlistedCounts('5人は誰がなれますか', [hit('代理入力者は5人まで登録できます。')])).toEqual([]);
    expect(unlistedCounts('事業者3者はどこで確認できますか', [hit('事業者3者に対してヒアリングを行いました。')])).toEqual([]);
  });
  it('reads the items joined to the count before it, and the count after a year or an amount', () => {
    const sub = hit('システムは「旅費及び謝金・諸手当システム」と「物品管理システム」の2つのサブシステムで構成されています。');
    expect(unlistedCounts('2つのサブシステムってどれ？', [sub])).toEqual([]);
    const heard = hit('その間、中核市市長会、指定都市市長会、事業者3者に対してヒアリングを行いました。');
    expect(unlistedCounts('2025年度にヒアリングした事業者3者ってどこ？', [heard])).toEqual(['3者の一覧']);
  });
});


describe('missingContacts', () => {
  const desk = hit('先進的AI利活用アドバイザリーボードの助言や相談窓口等の仕組みを通じ、実施をサポートする。');
  it('names the forms of contact asked for that no passage holds', () => {
    expect(missingContacts('AI相談窓口に相談したいとき、メールアドレスや電話番号はどこですか？', [desk])).toEqual(['メールアドレス', '電話番号']);
  });
  it('says nothing when a passage holds one of them, or no contact is asked for', () => {
    expect(missingContacts('AI相談窓口の電話番号は？', [desk, hit('相談窓口(電話 03-1234-5678)')])).toEqual([]);
    expect(missingContacts('AI相談窓口はどんな相談に乗ってくれる？', [desk])).toEqual([]);
  });
  it('names each form on its own: an e-mail address held does not stand for the telephone number asked too', () => {
    expect(missingContacts('メールアドレスや電話番号はどこですか？', [hit('問い合わせ: ai@example.go.jp')])).toEqual(['電話番号']);
  });
  it('does not decline where a passage tells where the contact is given', () => {
    const guide = hit('旅行者がサポートデスクに直接問い合わせることは通常ありません。サポートデスクの連絡先は、各府省庁の会計担当から案内される連絡先を確認してください。');
    expect(missingContacts('サポートデスクの電話番号は？', [guide])).toEqual([]);
  });
});

describe('unmentionedActions', () => {
  const event = hit('第4弾:行政事業レビューAIアイデアソン・ハッカソン 開催日:2025年5月16日(予定) 担当:内閣官房行政改革推進本部事務局');
  it('names the action a how-question asks about that no passage mentions', () => {
    expect(unmentionedActions('ハッカソンに参加したい場合、どうやって申し込めばいいですか？', [event])).toEqual(['申込みの方法']);
    expect(unmentionedActions('結果を入手したい場合、どういう手続で依頼すればいいですか？', [event])).toEqual(['依頼の方法']);
  });
  it('says nothing when a passage mentions the action, or the question asks no how', () => {
    expect(unmentionedActions('どうやって申し込めばいいですか？', [event, hit('参加の申込みは専用フォームから行う。')])).toEqual([]);
    expect(unmentionedActions('申し込みの締切はいつ？', [event])).toEqual([]);
  });
});
