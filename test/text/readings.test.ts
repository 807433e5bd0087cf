import { describe, expect, it } from 'vitest';
import { expandByReadings, toHiragana } from '../../src/text/readings.ts';
import { buildReadingTable, startReadingTable } from '../../src/ingest/readings.ts';
import type { Chunk } from '../../src/ingest/types.ts';

const chunk = (text: string): Chunk => ({
  id: text, source: 's.md', title: 't', kind: 'manual', section: '', page: null, text, effectiveFrom: null, effectiveTo: null, ordinal: 0,
});

describe('reading table', () => {
  it('maps hiragana readings to the corpus words, including compounds of adjacent nouns', async () => {
    const table = await buildReadingTable([chunk('旅行命令を作成し、領収書を添付して決裁を受けます。ログイン画面を開きます。')]);
    expect(table['りょうしゅうしょ']).toContain('領収書');
    expect(table['りょこうめいれい']).toContain('旅行命令');
    expect(table['けっさい']).toContain('決裁');
    expect(table['ろぐいん']).toContain('ログイン');
  });
  it('builds the same table in the ingestion worker thread as in this thread', async () => {
    const chunks = [chunk('旅行命令を作成し、領収書を添付して決裁を受けます。'), { ...chunk('経路検索で運賃を確認します。\nログイン画面を開きます。'), section: '経路検索 › 運賃' }];
    const builder = startReadingTable();
    expect(await builder.build(chunks)).toEqual(await buildReadingTable(chunks));
    expect(builder.builtIn).toBe('worker');
    await builder.close();
  });
  it('finds words typed in kana, and kanji followed by kana', () => {
    const table = { りょうしゅうしょ: ['領収書'], けっさい: ['決裁'], りょこうめいれい: ['旅行命令'], てんぷ: ['添付'] };
    expect(expandByReadings('ホテルのりょうしゅうしょってなに', table)).toEqual(['領収書']);
    expect(expandByReadings('決さいされたら', table)).toEqual(['決裁']);
    expect(expandByReadings('旅行めいれいを出す', table)).toEqual(['旅行命令']);
    expect(expandByReadings('宿泊手当はいくら', table)).toEqual([]);
  });
  it('converts katakana to hiragana', () => {
    expect(toHiragana('リョウシュウショ')).toBe('りょうしゅうしょ');
  });
});
