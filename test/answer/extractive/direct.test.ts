import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../../src/answer/extractive/compose.ts';
import { DECLINE_FEATURES, DIRECT_FEATURES, DIRECT_MODEL, askedKind, bestCandidate, candidates, declineInputs, judgeValue, restates } from '../../../src/answer/extractive/direct.ts';
import { scoreSentences } from '../../../src/answer/extractive/scoring.ts';
import { valueAbstainText } from '../../../src/answer/declines.ts';
import { buildUserPrompt } from '../../../src/answer/prompt.ts';

const passages = [
  {
    n: 1,
    label: '進捗状況',
    text: 'デジタル庁によるレビューは毎年度見直しを実施。\nレビュー実施件数も年々増加(R4年度:1290件 → R5年度:2313件 → R6年度:3107件)\nデジタル庁担当もR7年度より強化(R4年度:45名→R5年度:47名→R6年度:57名→R7年度:64名)。',
  },
  { n: 2, label: '研修', text: '情報システム統一研修の集合研修の受入定員を、30年度1,200人以上とすることを目指す。' },
];

describe('direct answer', () => {
  it('reads what kind of value a question asks for', () => {
    expect(askedKind('削減率は何%？')).toBe('percentage');
    expect(askedKind('予算額はいくら？')).toBe('amount');
    expect(askedKind('何人受け入れる？')).toBe('count');
    expect(askedKind('いつ公布された？')).toBe('date');
    expect(askedKind('平成27年4月1日時点で、いくつあった？')).toBe('count');
    expect(askedKind('どうやって申請する？')).toBeNull();
    // Which body: a name is asked, whatever figure the topic names.
    expect(askedKind('公共セクター売上割合のグラフに出てくるA社って、どこの会社？')).toBeNull();
    expect(askedKind('公共セクター売上割合のグラフに出てくるA社の割合は何%？')).toBe('percentage');

  });

  it('takes the value given for the year the question names from a row of figures, not another year’s', () => {
    const all = scoreSentences('R6年度のレビュー件数は何件？', [], passages);
    expect(bestCandidate('R6年度のレビュー件数は何件？', all, DIRECT_MODEL)?.c.value).toBe('3107件');
    const staff = scoreSentences('R5年度のデジタル庁担当は何名？', [], passages);
    expect(bestCandidate('R5年度のデジタル庁担当は何名？', staff, DIRECT_MODEL)?.c.value).toBe('47名');
  });

  it('opens the answer with the passage’s own sentence holding the value, cited', () => {
    const a = composeAnswer(buildUserPrompt({ question: '集合研修は最終的に何人受け入れる目標？', history: [], passages, revision: null }));
    expect(a.split('\n')[0]).toBe('情報システム統一研修の集合研修の受入定員を、30年度1,200人以上とすることを目指す[2]。');
  });

  it('takes a rate for a rough question about a change, and the count asked otherwise', () => {
    // Each value labelled by the topic (since session 17 the words right before a value count for it: in
    // 「申請件数は約1,200件で、前年比約32%増」 the count alone is labelled 「申請」, and it is taken).
    const counts = [{ n: 1, label: '実績', text: '申請件数は約1,200件となった。申請件数は前年比約32%増。' }];
    const best = (q: string) => bestCandidate(q, scoreSentences(q, [], counts), DIRECT_MODEL)?.c.value;
    expect(best('申請はどのくらい増えた？')).toBe('約32%');
    expect(best('申請件数はどのくらいですか')).toBe('約1,200件');
    expect(best('申請は何件くらい？')).toBe('約1,200件');
  });

  it('reads a date as starting or ending what the question asks about', () => {
    const plan = [{ n: 1, label: '展開計画', text: '新様式は2026年4月から試行し、2027年3月末までに全府省に展開する予定。' }];
    const best = (q: string) => bestCandidate(q, scoreSentences(q, [], plan), DIRECT_MODEL)?.c.value;
    expect(best('新様式はいつまでに全府省に広がる？')).toMatch(/^2027年3月/u);
    expect(best('新様式の試行はいつから？')).toBe('2026年4月');
    const role = (q: string, v: string) => candidates(q, scoreSentences(q, [], plan)).find((c) => c.value.startsWith(v))!.x[DIRECT_FEATURES.indexOf('dateRole')];
    expect(role('いつまでに全府省に広がる？', '2027年3月')).toBe(1);
    expect(role('いつまでに全府省に広がる？', '2026年4月')).toBe(-1);
  });

  it('reads no footnote mark glued to the end of a line as a value, but a figure with its unit or a label’s number mid-sentence', () => {
    const text = '大規模な政府情報システムの費用対効果の推計2\n全体で約300%程度になると試算。\nR7年度は64名(R7年度で更に+13名)2。\n資料2のとおり同意した。';
    const q = '費用対効果は推計で何％になった？';
    const values = candidates(q, scoreSentences(q, [], [{ n: 1, label: '費用対効果', text }])).map((c) => c.value);
    expect(values).toContain('約300%');
    expect(values).toContain('64名');
    expect(values).toContain('2'); // 「資料2のとおり」: a number mid-sentence stays a value the model weighs
    expect(values.filter((v) => v === '2')).toHaveLength(1);
  });

  it('weighs the question’s words near a value by how rare they are among the passages’ sentences', () => {
    // One question word near each value; 「申請」 is in every sentence, 「引越し」 in one.
    const text = '申請の受付は窓口で行います。申請書は所定の様式を使います。申請は電子でもできます。申請の件数は年に10万回ほどです。この数字には窓口と電子の両方が含まれています。引越しは68万回でした。';
    const q = '引越しの申請は何回？';
    const cs = candidates(q, scoreSentences(q, [], [{ n: 1, label: '受付の状況', text }]));
    const of = (v: string, f: (typeof DIRECT_FEATURES)[number]) => cs.find((c) => c.value === v)!.x[DIRECT_FEATURES.indexOf(f)]!;
    expect(of('10万回', 'near')).toBe(of('68万回', 'near'));
    expect(of('68万回', 'nearRare')).toBeGreaterThan(of('10万回', 'nearRare'));
  });

  it('reads the words right before a value, within its clause, as what it is of', () => {
    const two = [{ n: 1, label: '申請の状況', text: '申請件数は研修が120件、出張が3,000件。' }];
    const best = (q: string) => bestCandidate(q, scoreSentences(q, [], two), DIRECT_MODEL)?.c.value;
    expect(best('研修は何件？')).toBe('120件');
    expect(best('出張は何件？')).toBe('3,000件');
    const q = '出張は何件？';
    const label = (v: string) => candidates(q, scoreSentences(q, [], two)).find((c) => c.value === v)!.x[DIRECT_FEATURES.indexOf('label')];
    // 「研修が120件、出張が」: the clause before 3,000件 starts after 「、」, so 「研修」 is not its label.
    expect(label('120件')).toBe(0);
    expect(label('3,000件')).toBeGreaterThan(0);
  });

  // A reviewer's case (session 17): in 「申請件数は約1,200件で、前年比約32%増」 the topic labels the first value
  // only. The count outweighed the rate for a rough question about a change (a known limit until session
  // 19); with fifteenth.json in the fits (session 20) the refitted weights take the rate. It rests on the
  // fitted weights, not on a reading of the sentence's topic, which is not built. Session 22's refit (seventeenth.json in
  // the fits) moved `looseMismatch` 2.567 → 2.451 and `label` 2.190 → 2.274, and the count wins again: a known limit
  // until an input reads the change word after a value (「約32%増」), asserted as such so that a fix shows.
  it.fails('takes the rate of a topic given once for two values, for a rough question about a change', () => {
    const counts = [{ n: 1, label: '実績', text: '申請件数は約1,200件で、前年比約32%増となった。' }];
    expect(bestCandidate('申請はどのくらい増えた？', scoreSentences('申請はどのくらい増えた？', [], counts), DIRECT_MODEL)?.c.value).toBe('約32%');
  });

  it('never takes a month for a rough question about a change', () => {
    const dated = [{ n: 1, label: '見直し', text: '2025年(令和7年)4月時点で、見直し対象は約97%減った。' }];
    const q = '見直し対象はどのくらい減った？';
    const month = candidates(q, scoreSentences(q, [], dated)).find((c) => c.kind === 'date');
    expect(month).toBeDefined();
    expect(month!.x[DIRECT_FEATURES.indexOf('looseMismatch')]).toBe(0);
    const rate = candidates(q, scoreSentences(q, [], dated)).find((c) => c.value === '約97%');
    expect(rate!.x[DIRECT_FEATURES.indexOf('looseMismatch')]).toBe(1);
  });

  it('reads a whole date as one value', () => {
    const dated = [{ n: 1, label: '開催状況', text: '第1弾:AIハッカソン開催日:2024年11月7日担当:AI班' }];
    const all = scoreSentences('AIハッカソンはいつ開催された？', [], dated);
    expect(candidates('AIハッカソンはいつ開催された？', all).map((c) => c.value)).toEqual(['2024年11月7日']);
  });

  it('opens with the value and the year that labels it when the value stands in a row of figures, then the row', () => {
    const a = composeAnswer(buildUserPrompt({ question: 'R5年度のデジタル庁担当は何名？', history: [], passages, revision: null })).split('\n');
    expect(a[0]).toBe('R5年度:47名[1]');
    expect(a[1]).toBe('デジタル庁担当もR7年度より強化(R4年度:45名→R5年度:47名→R6年度:57名→R7年度:64名)[1]。');
  });

  it('ships a model fitted on the inputs this code computes (else run npm run fit:direct -- --write)', () => {
    expect(DIRECT_MODEL.features).toEqual([...DIRECT_FEATURES]);
    expect(DIRECT_MODEL.decline?.features).toEqual([...DECLINE_FEATURES]);
  });

  it('takes no list or section number for a value, and reads 「3か月」 as a count', () => {
    const numbered = [{ n: 1, label: '注', text: '1. 件数は12件です。\n2.1.3 節の例です。\n期間は3か月です。' }];
    const values = candidates('件数は何件？期間は何か月？', scoreSentences('件数は何件？期間は何か月？', [], numbered)).map((c) => `${c.value}:${c.kind}`);
    expect(values).toContain('12件:count');
    expect(values).toContain('3か月:count');
    expect(values.some((v) => v.startsWith('1:') || v.startsWith('2.1') || v.startsWith('3:'))).toBe(false);
  });

  it('does not decline for want of a value when the passages hold no figure at all (the confidence model decides)', () => {
    const none = [{ n: 1, label: '日当', text: '日当は支給しません。' }];
    const strict = { ...DIRECT_MODEL, decline: { ...DIRECT_MODEL.decline!, below: 1 } };
    expect(judgeValue('日当はいくら？', scoreSentences('日当はいくら？', [], none), strict)).toBeNull();
    // With figures in the passages, none fitting well enough: declined, naming the closest.
    const unfit = judgeValue('R9年度は何名？', scoreSentences('R9年度は何名？', [], passages), strict);
    expect(unfit?.declined).toBe(true);
    expect(unfit?.asked).toBe('count');
    expect(unfit?.closest?.value).toMatch(/名$/);
  });

  it('takes a time given in words for a date asked for (「年内を目途に」「年度末」), and only then', () => {
    const plan = [{ n: 1, label: '計画', text: '整備計画を、年内を目途に作成する。対象は3府省。' }];
    const values = (q: string) => candidates(q, scoreSentences(q, [], plan)).map((c) => `${c.value}:${c.kind}`);
    expect(values('整備計画はいつまでに作成する？')).toContain('年内:date');
    expect(values('対象は何府省？').some((v) => v.startsWith('年内'))).toBe(false);
    // 「年末調整」「年末年始」 name no time of a deadline.
    const tax = [{ n: 1, label: '手続', text: '年末調整の書類は年末年始の休み明けに提出する。' }];
    expect(candidates('年末調整の書類はいつ出す？', scoreSentences('年末調整の書類はいつ出す？', [], tax))).toEqual([]);
  });

  it('reads a figure after an era letter as a year: a date when a date is asked for, else no value (「R5進捗状況」)', () => {
    const gss = [{ n: 1, label: 'GSS', text: '3割削減のR5進捗状況を踏まえ、国税庁約580拠点・約68,600人(一部R7.8~)が移行する。' }];
    const values = (q: string) => candidates(q, scoreSentences(q, [], gss)).map((c) => `${c.value}:${c.kind}`);
    expect(values('国税庁は何拠点？')).toEqual(['3割:percentage', '約580拠点:count', '約68,600人:count']);
    expect(values('国税庁はいつから移行？')).toContain('7.8:date');
    expect(values('国税庁はいつから移行？').some((v) => v.startsWith('5'))).toBe(true);
    // A Latin word's last letter is no era (「MR5」).
    const model = [{ n: 1, label: '機器', text: 'MR5型は3台ある。' }];
    expect(candidates('MR5型は何台？', scoreSentences('MR5型は何台？', [], model)).map((c) => c.value)).toContain('5型');
  });

  it('takes an ordinal for a value only when the question asks which one (「何号」「第何回」)', () => {
    const law = [{ n: 1, label: '法令', text: '改正する法律(令和元年法律第16号)により、第10回会議で決定した。' }];
    const asked = (q: string) => candidates(q, scoreSentences(q, [], law)).map((c) => c.value);
    expect(asked('その法律は法律第何号？')).toContain('16号');
    expect(asked('決定したのは第何回の会議？')).toContain('10回会議');
    expect(asked('会議は何回開かれた？')).not.toContain('10回会議');
    // 「何項目」 asks how many items, not which paragraph.
    const list = [{ n: 1, label: '規程', text: '第3項に定めるチェックリストは12項目です。' }];
    expect(candidates('チェックリストは何項目ありますか？', scoreSentences('チェックリストは何項目ありますか？', [], list)).map((c) => c.value)).toEqual(['12項目']);
  });

  it('reads the conditions a question puts that the best value does not meet (the decline model\'s inputs)', () => {
    const inputs = (question: string, text: string) => {
      const all = scoreSentences(question, [], [{ n: 1, label: '資料', text }]);
      const c = candidates(question, all)[0]!;
      return Object.fromEntries(DECLINE_FEATURES.map((f, i) => [f, declineInputs(question, c, 2, all)[i]]));
    };
    // A year asked that a dated passage does not name; an undated passage (rules in force) is not missing it.
    expect(inputs('R9年度は何名？', 'R5年度は47名。R6年度は57名。').yearAbsent).toBe(1);
    expect(inputs('令和7年度の日当はいくら？', '日当は2,200円です。').yearAbsent).toBe(0);
    expect(inputs('令和7年度の日当はいくら？', '日当は2,200円です。').fit).toBe(2);
    // A number asked with no counter (「どれくらい」) is read apart from one asked with its counter (「何名」).
    expect(inputs('職員はどれくらいいる？', '職員は約7,000名です。').looseCount).toBe(1);
    expect(inputs('職員は何名いる？', '職員は約7,000名です。').looseCount).toBe(0);
    expect(inputs('日当はいくら？', '日当は2,200円です。').looseCount).toBe(0);
  });

  it('labels a value in a row by its year as printed, era letter included (「H28年度:120件」)', () => {
    const rows = [{ n: 1, label: 'レビュー', text: 'レビュー件数はH27年度:100件 H28年度:120件 H29年度:130件。' }];
    const a = composeAnswer(buildUserPrompt({ question: 'H28年度のレビューは何件？', history: [], passages: rows, revision: null })).split('\n');
    expect(a[0]).toBe('H28年度:120件[1]');
  });

  it('gives a follow-up the kind of value the question it follows asked for', () => {
    const a = composeAnswer(buildUserPrompt({ question: 'R5年度は？', history: ['R6年度のレビュー件数は何件？'], passages, revision: null })).split('\n');
    expect(a[0]).toBe('R5年度:2313件[1]');
  });

  it('finds no value to give when none is asked for', () => {
    expect(candidates('レビューはどのように見直している？', scoreSentences('レビューはどのように見直している？', [], passages))).toEqual([]);
  });
});

describe('a value the question itself states', () => {
  const whole = [{ n: 1, label: '予算', text: '令和2年度予算の概算要求においては、複数の府省で共用する情報システムの整備・運用に必要な予算約700億円を一括して要求した。' }];
  it('is no answer to a part asked of it: the question is declined', () => {
    const q = '一括要求の約700億円のうち、マイナポータル分はいくら？';
    const judged = judgeValue(q, scoreSentences(q, [], whole), DIRECT_MODEL);
    expect(restates(q, '約700億円')).toBe(true);
    expect(judged?.declined).toBe(true);
  });
  it('may answer a question about the asker\'s own case that states it', () => {
    const q = '一括要求した予算は約700億円でしたか？いくらでしたか？';
    const judged = judgeValue(q, scoreSentences(q, [], whole), DIRECT_MODEL);
    expect(judged?.declined).toBe(false);
  });
});

describe('a result asked of a value given as a target', () => {
  const indicators = [{ n: 1, label: '総務省LAN整備・運用事業', text: '【成果指標(アウトカム)】\n・運用等SLA:99%(平成30年度)\n・満足度調査平均点:75%(平成32年度)' }];
  const kpi = [{ n: 1, label: '電子決裁', text: '電子決裁に要する期間の短縮(平成27年3月実績平均40.1時間→目標(平成30年度)32時間以内)とされている。' }];
  it('is declined as a plan, and the decline says so', () => {
    const q = '総務省LANの満足度調査、実際の平均点は何%でした？';
    const judged = judgeValue(q, scoreSentences(q, [], indicators), DIRECT_MODEL);
    expect(judged?.closest.value).toBe('75%');
    expect(judged?.planned).toBe(true);
    expect(judged?.declined).toBe(true);
    expect(valueAbstainText('percentage', '満足度調査平均点:75%(平成32年度)', { planned: true })).toContain('という目標や見込みの記載です');
  });
  it('is answered by a value the passage gives as a result, and a target asked is no result asked', () => {
    const q = '電子決裁にかかる期間、平成27年3月の実績平均は何時間？';
    const judged = judgeValue(q, scoreSentences(q, [], kpi), DIRECT_MODEL);
    expect(judged?.closest.value).toBe('40.1時間');
    expect(judged?.planned).toBe(false);
    const target = '満足度調査の目標は何%？';
    expect(judgeValue(target, scoreSentences(target, [], indicators), DIRECT_MODEL)?.planned).toBe(false);
  });
});

describe("a law's milestone asked of a date given for another", () => {
  const law = [{ n: 1, label: 'デジタル手続法', text: 'デジタル手続法※(令和元年5月31日公布)の概要\n・行政手続のオンライン化を原則とする' }];
  it('is declined for the milestone asked, and answered for the one printed', () => {
    const enforced = 'デジタル手続法の施行日はいつ？';
    const judged = judgeValue(enforced, scoreSentences(enforced, [], law), DIRECT_MODEL);
    expect(judged?.milestone).toBe('施行');
    expect(judged?.declined).toBe(true);
    expect(valueAbstainText('date', '令和元年5月31日公布', { milestone: '施行' })).toContain('「令和元年5月31日公布」という別の時点の記載です');
    const promulgated = 'デジタル手続法が公布されたのはいつ？';
    expect(judgeValue(promulgated, scoreSentences(promulgated, [], law), DIRECT_MODEL)?.milestone).toBeNull();
  });
});

describe('a result asked where the passage gives a target and a result', () => {
  it('is not declined as a plan: the result is there', () => {
    const both = [{ n: 1, label: '処理日数', text: '審査の処理日数は平均5日以内を目指す。令和5年度は平均4.2日であった。' }];
    const q = '実際の処理日数は何日？';
    expect(judgeValue(q, scoreSentences(q, [], both), DIRECT_MODEL)?.planned).toBe(false);
  });
});
