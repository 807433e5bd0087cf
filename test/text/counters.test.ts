import { describe, expect, it } from 'vitest';
import { askedCounters } from '../../src/text/counters.ts';
import { prepare } from '../../src/text/tokenize.ts';

const holds = (question: string, text: string) => askedCounters(prepare(question)).every((c) => c.holds.test(prepare(text)));

describe('askedCounters', () => {
  it('reads the counter a question asks a number in, and the figures that give it', () => {
    expect(askedCounters(prepare('何システムありますか')).map((c) => c.label)).toEqual(['何システム']);
    expect(holds('何システムありますか', '約260システム')).toBe(true);
    expect(holds('何人ですか', '定員は5名')).toBe(true);
    expect(holds('何人ですか', '5件')).toBe(false);
    expect(holds('何倍になる', '平均が約 3.6倍')).toBe(true);
    expect(holds('何万人', '約12.5万人')).toBe(true);
  });
  it('takes the counter after 「の」 and a hedge (「約260程度のシステム」「11の業務」), not a number of something else', () => {
    expect(holds('何システムで占めているの', '約260程度のシステムが全体の約97%を占める')).toBe(true);
    expect(holds('何業務が対象', '11の業務・システム')).toBe(true);
    expect(holds('何システムで占めているの', '2024年度のシステム')).toBe(false);
    expect(holds('何団体ですか', '3つの府省庁')).toBe(false);
    // A number that labels a figure or a document is no count.
    expect(holds('何システムありますか', '図1のシステム構成')).toBe(false);
    expect(holds('何システムありますか', '図12のシステム構成')).toBe(false);
    expect(holds('何システムありますか', '資料3のシステム')).toBe(false);
    // An ordinal asked for is given after 第 (「法律第16号」「第10回」).
    expect(holds('法律第何号？', '令和元年法律第16号')).toBe(true);
    expect(holds('何回目の会議？', '第10回会議')).toBe(true);
  });
});

describe('counters that read as what they count', () => {
  it('reads no year as a length of time, and no ordinal as a count', () => {
    expect(holds('有効期間は何年', '本制度は2019年に創設された')).toBe(false);
    expect(holds('有効期間は何年', '有効期間は5年間とする')).toBe(true);
    expect(holds('会議は何回開催された', '第3回地域交通連絡会議議事要旨')).toBe(false);
    expect(holds('会議は何回開催された', '会議を3回開催した')).toBe(true);
  });
  it('reads an amount in any unit for 「何円」「何億円」', () => {
    expect(holds('宿泊料は何円まで', '1泊につき1.2万円を上限とする')).toBe(true);
    expect(holds('総額は何億円', '総額約5400億円')).toBe(true);
    // Read on the passage's lines: a figure and 円 on two lines (「資料2」「円滑な…」) are no amount.
    expect(askedCounters('宿泊料は何円まで')[0]!.holds.test('資料2\n円滑な実施に向けて')).toBe(false);
  });
});

