import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ABSTAIN_TEXT, Answerer, CAUTION_TEXT, closestClause, qualifierAbstainText, valueAbstainText } from '../../src/answer/answerer.ts';
import { CALIBRATION } from '../../src/answer/confidence.ts';
import { DIRECT_MODEL, candidates } from '../../src/answer/extractive/direct.ts';
import { scoreSentences } from '../../src/answer/extractive/scoring.ts';
import { worthQuoting } from '../../src/answer/declines.ts';
import { createAnswerModels } from '../../src/models/language.ts';
import { Retriever } from '../../src/retrieval/retriever.ts';
import type { FileIndex } from '../../src/retrieval/node/file-index.ts';
import { FIXTURES, buildIndex, tempDir } from '../helpers/index.ts';

let index: FileIndex;
beforeAll(async () => {
  index = (await buildIndex(join(FIXTURES, 'mini'))).index;
});
const answerer = (calibration = CALIBRATION) =>
  new Answerer({ retriever: new Retriever(index), models: createAnswerModels({ llm: null }), indexVersion: () => index.version, calibration });

describe('confidence bands', () => {
  const q = { question: '領収書をなくしたらどうすればいいですか' };
  it('answers plainly above the caution band', async () => {
    const a = await answerer({ ...CALIBRATION, threshold: 0.01, cautionBelow: 0 }).ask(q);
    expect(a.escalate).toBe(false);
    expect(a.answer).not.toContain(CAUTION_TEXT);
    expect(a.risk.reasons).toEqual([]);
  });
  it('answers with a caution, logged as low confidence, inside the band', async () => {
    const a = await answerer({ ...CALIBRATION, threshold: 0.01, cautionBelow: 0.999 }).ask(q);
    expect(a.escalate).toBe(false);
    expect(a.answer.endsWith(CAUTION_TEXT)).toBe(true);
    expect(a.risk.reasons).toEqual(['low_confidence']);
  });
  it('abstains below the threshold, offering escalation, and says so in the stream too', async () => {
    const strict = answerer({ ...CALIBRATION, threshold: 0.999 });
    const a = await strict.ask(q);
    expect(a).toMatchObject({ escalate: true, answer: ABSTAIN_TEXT });
    expect(a.citations.every((c) => !c.cited)).toBe(true);
    let text = '';
    for await (const e of strict.stream(q)) if (e.type === 'text') text += e.delta;
    expect(text).toBe(ABSTAIN_TEXT);
  });
});

describe('a value the decline model doubts', () => {
  const q = { question: '国内出張の宿泊手当は1夜いくら？' };
  const relaxed = { ...CALIBRATION, threshold: 0.01, cautionBelow: 0 };
  const withDecline = (below: number, cautionBelow: number) =>
    new Answerer({ retriever: new Retriever(index), models: createAnswerModels({ llm: null }), indexVersion: () => index.version, calibration: relaxed, direct: { ...DIRECT_MODEL, decline: { ...DIRECT_MODEL.decline!, below, cautionBelow } } });
  it('is given with the caution between the decline threshold and the caution threshold, plainly above it', async () => {
    const doubted = await withDecline(0, 1).ask(q);
    expect(doubted.escalate).toBe(false);
    expect(doubted.answer).toContain('2,400円');
    expect(doubted.answer.endsWith(CAUTION_TEXT)).toBe(true);
    expect(doubted.risk.reasons).not.toContain('low_confidence');
    const plain = await withDecline(0, 0).ask(q);
    expect(plain.answer).not.toContain(CAUTION_TEXT);
  });
  it('opens a plain answer whose value stands in a long sentence with a short reply stating it, and a doubted one without it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'allowance.md'), '# 支度料\n\n外国出張を命じられた職員には、出発前の準備に要する費用として、旅行の期間や行き先にかかわらず1回の出張につき支度料12,000円を支給します。\n');
    const own = (await buildIndex(dir)).index;
    const make = (cautionBelow: number) =>
      new Answerer({ retriever: new Retriever(own), models: createAnswerModels({ llm: null }), indexVersion: () => own.version, calibration: relaxed, direct: { ...DIRECT_MODEL, decline: { ...DIRECT_MODEL.decline!, below: 0, cautionBelow } } });
    const long = { question: '外国出張の支度料はいくら？' };
    const plain = await make(0).ask(long);
    const [reply, quote] = plain.answer.split('\n');
    expect(reply).toBe('12,000円です[1]。');
    expect(quote).toContain('支度料12,000円を支給します[1]。');
    const doubted = await make(1).ask(long);
    expect(doubted.answer.split('\n')[0]).toBe(quote);
    expect(doubted.answer.endsWith(CAUTION_TEXT)).toBe(true);
    let streamed = '';
    for await (const e of make(0).stream(long)) if (e.type === 'done') streamed = e.answer.answer;
    expect(streamed).toBe(plain.answer);
    // The reply and the quote holding its value are the whole answer: what the composition would add
    // after them (the next sentence on the same allowance) is left out.
    const two = tempDir();
    writeFileSync(join(two, 'allowance.md'), '# 支度料\n\n外国出張を命じられた職員には、出発前の準備に要する費用として、旅行の期間や行き先にかかわらず1回の出張につき支度料12,000円を支給します。支度料は、旅行命令が取り消された場合でも、既に準備のため支出した額の範囲で支給します。\n');
    const twoIndex = (await buildIndex(two)).index;
    const both = await new Answerer({ retriever: new Retriever(twoIndex), models: createAnswerModels({ llm: null }), indexVersion: () => twoIndex.version, calibration: relaxed, direct: { ...DIRECT_MODEL, decline: { ...DIRECT_MODEL.decline!, below: 0, cautionBelow: 0 } } }).ask(long);
    expect(both.answer.split('\n')).toEqual(['12,000円です[1]。', '外国出張を命じられた職員には、出発前の準備に要する費用として、旅行の期間や行き先にかかわらず1回の出張につき支度料12,000円を支給します[1]。']);
    // A short sentence stating the value needs no reply.
    const short = await withDecline(0, 0).ask(q);
    expect(short.answer.split('\n')[0]).toBe('国内出張の宿泊手当は、1夜につき2,400円です[1]。');
  });
  it('answers with the quote of a value the model is sure of alone, and keeps what the composition adds when it is not', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lodging.md'), '# 宿泊手当\n\n国内出張の宿泊手当は、1夜につき2,400円です。宿泊手当は、国内出張で宿泊を伴う場合に、旅行命令に記載された泊数(最大30夜)に応じて支給します。\n');
    const own = (await buildIndex(dir)).index;
    const ask = (direct: typeof DIRECT_MODEL) =>
      new Answerer({ retriever: new Retriever(own), models: createAnswerModels({ llm: null }), indexVersion: () => own.version, calibration: relaxed, direct: { ...direct, decline: { ...DIRECT_MODEL.decline!, below: 0, cautionBelow: 0 } } }).ask(q);
    const sure = await ask(DIRECT_MODEL);
    expect(sure.answer).toBe('国内出張の宿泊手当は、1夜につき2,400円です[1]。');
    // A model with no preference shares its belief among the three values (1夜, 2,400円, 30夜): a third
    // each, under SURE_OPENING, so the sentence after the opening stays.
    const unsure = await ask({ ...DIRECT_MODEL, weights: DIRECT_MODEL.weights.map(() => 0), threshold: 0 });
    expect(unsure.answer.split('\n')).toEqual([sure.answer, '宿泊手当は、国内出張で宿泊を伴う場合に、旅行命令に記載された泊数(最大30夜)に応じて支給します[1]。']);
  });
  it('declines nothing by a decline model fitted on other inputs than the code computes', async () => {
    const stale = { ...DIRECT_MODEL, decline: { ...DIRECT_MODEL.decline!, features: ['fit', 'confidence'], below: 1, cautionBelow: 1 } };
    const a = await new Answerer({ retriever: new Retriever(index), models: createAnswerModels({ llm: null }), indexVersion: () => index.version, calibration: relaxed, direct: stale }).ask(q);
    expect(a.escalate).toBe(false);
    expect(a.answer).not.toContain(CAUTION_TEXT);
  });
  it('is declined below the decline threshold, naming the closest value', async () => {
    const a = await withDecline(1, 1).ask(q);
    expect(a.escalate).toBe(true);
    expect(a.answer).toContain('ご質問の金額に当たる記載');
  });
});

describe('worthQuoting', () => {
  it('quotes in a decline the closest value only when its sentence holds enough of the question', () => {
    const passages = [
      { n: 1, label: '事前分析表', text: '920人 27年度 1,200人以上 30年度' },
      { n: 2, label: '事前分析表', text: '電子申請システムを導入していない地方公共団体は260団体(平成29年度)である。' },
    ];
    const valueOf = (q: string, figure: string) => candidates(q, scoreSentences(q, [], passages)).find((c) => c.value.includes(figure))!;
    const q = '電子申請システムを導入していない地方公共団体は、令和5年度にはいくつ？';
    expect(worthQuoting(valueOf(q, '260'))).toBe(true);
    expect(worthQuoting(valueOf(q, '920'))).toBe(false);
  });
});

describe('closestClause', () => {
  it('names the clause holding the closest value, or nothing when the clause is a long flattened line', () => {
    const text = '国内出張の宿泊手当は、1夜につき2,400円です。';
    expect(closestClause(text, text.indexOf('2,400円'), 6)).toBe('国内出張の宿泊手当は、1夜につき2,400円です');
    const row = '(令和5年3月24日付国水環保第15号)ほか【参考3】規制所管府省庁からのアナログ規制見直しとデジタル技術実装に関する情報提供の好事例 12件 34件 56件';
    expect(closestClause(row, row.indexOf('12件'), 3)).toBeNull();
  });
});

describe('a question asking which body, answered by passages naming none', () => {
  const relaxed = { ...CALIBRATION, threshold: 0.01, cautionBelow: 0 };
  it('is declined naming what is missing, in the answer and the stream alike; a passage naming one answers it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'trial.md'), '# 調達の見直し\n\n契約締結前に複数事業者と技術的対話を行う調達・契約方法を、令和2年度から一部の府省で試行的に開始する。\n\n# 共通基盤\n\n政府共通プラットフォームは総務省が主管する。\n');
    const own = (await buildIndex(dir)).index;
    const a = new Answerer({ retriever: new Retriever(own), models: createAnswerModels({ llm: null }), indexVersion: () => own.version, calibration: relaxed });
    const which = { question: '技術的対話を取り入れた調達方法を試行するのはどの府省？' };
    const declined = await a.ask(which);
    expect(declined.escalate).toBe(true);
    expect(declined.answer).toContain('「府省庁名」に当たる記載');
    expect(declined.answer).toContain('該当する名前を挙げていません');
    let streamed = '';
    for await (const e of a.stream(which)) if (e.type === 'done') streamed = e.answer.answer;
    expect(streamed).toBe(declined.answer);
    const answered = await a.ask({ question: '政府共通プラットフォームはどこの省が主管？' });
    expect(answered.escalate).toBe(false);
    expect(answered.answer).toContain('総務省');
  });
});

describe('qualifierAbstainText', () => {
  it('names what was not found and why: another year or figure, or a count without its items', () => {
    expect(qualifierAbstainText(['令和6年度'])).toContain('「令和6年度」に当たる記載');
    expect(qualifierAbstainText(['令和6年度'])).toContain('別の年度・回や別の数値');
    const list = qualifierAbstainText(['11の業務・システムの一覧']);
    expect(list).toContain('数を示すだけで、項目は挙げていません');
    expect(list).not.toContain('別の年度');
    const contact = qualifierAbstainText(['メールアドレス', '電話番号']);
    expect(contact).toContain('「メールアドレス」・「電話番号」に当たる記載');
    expect(contact).toContain('連絡先やアドレスは書いていません');
    expect(contact).not.toContain('別の年度');
    const counted = qualifierAbstainText(['何人']);
    expect(counted).toContain('「何人」に当たる記載');
    expect(counted).toContain('その数値は書かれていません');
    expect(counted).not.toContain('別の年度');
    expect(qualifierAbstainText(['令和6年度', '何人'])).toContain('別の年度・回や別の数値');
    const body = qualifierAbstainText(['福井市']);
    expect(body).toContain('「福井市」に当たる記載');
    expect(body).toContain('別の団体や機関についてのもの');
    expect(body).not.toContain('別の年度');
    const breakdown = qualifierAbstainText(['内訳']);
    expect(breakdown).toContain('「内訳」に当たる記載');
    expect(breakdown).toContain('全体の数値を示すだけで、その内訳は書かれていません');
    const time = qualifierAbstainText(['日付・時期']);
    expect(time).toContain('「日付・時期」に当たる記載');
    expect(time).toContain('その日付や時期は書かれていません');
    expect(time).not.toContain('別の年度');
    const ordinal = qualifierAbstainText(['第2弾']);
    expect(ordinal).toContain('「第2弾」に当たる記載');
    expect(ordinal).toContain('それ以外の回についてのものです');
    expect(ordinal).not.toContain('別の年度');
    const venue = qualifierAbstainText(['開催場所']);
    expect(venue).toContain('「開催場所」に当たる記載');
    expect(venue).toContain('その開催場所は書かれていません');
    const action = qualifierAbstainText(['申込みの方法']);
    expect(action).toContain('その手続について書いていません');
    expect(action).not.toContain('別の年度');
  });
});


describe('valueAbstainText', () => {
  it('says the documents give the total and not its breakdown when the closest value is the total the question names', () => {
    const whole = valueAbstainText('amount', '予算約700億円を内閣官房IT総合戦略室にて一括して要求', { whole: true });
    expect(whole).toContain('「予算約700億円を内閣官房IT総合戦略室にて一括して要求」という全体の記載で、その内訳は載っていません');
    expect(whole).not.toContain('確認できません');
    const other = valueAbstainText('amount', '予算約700億円を一括して要求');
    expect(other).toContain('ご質問の条件に合うものかどうか確認できません');
    expect(other).not.toContain('内訳');
  });
});
