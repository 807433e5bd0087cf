import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../../src/answer/extractive/compose.ts';
import { labelled, labels, ownerAbove } from '../../../src/answer/extractive/layouts.ts';
import { type Sentence, scoreSentences } from '../../../src/answer/extractive/scoring.ts';
import { passageSentences } from '../../../src/answer/extractive/sentences.ts';
import { buildUserPrompt } from '../../../src/answer/prompt.ts';

/** A passage's sentences as the composition reads them (scores do not matter here). */
function block(text: string, n = 1): Sentence[] {
  return passageSentences(text).map((s) => ({ ...s, n, rank: 0, score: 0, support: 0 }));
}

const ask = (question: string, text: string) => composeAnswer(buildUserPrompt({ question, history: [], passages: [{ n: 1, label: '資料', text }], revision: null }));

describe('a label and what it labels', () => {
  it('reads a short line with no predicate as a label, and a statement, a value or a row of figures as none', () => {
    const lines = [
      '2024年度末の運用等経費削減効果(推計)',
      '(2)総務省LAN整備・運用事業(平成12年度)',
      '行政管理局行政情報システム企画課長',
      '第4弾:アイデアソン開催日:2025年5月16日(予定)',
      '遺失物手続のオンライン化が可能に',
      '10年間で応募者数は大幅に減っている',
      '最高裁判所約460拠点・約25,800人(一部R8.8~)',
      '人事院 424 105 112 8 ▲75%',
      '閣議決定に基づく対応は認めていない。',
      '本人確認は不要',
      'データ連携により効率化',
      '紙の申請も廃止',
      '原則として対象外',
    ];
    const b = block(lines.join('\n'));
    expect(b.map((s) => labels(s, b))).toEqual([true, true, true, true, false, false, false, false, false, false, false, false, false]);
  });

  it('takes the short lines under a label, up to the next label or a broken-off line', () => {
    const b = block(['行政管理局行政情報システム企画課長', '澤田稔一', '自治行政局住民制度課長阿部知明'].join('\n'));
    expect(labelled(b[0]!, b).map((s) => s.text)).toEqual(['澤田稔一']);
    const slide = block(['第4弾:アイデアソン開催日:2025年5月16日(予定)', '担当:内閣官房行政改革推進本部事務局', '行政サービスの', '担い手の減少が加速'].join('\n'));
    expect(labelled(slide[0]!, slide).map((s) => s.text)).toEqual(['担当:内閣官房行政改革推進本部事務局']);
  });

  it("takes a heading's first line of prose alone, and nothing from another passage", () => {
    const b = block(['3割削減に向けた取組', 'デジタル庁及び各府省庁は、コスト削減に最大限取り組む。', 'このため、以下の取組を行う。'].join('\n'));
    expect(labelled(b[0]!, b).map((s) => s.text)).toEqual(['デジタル庁及び各府省庁は、コスト削減に最大限取り組む。']);
    const other = [...block('2024年度末の運用等経費削減効果(推計)', 1), ...block('GSSの効果\n約▲22%(約22.6億円)', 2)];
    expect(labelled(other[0]!, other)).toEqual([]);
  });

  it("takes no sibling of the label's own enumeration, nor steps, list items or rows, as its content", () => {
    const circled = block(['①生成AIシステムの利用者', '②生成AI利用業務の性格'].join('\n'));
    expect(labelled(circled[0]!, circled)).toEqual([]);
    const lettered = block(['e)執行管理', 'f)データマネジメントの推進'].join('\n'));
    expect(labelled(lettered[0]!, lettered)).toEqual([]);
    const steps = block(['パスワードの再設定', '1. 「パスワードを忘れた方」を押します。', '2. 届いたメールのリンクを開きます。'].join('\n'));
    expect(labelled(steps[0]!, steps)).toEqual([]);
    // Under a heading, a procedure keeps its layout: the heading, then the numbered steps.
    const a = ask('パスワードの再設定の手順は？', ['パスワードの再設定', '1. 「パスワードを忘れた方」を押します。', '2. 届いたメールのリンクを開きます。'].join('\n'));
    expect(a.split('\n')).toEqual(['パスワードの再設定[1]', '1. 「パスワードを忘れた方」を押します[1]。', '2. 届いたメールのリンクを開きます[1]。']);
  });

  it('reads every item of a list a sentence announces, though each item is shaped like a label', () => {
    const b = block(['主に以下のような取組を行っていた。', '運用・保守の内容見直し', 'クラウドサービスの活用', '調達方法の見直し', 'なお、経費が増えたシステムもあった。'].join('\n'));
    expect(labelled(b[0]!, b).map((s) => s.text)).toEqual(['運用・保守の内容見直し', 'クラウドサービスの活用', '調達方法の見直し']);
  });

  it('answers with the value under a label that leads, and the items a sentence announces without bullets', () => {
    const value = ask('GSSの2024年度末の運用等経費削減効果は？', ['GSS移行の効果', '2024年度末の運用等経費削減効果(推計)', '約▲22%(約22.6億円)', 'なお、従前の各省LANシステムと比較し、GSSは機能向上やセキュリティ強化が図られている。'].join('\n'));
    // A label and the one figure under it read as one line, not a list of one.
    expect(value.split('\n')).toEqual(['2024年度末の運用等経費削減効果(推計) 約▲22%(約22.6億円)[1]']);
    const items = ask('運用経費を削減できたシステムはどんな取組をしていた？', ['今般の調査において、運用経費等の削減ができた情報システムは、主に以下のような取組を行っていた。', '運用・保守の内容見直し', 'ハードウェア、ソフトウェア等の見直し', '一方、提供するサービス範囲の拡大などによりシステムリソースが増大し、結果として運用経費等が増加している情報システムもあった。'].join('\n'));
    expect(items.split('\n').slice(0, 3)).toEqual([
      '今般の調査において、運用経費等の削減ができた情報システムは、主に以下のような取組を行っていた[1]。',
      '・運用・保守の内容見直し[1]',
      '・ハードウェア、ソフトウェア等の見直し[1]',
    ]);
  });

  it('reads a numbered line that only labels what follows as a heading, not a step, when no procedure is asked (「かどうか」 asks whether)', () => {
    const text = ['1.高リスクAIの判定の観点(判定シート)', '①利用者の範囲・種別、②利用業務の性格、', '③機密情報の学習等の有無', '2.調達時のチェック項目について'].join('\n');
    const a = ask('高リスクAIかどうかを判定するときの観点は？', text).split('\n');
    expect(a.slice(0, 3)).toEqual(['1.高リスクAIの判定の観点(判定シート)[1]', '・①利用者の範囲・種別、②利用業務の性格、[1]', '・③機密情報の学習等の有無[1]']);
    expect(a.join('\n')).not.toContain('手順は次のとおりです');
  });

  it('adds nothing under a statement', () => {
    const a = ask('政府方針に基づく対応は他律的要因として認められる？', ['閣議決定文書など政府方針に基づく対応は他律的要因として認めていない', '2 セキュリティリスク・インシデントに起因する対応', '3 サポート終了'].join('\n'));
    expect(a).not.toContain('サポート終了');
  });
});

describe('ownerAbove', () => {
  const lead = (q: string, text: string, start: string) => scoreSentences(q, [], [{ n: 1, label: '一覧', text }]).find((s) => s.text.startsWith(start))!;
  const owner = (q: string, text: string, start: string) => ownerAbove(q, lead(q, text, start), text);
  it('gives the body named on its own line above the lead when the question asks which body', () => {
    const list = '(文部科学省)\n府省共通研究開発管理システム\n(国土交通省)\n電子契約システム(工事・業務)';
    expect(owner('電子契約システム(工事・業務)はどこの省のもの？', list, '電子契約')).toBe('(国土交通省)');
    // A body of three characters is a line too short to be a sentence: it is read from the passage's lines.
    const short = '国土交通省\n電子契約システム(工事・業務)\n総務省\n電子申請システム(e-Gov連携)';
    expect(owner('電子申請システムはどこの省のシステム？', short, '電子申請')).toBe('総務省');
  });
  it('gives nothing when the question asks no body, the lead names one, or a sentence, a label or a later body stands in the way', () => {
    const list = '(国土交通省)\n電子契約システム(工事・業務)';
    expect(owner('電子契約システムはいつから？', list, '電子契約')).toBeNull();
    expect(owner('どこの省が提供？', '(国土交通省)\n国土交通省が技術カタログを提供', '国土交通省が')).toBeNull();
    expect(owner('旅費の精算書はどの部署に提出しますか', '人事企画課\n給与の振込口座の変更は人事企画課で受け付けます。\n旅費の精算書は会計課に提出してください。', '旅費の精算書')).toBeNull();
    expect(owner('共同利用はどこが提供していますか', '(国土交通省)\n電子契約システム(工事・業務)\nなお、以下は地方公共団体の取組である。\n電子申請サービスの共同利用を進めている。', '電子申請サービス')).toBeNull();
    expect(owner('電子契約システムはどこの省のシステムですか', 'システム名\n所管府省\n電子契約システム(工事・業務)\n国土交通省', '電子契約')).toBeNull();
    expect(owner('研究開発管理システムはどこの省？', '電子契約システム\n国土交通省\n府省共通研究開発管理システム\n文部科学省', '府省共通')).toBeNull();
    expect(owner('会議はどこが主管？', '第3章総務部\n定例会議の開催', '定例会議')).toBeNull();
    expect(owner('統計はどこが作成？', '出典:総務省\n人口の推移の統計', '人口の推移')).toBeNull();
  });
});
