import { normalizeText } from '../../../src/text/normalize.ts';
import { describe, expect, it } from 'vitest';
import { NO_ANSWER_TEXT, composeAnswer } from '../../../src/answer/extractive/compose.ts';
import { excerpt } from '../../../src/answer/extractive/figures.ts';
import { buildUserPrompt, parseUserPrompt } from '../../../src/answer/prompt.ts';

const passages = [
  { n: 1, label: 'マニュアル › 7.1 精算の流れ', text: '出張から戻ったら、旅費請求(精算)を作成して請求します。手順は次のとおりです。\n1. 「旅費請求(精算)作成画面」を開きます。\n2. 領収書等を添付します。\n3. 「請求」ボタンを押します。' },
  { n: 2, label: '規程 › 宿泊手当', text: '国内出張の宿泊手当は、1夜につき2,400円です。日当は廃止されました。' },
];

describe('prompt', () => {
  it('round-trips through buildUserPrompt and parseUserPrompt', () => {
    const input = { question: '精算の手順は？', history: ['前の質問'], passages, revision: '2025年4月1日以降の制度' };
    expect(parseUserPrompt(buildUserPrompt(input))).toEqual(input);
  });
});

describe('extractive answerer', () => {
  it('answers a how-to question with the lead-in and the steps, each cited', () => {
    const a = composeAnswer(buildUserPrompt({ question: '出張後の精算はどうやって請求する？', history: [], passages, revision: null }));
    const lines = a.split('\n');
    expect(lines[0]).toBe('出張から戻ったら、旅費請求(精算)を作成して請求します[1]。');
    expect(lines).toContain('3. 「請求」ボタンを押します[1]。');
    for (const l of lines) expect(l).toMatch(/\[\d\]/);
  });
  it("answers when or where a meeting was held with its header's field, not its title line", () => {
    const minutes = [
      { n: 1, label: '地域交通連絡会議(第3回) › (開催要領)', text: '地域交通連絡会議(第3回)\n議事要旨\n1.日時令和7年6月2日(月)14:00〜15:00\n2.場所オンライン開催\n3.出席者\n山田太郎委員長' },
      { n: 2, label: '地域交通連絡会議(第3回) › 議事', text: '第3回地域交通連絡会議では、路線の見直しについて議論した。' },
    ];
    const where = composeAnswer(buildUserPrompt({ question: '第3回の地域交通連絡会議はどこで開催？', history: [], passages: minutes, revision: null }));
    expect(where.split('\n')[0]).toBe('2.場所オンライン開催[1]');
    const when = composeAnswer(buildUserPrompt({ question: '第3回の地域交通連絡会議はいつ開かれましたか', history: [], passages: minutes, revision: null }));
    expect(when.split('\n')[0]).toBe('1.日時令和7年6月2日(月)14:00〜15:00[1]');
    // A question asking something else does not lift the fields.
    const what = composeAnswer(buildUserPrompt({ question: '第3回の地域交通連絡会議では何を議論した？', history: [], passages: minutes, revision: null }));
    expect(what.split('\n')[0]).not.toMatch(/日時|場所/u);
  });
  it('answers a how-much question with the sentence holding the amount', () => {
    const a = composeAnswer(buildUserPrompt({ question: '宿泊手当はいくら？', history: [], passages, revision: null }));
    expect(a.split('\n')[0]).toBe('国内出張の宿泊手当は、1夜につき2,400円です[2]。');
  });
  it("quotes another passage's sentence too when it carries the question as well as the lead, and not a weaker one", () => {
    const two = [
      { n: 1, label: '評価 › 他律的要因', text: '物価上昇などの他律的要因を除いた削減率を集計した。' },
      { n: 2, label: '評価 › 注記', text: '為替変動に起因する他律的要因の増加も、削減率の集計から除いた。' },
    ];
    const a = composeAnswer(buildUserPrompt({ question: '為替変動の他律的要因は削減率の集計から除かれる？', history: [], passages: two, revision: null }));
    expect(a).toContain('[1]');
    expect(a).toContain('為替変動に起因する他律的要因の増加も、削減率の集計から除いた[2]。');
    const weak = [two[0]!, { n: 2, label: '評価 › 概要', text: '集計の方法は別紙のとおり。' }];
    expect(composeAnswer(buildUserPrompt({ question: '他律的要因を除いた削減率は？', history: [], passages: weak, revision: null }))).not.toContain('[2]');
  });
  it('says the documents do not answer when no sentence supports the question', () => {
    expect(composeAnswer(buildUserPrompt({ question: '年末調整の締切はいつ？', history: [], passages, revision: null }))).toBe(NO_ANSWER_TEXT);
    expect(composeAnswer(buildUserPrompt({ question: '何か', history: [], passages: [], revision: null }))).toBe(NO_ANSWER_TEXT);
  });
});

describe('extractive answer composition', () => {
  it('does not lead with a bare line that only repeats the question\'s words, but with what is said of them', () => {
    const text = 'ガバメントクラウド\n利用者が増えるごとに、その利用料に応じた大口割引が適用される。';
    const a = composeAnswer(buildUserPrompt({ question: 'ガバメントクラウドの利用料の割引は？', history: [], passages: [{ n: 1, label: '資料', text }], revision: null }));
    expect(a.split('\n')[0]).toContain('大口割引が適用される');
    // A short line naming something the question does not (a person, under a post) may lead.
    const staff = '作成責任者\n住民制度課長阿部知明\n地域政策課長の欄は空欄。';
    const b = composeAnswer(buildUserPrompt({ question: '作成責任者の住民制度課長は？', history: [], passages: [{ n: 1, label: '資料', text: staff }], revision: null }));
    expect(b.split('\n')[0]).toContain('阿部知明');
  });
  it('quotes no courtesy between turns of minutes, and keeps who said what', () => {
    const text = '○村岡山口県知事 はい、どうもありがとうございます。山口県の試算では運用経費の平均が約3.6倍に膨れ上がっております。よろしくお願いします。';
    const a = composeAnswer(buildUserPrompt({ question: '山口県の試算で運用経費は何倍？', history: [], passages: [{ n: 1, label: '議事要旨', text: normalizeText(text) }], revision: null }));
    expect(a).toContain('約3.6倍');
    expect(a).not.toMatch(/ありがとうございます|よろしくお願いします/);
    // A request that carries a fact is no courtesy.
    const notice = '締切は5月31日となりますので、よろしくお願いします。';
    const b = composeAnswer(buildUserPrompt({ question: '締切はいつ？', history: [], passages: [{ n: 1, label: 'お知らせ', text: notice }], revision: null }));
    expect(b).toContain('5月31日');
  });
  it('quotes none of what speakers say about the meeting itself around the line that answers', () => {
    const text =
      '○吉田審議官 まず、検討の経緯について、ご説明いたします。これまでワーキングのメンバーの皆様には大変お世話になりました。' +
      '運用経費の増加要因は、構造的な要因・機能強化要因・外部要因の3つに整理しております。私の説明は以上でございます。';
    const a = composeAnswer(buildUserPrompt({ question: '運用経費の増加要因はどう整理されていますか？', history: [], passages: [{ n: 1, label: '議事要旨', text: normalizeText(text) }], revision: null }));
    expect(a).toContain('構造的な要因・機能強化要因・外部要因の3つに整理');
    expect(a).not.toMatch(/ご説明いたします|お世話になりました|説明は以上/);
    // One that gives a reason says something (「…ので、よろしいでしょうか。」).
    const agreed = '修正が必要な御意見はなかったので、この内容で同意したいと思いますが、よろしいでしょうか。以上でございます。';
    const b = composeAnswer(buildUserPrompt({ question: '方針案は同意されましたか？', history: [], passages: [{ n: 1, label: '議事要旨', text: agreed }], revision: null }));
    expect(b).toContain('この内容で同意したい');
    expect(b).not.toContain('以上でございます');
  });
  const compose = (question: string, ps: Array<{ n: number; label: string; text: string }>) => composeAnswer(buildUserPrompt({ question, history: [], passages: ps, revision: null })).split('\n');

  it('answers from a table with the sentence that explains it, then the rows', () => {
    const table = { n: 1, label: 'FAQ › Q4-01 宿泊費はいくらまで支給されますか?', text: 'A. 実際に支払った宿泊費が、都道府県ごとの宿泊費基準額を上限として支給されます。\n例として次のとおりです。\n宿泊費基準額(1泊・例): 19,000円、都道府県(例): 東京都\n宿泊費基準額(1泊・例): 13,000円、都道府県(例): 大阪府' };
    const lines = compose('宿泊費はいくらまで出ますか', [table]);
    expect(lines[0]).toBe('実際に支払った宿泊費が、都道府県ごとの宿泊費基準額を上限として支給されます[1]。');
    expect(lines).toContain('・宿泊費基準額(1泊・例): 19,000円、都道府県(例): 東京都[1]');
    expect(lines).toContain('・宿泊費基準額(1泊・例): 13,000円、都道府県(例): 大阪府[1]');
  });
  it('keeps a short FAQ answer paragraph whole, in its order, before the steps', () => {
    const faq = { n: 1, label: 'FAQ › Q7-04 領収書をなくしました', text: 'A. まず発行元に再発行を依頼してください。再発行を受けられない場合は、支払証明書で代えます。\n1. 会計担当職員に連絡します。\n2. 支払証明書を添付します。' };
    expect(compose('領収書をなくした。どうすればいい？', [faq])).toEqual([
      'まず発行元に再発行を依頼してください[1]。',
      '再発行を受けられない場合は、支払証明書で代えます[1]。',
      '1. 会計担当職員に連絡します[1]。',
      '2. 支払証明書を添付します[1]。',
    ]);
  });
  it('puts a procedure split over two passages of one section back in order, and leads with its cause, not its label line', () => {
    const label = 'エラー › 12.5.1 E4001 宿泊費が基準額を超えています';
    const second = { n: 1, label, text: '3. 「超過理由の詳細」欄に事情を入力します。\n4. 資料を添付します。' };
    const first = { n: 2, label, text: '表示される場面:「宿泊」タブで請求を押したとき\n- 入力した宿泊料金が宿泊費基準額を超えています。\n1. 「超過分を請求する」を選びます。\n2. 理由を選びます。' };
    const lines = compose('E4001が出た', [second, first]);
    expect(lines[0]).toBe('入力した宿泊料金が宿泊費基準額を超えています[2]。');
    expect(lines.filter((l) => /^\d\./.test(l)).map((l) => l.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.']);
  });
  it('answers with a list item that is no sentence only after the sentence that announces its list', () => {
    const p = { n: 1, label: 'マニュアル › 3.2 経路検索画面', text: '「経路検索画面」は、次のいずれかの画面から開きます。\n- 「旅行命令作成画面」の「経路検索」ボタン\n- 「旅費請求作成画面」の「経路検索」ボタン' };
    expect(compose('経路検索のボタンはどこ？', [p])).toEqual([
      '「経路検索画面」は、次のいずれかの画面から開きます[1]。',
      '・「旅行命令作成画面」の「経路検索」ボタン[1]',
      '・「旅費請求作成画面」の「経路検索」ボタン[1]',
    ]);
  });
  it('gives the list a sentence announces with it', () => {
    const p = { n: 1, label: 'マニュアル › 13.3 問い合わせ', text: '会計担当職員に問い合わせるときは、次の情報を伝えてください。\n- 画面名:問題が起きた画面\n- エラーコード:表示されたコード' };
    expect(compose('会計担当職員に問い合わせるときに伝える情報は？', [p])).toEqual([
      '会計担当職員に問い合わせるときは、次の情報を伝えてください[1]。',
      '・画面名:問題が起きた画面[1]',
      '・エラーコード:表示されたコード[1]',
    ]);
  });
  it('gives a sentence that points back (この場合) with the sentence it points to', () => {
    const p = { n: 1, label: '規程 › 宿泊費', text: '宿泊費は基準額を上限とする実費です。やむを得ない理由がない場合は、基準額までを請求します。この場合、基準額を超える部分の宿泊費は支給されません。' };
    const lines = compose('宿泊費が基準額を超える部分の宿泊費は支給されますか', [p]);
    const i = lines.indexOf('この場合、基準額を超える部分の宿泊費は支給されません[1]。');
    expect(i).toBeGreaterThan(0);
    expect(lines[i - 1]).toBe('やむを得ない理由がない場合は、基準額までを請求します[1]。');
  });
  it('leads from the best-ranked passage unless a lower one answers far better', () => {
    const top = { n: 1, label: 'マニュアル › 3.14 タクシー', text: 'タクシー代は、公務上必要な場合に支給されます。' };
    const lower = { n: 2, label: 'FAQ › タクシー', text: 'タクシー代は、公務上必要な場合に実費で支給されます。' };
    expect(compose('タクシー代は実費で支給されますか', [top, lower])[0]).toBe('タクシー代は、公務上必要な場合に支給されます[1]。');
    const unrelated = { n: 1, label: 'マニュアル › 1.1 概要', text: 'SEABISは旅費の事務を行うシステムです。' };
    expect(compose('タクシー代は実費で支給されますか', [unrelated, lower])[0]).toBe('タクシー代は、公務上必要な場合に実費で支給されます[2]。');
  });
  it('gives the best sentence when it follows the steps, and a table the lead-in announces inside a procedure', () => {
    const fix = { n: 1, label: 'マニュアル › 8.2 差戻し', text: '差し戻された申請は、次の手順で修正します。\n1. 「修正」を押します。\n2. 直して「申請」を押します。\n修正した申請は、最初の決裁者から決裁をやり直します。' };
    expect(compose('差戻し後に修正した申請の決裁はどうなりますか', [fix]).at(-1)).toBe('修正した申請は、最初の決裁者から決裁をやり直します[1]。');
    const attach = { n: 1, label: 'マニュアル › 7.6 添付', text: '添付できるファイルの条件は次のとおりです。\n項目: ファイル形式、条件: PDF、JPEG\n項目: サイズ、条件: 10MBまで\n1. 「添付」タブを選びます。\n2. ファイルを選びます。' };
    const lines = compose('添付ファイルのサイズの条件は？どう添付する？', [attach]);
    expect(lines.slice(0, 3)).toEqual(['添付できるファイルの条件は次のとおりです[1]。', '・項目: ファイル形式、条件: PDF、JPEG[1]', '・項目: サイズ、条件: 10MBまで[1]']);
  });
  it('keeps rows of one table split over two passages in table order, and a leading 「この場合」 with its antecedent', () => {
    const label = 'FAQ › Q4-01 宿泊費の基準額';
    const first = { n: 1, label, text: '宿泊費は基準額を上限として支給されます。基準額は次のとおりです。\n宿泊費基準額: 19,000円、都道府県: 東京都\n宿泊費基準額: 13,000円、都道府県: 大阪府' };
    const second = { n: 2, label, text: '宿泊費基準額: 9,000円、都道府県: 熊本県\n宿泊費基準額: 8,000円、都道府県: 福島県' };
    const rows = compose('宿泊費の基準額はいくら？', [second, first]).filter((l) => l.startsWith('・'));
    expect(rows).toEqual(['・宿泊費基準額: 19,000円、都道府県: 東京都[1]', '・宿泊費基準額: 13,000円、都道府県: 大阪府[1]', '・宿泊費基準額: 9,000円、都道府県: 熊本県[2]', '・宿泊費基準額: 8,000円、都道府県: 福島県[2]']);
    const p = { n: 1, label: '規程 › 宿泊費', text: '宿泊費は実費です。領収書が必要です。上限は基準額です。やむを得ない理由がない場合は、基準額までを請求します。この場合、基準額を超える部分の宿泊費は支給されません。' };
    expect(compose('基準額を超える部分の宿泊費は支給されない？', [p])).toEqual(['やむを得ない理由がない場合は、基準額までを請求します[1]。', 'この場合、基準額を超える部分の宿泊費は支給されません[1]。']);
  });
  it('reads ordinary sentences as prose: clock times, 「以下の場合」, a list item ending in 」', () => {
    const hours = { n: 1, label: 'マニュアル › 13.1 窓口', text: '受付時間は平日9:00から17:00までです。\n- 宿泊費の領収書(原本)\n- 航空券の「搭乗券」' };
    expect(compose('窓口の受付時間は？', [hours])[0]).toBe('受付時間は平日9:00から17:00までです[1]。');
    const cap = { n: 1, label: '規程 › 宿泊費', text: '宿泊費が基準額以下の場合は、実費を支給します。\n- 領収書を添付します。' };
    expect(compose('宿泊費が基準額以下の場合は？', [cap])).toEqual(['宿泊費が基準額以下の場合は、実費を支給します[1]。']);
  });

  it('keeps a short reply with its sentence, a sentence end inside brackets or a quotation, and reads remark labels away', () => {
    const faq = { n: 1, label: 'FAQ › Q7-05 スマートフォンで撮影した領収書の写真でもよいですか?', text: 'A. はい。JPEGまたはPNG形式の画像で添付できます(PDFも可。1ファイル10MBまで)。' };
    expect(compose('領収書をスマホで撮った写真でも大丈夫？', [faq])).toEqual(['はい。JPEGまたはPNG形式の画像で添付できます(PDFも可。1ファイル10MBまで)[1]。']);
    const quote = { n: 1, label: 'FAQ › Q13-04 チャットに入力してはいけない情報', text: '質問は「東京都に1泊したときの宿泊費の上限は？」のように、個人を特定しない形で入力してください。' };
    expect(compose('チャットにはどう質問を入力すればいい？', [quote])).toEqual(['質問は「東京都に1泊したときの宿泊費の上限は？」のように、個人を特定しない形で入力してください[1]。']);
    const labelled = { n: 1, label: 'マニュアル › 3.9 航空賃', text: '注意: 搭乗券の半券は、空港で捨ててしまいがちです。\n例: 羽田から福岡まで往復した場合は、往路と復路を分けて入力します。' };
    expect(compose('搭乗券の半券は捨ててもいい？', [labelled])[0]).toBe('搭乗券の半券は、空港で捨ててしまいがちです[1]。');
    expect(compose('羽田から福岡まで往復した場合の入力は？', [labelled])[0]).toBe('例えば、羽田から福岡まで往復した場合は、往路と復路を分けて入力します[1]。');
  });

  it("reads an FAQ's answer whole up to six sentences, and a longer paragraph from its first sentence in reading order", () => {
    const faq = {
      n: 1,
      label: 'FAQ › Q4-02 宿泊料金が基準額を超えました。超えた分は自己負担ですか?',
      text: 'A. 原則として、基準額を超えた部分は支給されません。ただし、やむを得ないと認められる場合は、実際に支払った額が支給されることがあります。主な例は、主催者が宿泊施設を指定した場合です。該当するときは「基準額超過の請求」欄で「超過分を請求する」を選びます。該当しないときは「基準額までを請求する」を選びます。',
    };
    expect(compose('基準額を超えた分は自腹ですか？', [faq])).toEqual([
      '原則として、基準額を超えた部分は支給されません[1]。',
      'ただし、やむを得ないと認められる場合は、実際に支払った額が支給されることがあります[1]。',
      '主な例は、主催者が宿泊施設を指定した場合です[1]。',
      '該当するときは「基準額超過の請求」欄で「超過分を請求する」を選びます[1]。',
      '該当しないときは「基準額までを請求する」を選びます[1]。',
    ]);
    // A follow-up asks for one more point: the entry is not repeated whole.
    const followUp = composeAnswer(buildUserPrompt({ question: 'やむを得ない場合は？', history: ['基準額を超えた分は自腹ですか？'], passages: [faq], revision: null })).split('\n');
    expect(followUp.length).toBeLessThanOrEqual(2);
    expect(followUp).toContain('ただし、やむを得ないと認められる場合は、実際に支払った額が支給されることがあります[1]。');
    const manual = { n: 1, label: 'マニュアル › 4.5 基準額の超過', text: '基準額の超過は、やむを得ない場合に限り認められます。会議の主催者が宿泊施設を指定した場合が典型です。災害で交通機関が止まった場合もあります。合理的な条件で最も安い施設を選んでも超えた場合もあります。超過を請求するときは「基準額超過の請求」欄で「超過分を請求する」を選びます。' };
    expect(compose('基準額の超過を請求するときはどの欄で選ぶ？', [manual])).toEqual([
      '基準額の超過は、やむを得ない場合に限り認められます[1]。',
      '超過を請求するときは「基準額超過の請求」欄で「超過分を請求する」を選びます[1]。',
    ]);
  });

  it('shows the row of a table the question names, and every row when it asks for the list', () => {
    const table = { n: 1, label: 'FAQ › Q4-01 宿泊費の基準額', text: 'A. 宿泊費は基準額を上限として支給されます。基準額の例は次のとおりです。\n宿泊費基準額: 19,000円、都道府県: 東京都\n宿泊費基準額: 13,000円、都道府県: 大阪府\n宿泊費基準額: 11,000円、都道府県: 愛知県' };
    expect(compose('大阪府に泊まるときの宿泊費の基準額はいくら？', [table]).filter((l) => l.startsWith('・'))).toEqual(['・宿泊費基準額: 13,000円、都道府県: 大阪府[1]']);
    expect(compose('宿泊費の基準額を都道府県ごとに一覧で教えて', [table]).filter((l) => l.startsWith('・'))).toHaveLength(3);
  });

  it('adds the sentence holding the figure asked for when the lead names only the topic (a year is no figure, 第10回 no count)', () => {
    const slide = { n: 1, label: '資料 › 削減効果', text: '2024年度末の運用等経費削減効果(推計)\n第10回会議で報告された内容です。\n約22%(約22.6億円)の削減となった。' };
    const lines = compose('2024年度末の運用等経費削減効果はどのくらいですか', [slide]);
    // The value asked for opens the answer (direct.ts); the line naming its topic follows.
    expect(lines[0]).toBe('約22%(約22.6億円)の削減となった[1]。');
    expect(lines).toContain('2024年度末の運用等経費削減効果(推計)[1]');
    const meetings = { n: 1, label: '資料 › 開催状況', text: 'ワーキングチームの検討状況\n第10回会議で方針が示された。\nワーキングチームを3回開催した。' };
    expect(compose('ワーキングチームの検討状況、何回開催した？', [meetings])).toContain('ワーキングチームを3回開催した[1]。');
  });

  it('shows the lines of a calculation after the line that announces them, and prefers the sentence naming the items for a list question', () => {
    const calc = { n: 1, label: 'マニュアル › 10.7.2 計算例', text: '例: 講師に2時間の講演を依頼した場合(源泉徴収の対象となる区分の場合)\n- 講演:10,000円 × 2時間 = 20,000円\n- 源泉徴収額:20,000円 × 10.21% = 2,042円\n- 差引支払額:20,000円 − 2,042円 = 17,958円' };
    expect(compose('講師に2時間講演してもらったら差引支払額はいくら？', [calc]).filter((l) => l.startsWith('・'))).toHaveLength(3);
    const fees = { n: 1, label: '規程 › 10.3 渡航雑費', text: '改正前は、外国旅行の準備の費用として支度料が定額で支給されていました。改正後は、支度料は旅費の種類として設けられていません。渡航雑費は、外国旅行に伴って必要となる費用を支給するものです。予防接種の費用、旅券の交付手数料、査証の取得手数料、外貨の両替手数料などが対象となります。公務のために特に必要となる費用がある場合は、渡航雑費の対象として実費で支給されます。' };
    expect(compose('渡航雑費の対象になる費用をぜんぶ教えて', [fees])).toContain('予防接種の費用、旅券の交付手数料、査証の取得手数料、外貨の両替手数料などが対象となります[1]。');
  });

  it("gives an error entry's causes in order before its steps", () => {
    const entry = { n: 1, label: 'マニュアル › 12.6.1 E5001 添付ファイルのサイズが上限(10MB)を超えています', text: '表示される場面: 「添付書類」タブで「添付」を押したとき\n原因\n- 選んだファイルの大きさが、上限(10MB)を超えています。\n- 高い解像度でスキャンした写真をそのまま添付した場合によく起こります。\n対処\n1. 解像度を下げて読み取り直します。\n2. 写真は縮小してから添付します。' };
    expect(compose('E5001が出て領収書が添付できない', [entry])).toEqual([
      '選んだファイルの大きさが、上限(10MB)を超えています[1]。',
      '高い解像度でスキャンした写真をそのまま添付した場合によく起こります[1]。',
      '1. 解像度を下げて読み取り直します[1]。',
      '2. 写真は縮小してから添付します[1]。',
    ]);
  });

  it('lets a sentence of a lower passage support the answer when it holds the figure asked for', () => {
    const ps = [
      { n: 1, label: '資料 › PMO', text: '各府省庁PMOの実態調査を行う。' },
      { n: 2, label: '資料 › 体制', text: 'PMOの体制強化をお願いしたい。' },
      { n: 3, label: '資料 › レビュー', text: 'レビュー実施件数も年々増加した。' },
      { n: 4, label: '資料 › 定員', text: '各府省庁PMOについても、令和7年度定員審査において計33人が定員措置された。' },
    ];
    expect(compose('各府省庁PMOの定員は何人分認められた？', ps)).toContain('各府省庁PMOについても、令和7年度定員審査において計33人が定員措置された[4]。');
  });

  it('takes no step number, section number, code, date or bare 円 for the figure asked, and reads amounts written with 万 and 億', () => {
    const slide = { n: 1, label: '資料 › 削減効果', text: '2024年度の旅費の削減効果(単位:円)\n第10回会議で報告された内容です。\n約2億2千万円の削減となった。' };
    expect(compose('2024年度の旅費の削減効果はいくらですか', [slide])).toContain('約2億2千万円の削減となった[1]。');
    const training = { n: 1, label: '資料 › 研修', text: '旅費研修の実施状況\n研修は2025/4/1から開始した(7.6.4参照)。\n受講者は延べ120人であった。' };
    expect(compose('旅費研修の実施状況はどのくらい？', [training])).toContain('受講者は延べ120人であった[1]。');
  });

  it("gives the error entry's cause the question names even when it is not among the first three, and a follow-up the sentence alone", () => {
    const entry = { n: 1, label: 'マニュアル › 12.3.2 E2010 経路が登録できません', text: '原因\n- 出発地が空欄になっています。\n- 到着地が空欄になっています。\n- 出発日が旅行期間の外になっています。\n- 自家用車の走行距離が0kmになっています。\n対処\n1. 空欄を入力します。\n2. 「経路検索」を押し直します。' };
    expect(compose('E2010が出る。自家用車の走行距離が0kmだとだめ？', [entry])).toContain('自家用車の走行距離が0kmになっています[1]。');
    const faq = { n: 1, label: 'FAQ › Q5-03 自家用車の車賃は1kmいくらですか?', text: 'A. 改正後は、1kmあたり37円です。改正前は、1kmあたり25円でした。詳しくは規程の第5章を参照してください。' };
    expect(composeAnswer(buildUserPrompt({ question: '改正前はいくらでしたか？', history: ['マイカーの車賃は1kmいくら？'], passages: [faq], revision: null })).split('\n')).toEqual(['改正前は、1kmあたり25円でした[1]。']);
  });

  it("gives an error entry's fix when the question quotes the message without its code, and the part of a procedure a passage holds", () => {
    const entry = { n: 1, label: 'マニュアル › 12.6.9 E5009 予定と実績が異なる明細に変更理由が入力されていません', text: '原因\n- 予定と異なる実績を入力した行があるのに、「変更理由」欄が空欄です。\n対処\n1. 予定と実績が異なる行を確認します。\n2. 「変更理由」欄に理由を入力します。' };
    expect(compose('「予定と実績が異なる明細に変更理由が入力されていません」と出て先に進めません', [entry])).toEqual([
      '予定と異なる実績を入力した行があるのに、「変更理由」欄が空欄です[1]。',
      '1. 予定と実績が異なる行を確認します[1]。',
      '2. 「変更理由」欄に理由を入力します[1]。',
    ]);
    const tail = { n: 1, label: 'マニュアル › 3.14 タクシーの利用', text: '4. 「金額」欄に、領収書の金額を入力します。\n5. 「利用理由」欄に、タクシーを利用した理由を入力します。' };
    expect(compose('タクシー代の利用理由はどこに入力する？', [tail])[0]).toBe('該当する手順は次のとおりです(途中の手順から)。');
  });

  it('answers the last part of a two-part question when the rest of the answer leaves it out', () => {
    const reset = { n: 1, label: 'FAQ › Q1-01 パスワードを忘れた', text: 'A. 再設定の手続が必要です。\n1. 会計担当職員に再設定を依頼します。\n2. 仮パスワードでログインします。\n3. 新しいパスワードを設定します。' };
    const rules = { n: 2, label: 'マニュアル › 1.8 パスワードの設定ルール', text: 'パスワードの条件は次のとおりです。\n- 12文字以上\n- 英大文字・英小文字・数字のうち3種類以上' };
    const lines = compose('パスワードを忘れました。どうやって再設定できますか？新しいパスワードの条件も教えてください。', [reset, rules]);
    expect(lines).toContain('3. 新しいパスワードを設定します[1]。');
    expect(lines).toContain('パスワードの条件は次のとおりです[2]。');
    expect(lines).toContain('・12文字以上[2]');
  });

  it('reads a situation followed by one question as one question, and an error entry\'s fix only for trouble on screen', () => {
    const faq = { n: 1, label: 'FAQ › Q10-03 委員の個人番号', text: 'A. 個人番号は担当の会計担当職員に直接引き継ぎます。' };
    const other = { n: 2, label: 'マニュアル › 1.20 不審な連絡', text: 'パスワードを尋ねるメールを受け取った場合は、情報システム担当に報告してください。' };
    expect(compose('委員からマイナンバーのコピーを預かりました。会計担当にメールで送ってもいいですか？', [faq, other])).toEqual(['個人番号は担当の会計担当職員に直接引き継ぎます[1]。']);
    const entry = { n: 1, label: 'マニュアル › 12.6.1 E5001 添付ファイルのサイズが上限(10MB)を超えています', text: '原因\n- ファイルの大きさが、上限(10MB)を超えています。\n対処\n1. 解像度を下げて読み取り直します。\n2. 写真は縮小してから添付します。' };
    expect(compose('添付ファイルの大きさに上限はある？', [entry])).toEqual(['ファイルの大きさが、上限(10MB)を超えています[1]。']);
  });

  it('quotes a long line (a table flattened by PDF extraction) around the figure asked for', () => {
    const row = '環境省 8,012 8,975 10,102 1,128 +12% 防衛省 24,139 20,907 22,139 1,232 ▲13% 会計検査院 799 545 660 115 ▲32% 合計(26省庁1082システム) 538,344 496,465 560,455 63,989 ▲8% 政府情報システムの運用コスト削減に係る取組の進捗状況について';
    expect(excerpt(row, [/\d\s*省/u])).toBe('…合計(26省庁1082システム)…');
    expect(excerpt(row, [/\d\s*円/u])).toBeNull();
    const slide = { n: 1, label: '資料 › 進捗状況', text: `3割削減の進捗状況の調査結果\n${row}` };
    expect(compose('3割削減の進捗調査、対象は何省庁だった？', [slide])).toContain('…合計(26省庁1082システム)…[1]');
  });

  it('lets a general example give way to the guidance, and keeps an example that fits the question\'s own case in the lead', () => {
    // The FAQ entry as the corpus has it (its example line is a bold label and no sentence).
    const faq = {
      n: 1,
      label: '2. 旅行命令(依頼) › Q2-04 用務内容はどの程度詳しく書けばよいですか?',
      text: 'A. 旅行命令権者が出張の必要性を判断できるよう、会議や用務の名称、相手方(訪問先の機関名など)、現地に行く必要がある理由が分かるように書いてください。「打合せのため」「会議のため」のような短い記載は、差戻しの原因になります。\n例:用務区分「会議出席」、用務内容「○○地方ブロック会議(主催:○○局)に出席し、今年度の事業計画を説明するため」\n開催通知や日程表があれば「添付資料」欄に添付してください。個人の氏名や機微な情報は必要な範囲を超えて書かないでください。',
    };
    expect(compose('用務内容 どこまで詳しく', [faq])[0]).toBe('旅行命令権者が出張の必要性を判断できるよう、会議や用務の名称、相手方(訪問先の機関名など)、現地に行く必要がある理由が分かるように書いてください[1]。');
    const rule = { n: 1, label: '規程 › 5.3 日当の減額', text: '日当は職務の級に応じて定額です。\n例:区分5の職員が鉄道で片道40kmの用務先へ日帰りで出張した場合、日当は2,200円の2分の1の1,100円となります。' };
    expect(compose('鉄道で片道40kmの日帰り出張、区分5だと日当はいくら？', [rule])[0]).toBe('例えば、区分5の職員が鉄道で片道40kmの用務先へ日帰りで出張した場合、日当は2,200円の2分の1の1,100円となります[1]。');
  });
});

describe('definitions', () => {
  it("leads with the line defining the asked term over a line sharing more of the question's words", () => {
    const glossary = [
      { n: 1, label: '報告 › 費用対効果の考え方', text: '費用対効果の最大化に向け、各府省庁は効果の創出に取り組んでいる。\n「効果」…システムの整備によって創出される利益を金額換算したもの。\n「費用」…システムのライフサイクルに要する経費の総額。' },
    ];
    const a = composeAnswer(buildUserPrompt({ question: '費用対効果でいう「効果」ってどういう意味で使われてる？', history: [], passages: glossary, revision: null }));
    expect(a.split('\n')[0]).toBe('「効果」…システムの整備によって創出される利益を金額換算したもの[1]。');
  });
});

describe('a value in a long sentence', () => {
  it('is quoted around the value once, not again in its whole sentence', () => {
    const long = `${'各府省庁は、行政手続のオンライン化や利便性向上、業務の効率化に向けた取組を進めており、'.repeat(2)}大規模なシステムの費用対効果について推計した結果、全体で約300%程度になると試算し、${'今後も費用の削減と効果の創出の両輪で取り組むこととし、'.repeat(2)}引き続き公表する。`;
    expect(long.length).toBeGreaterThan(160);
    const a = composeAnswer(buildUserPrompt({ question: '大規模システムの費用対効果は推計で何%？', history: [], passages: [{ n: 1, label: '報告 › 費用対効果', text: long }], revision: null }));
    const lines = a.split('\n');
    expect(lines[0]).toMatch(/^….*約300%程度.*…\[1\]$/u);
    expect(lines.some((l) => l.includes('引き続き公表する'))).toBe(false);
  });
});
