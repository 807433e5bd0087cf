import { describe, expect, it } from 'vitest';
import { askedBody } from '../../src/text/entities.ts';

const named = (question: string, text: string) => askedBody(question)?.named(text) ?? null;

describe('askedBody', () => {
  it('reads which kind of body a question asks for', () => {
    expect(askedBody('試行するのはどの府省？')?.label).toBe('府省庁名');
    expect(askedBody('一番低い府省はどこ？')?.label).toBe('府省庁名');
    expect(askedBody('移行する予定の省庁名を教えて')?.label).toBe('府省庁名');
    expect(askedBody('まだ運用していない都道府県はどこですか')?.label).toBe('都道府県名');
    expect(askedBody('どの市町で一番増えた？')?.label).toBe('市町村名');
    expect(askedBody('A社って、具体的にどの会社？')?.label).toBe('会社名');
    expect(askedBody('導入する予定の省庁って、具体的にどこですか？')?.label).toBe('府省庁名');
    expect(askedBody('開発した企業って、実際にどこ？')?.label).toBe('会社名');
  });
  it('asks nothing of a question that names no kind, or asks where to do something', () => {
    expect(askedBody('宿泊費の上限はいくら？')).toBeNull();
    expect(askedBody('申請はどこから出せますか')).toBeNull();
    expect(askedBody('どのくらい減った？')).toBeNull();
  });
  it('finds the bodies a text names, not the kind itself', () => {
    expect(named('どこの省が主管？', '「政府共通プラットフォーム」(主管:総務省)を指定')).toEqual(['総務省']);
    expect(named('どの府省庁？', '内閣官房、デジタル庁、文部科学省')).toEqual(['内閣官房', 'デジタル庁', '文部科学省']);
    expect(named('一番低い府省はどこ？', '各府省において取り組み、一部低調府省には個別フォローを実施')).toEqual([]);
    expect(named('どの府省庁？', '府省庁別の実績、中央省庁、官公庁')).toEqual([]);
    expect(named('どこの都道府県？', '都道府県の30府県警察で運用')).toEqual([]);
    expect(named('どこの都道府県？', '山口県と東京都で開始')).toEqual(['山口県', '東京都']);
    expect(named('どこの自治体？', '一宮市と美郷町、指定都市、中核市、市町村')).toEqual(['一宮市', '美郷町']);
    expect(named('政府はどの会社と契約？', '政府全体の取組')).toEqual([]);
  });
  it('does not count a body the question itself names', () => {
    expect(named('A社って、具体的にどの会社？', 'A社の売上割合は低下')).toEqual([]);
    expect(named('山口県の試算で、いちばん増えたのはどの市町？', '山口県の市町の平均で約3.6倍')).toEqual([]);
  });
});
