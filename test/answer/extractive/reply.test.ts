import { describe, expect, it } from 'vitest';
import { DIRECT_MODEL } from '../../../src/answer/extractive/direct.ts';
import { directReply } from '../../../src/answer/extractive/reply.ts';
import { scoreSentences } from '../../../src/answer/extractive/scoring.ts';

describe('the short reply stating the value', () => {
  const reply = (question: string, text: string) => directReply(question, scoreSentences(question, [], [{ n: 1, label: '規程', text }]), DIRECT_MODEL);
  const padding = '、なお詳細は所管課が別途定める要領に従って運用することとする。';
  it('states a value of the kind asked that its long sentence gives alone', () => {
    expect(reply('外国出張の支度料はいくら？', `外国出張を命じられた職員には、準備に要する費用として支度料12,000円を支給する${padding}`)).toBe('12,000円です[1]。');
    expect(reply('経費は何%減った？', `物価高などの他律的要因を除くと、政府全体の運用経費等の削減率は▲8%となった${padding}`)).toBe('▲8%です[1]。');
  });
  it('gives no reply for one end of a range, part of a larger number, a cap, a year asked as a length, or one of several values', () => {
    expect(reply('申請の受付期間はいつまで？', `申請の受付期間は、令和7年4月1日から令和7年5月30日までとし${padding}`)).toBeNull();
    expect(reply('受講者は何人？', `研修の受講者は、各回あたり20人〜30人程度を想定しており${padding}`)).toBeNull();
    expect(reply('研修は何人規模？', `研修は各回10〜30人程度の規模で実施することを想定しており${padding}`)).toBeNull();
    expect(reply('総事業費はいくら？', `本事業の総事業費は1億2,000万円であり、関係機関と調整のうえ執行する${padding}`)).toBeNull();
    expect(reply('運用経費の削減率は何%？', `システムの統合により運用経費の10-20%の削減を見込んでおり${padding}`)).toBeNull();
    expect(reply('補助率は何%？', `補助対象経費については、国が負担する補助率の上限を約66.7%として補助するものとし${padding}`)).toBeNull();
    expect(reply('認定の有効期間は何年？', `本制度は2019年に創設されたもので、認定の有効期間は認定の日から起算して定める${padding}`)).toBeNull();
    expect(reply('研修の定員は何人？', `研修の定員は、会場受講の場合は各回30人、オンライン受講の場合は各回100人とし${padding}`)).toBeNull();
  });
  it('states a year asked for when, with the era printed before it, and no month without its year', () => {
    expect(reply('一部機能の経過措置の扱いはいつまでに検討する？', `制度所管省庁において、一部機能の経過措置の扱いを令和9年度末までに検討することとされており${padding}`)).toBe('令和9年度末です[1]。');
    expect(reply('技術的対話ができる調達方法はいつから試行する？', `契約締結前に複数事業者と技術的対話を可能とする調達方法を、2020年度から試行的に開始する${padding}`)).toBe('2020年度です[1]。');
    expect(reply('共通化推進方針案はいつまでに作成する？', `制度所管府省庁に対し、本年3月末までに共通化推進方針案の作成を依頼しました${padding}`)).toBeNull();
  });
  it('gives no reply with a value that has few of the question\'s words around it', () => {
    expect(reply('クラウド利用料の割引率は何%くらい？', `運用経費の3割削減という目標を掲げ、そのためにさまざまな対策を講じていくとともに、クラウド利用料の割引交渉も進めていく${padding}`)).toBeNull();
  });
  it('gives no reply to a question asking two figures', () => {
    expect(reply('総務省LANは何拠点、何人のユーザーをつないでいる？', `総務省の全国約80拠点の庁舎、約7,000名のユーザをネットワークで接続し${padding}`)).toBeNull();
  });
  it('gives no reply where a short sentence states the value at a glance', () => {
    expect(reply('宿泊手当はいくら？', '国内出張の宿泊手当は、1夜につき2,400円です。')).toBeNull();
  });
});
