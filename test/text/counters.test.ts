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
