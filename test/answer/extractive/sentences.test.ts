import { describe, expect, it } from 'vitest';
import { clean, lineSentences, passageSentences } from '../../../src/answer/extractive/sentences.ts';

describe('a line read as sentences', () => {
  it('does not end a sentence inside brackets or before a quotation goes on, and keeps a short reply with what follows', () => {
    expect(lineSentences('JPEGで添付できます(PDFも可。10MBまで)。原本は保管します。')).toEqual(['JPEGで添付できます(PDFも可。10MBまで)。', '原本は保管します。']);
    expect(lineSentences('質問は「上限は？」のように入力します。')).toEqual(['質問は「上限は？」のように入力します。']);
    expect(lineSentences('A. はい。写真でも添付できます。')).toEqual(['A. はい。写真でも添付できます。']);
    expect(lineSentences('A. いいえ。私用の宿泊分は支給されません。')).toEqual(['A. いいえ。私用の宿泊分は支給されません。']);
    // A closing bracket followed by a word that opens a sentence ends the sentence.
    expect(lineSentences('実費を支給する(ただし上限あり。)もし上限を超えたら自己負担です。')).toEqual(['実費を支給する(ただし上限あり。)', 'もし上限を超えたら自己負担です。']);
    expect(lineSentences('【注意。重要】旅費は実費です。')).toEqual(['【注意。重要】旅費は実費です。']);
    // A line holding only a short reply is kept as it is (the passage reader drops what is too short).
    expect(lineSentences('A. いいえ。')).toEqual(['A. いいえ。']);
  });
  it('cuts a sentence held open by a bracket that never closes (PDF text) after about 200 characters', () => {
    const parts = lineSentences(`（注：${'これは説明の文です。'.repeat(50)}`);
    expect(parts.length).toBeGreaterThan(10);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(220);
  });
});

describe('a passage read as the answerer needs it', () => {
  it('marks a line that is no sentence right before a list as announcing it, and reads remark labels away', () => {
    const s = passageSentences('例: 講師に2時間の講演を依頼した場合\n- 講演:10,000円 × 2時間 = 20,000円\n- 差引支払額:17,958円');
    expect(s[0]!.introduces).toBe(true);
    expect(s[1]!.bullet).toBe(true);
    expect(clean('注意: 半券は捨てないでください。')).toBe('半券は捨てないでください。');
    expect(clean('例: 往復の場合')).toBe('例えば、往復の場合');
    // A quoted sentence loses the marks a slide put before it, one or several.
    expect(clean('・・市町村は計画を勘案する')).toBe('市町村は計画を勘案する');
    expect(clean('〇最高裁判所約460拠点・約25,800人')).toBe('最高裁判所約460拠点・約25,800人');
    expect(clean('- ✓ 政府CIOの指揮の下')).toBe('政府CIOの指揮の下');
    expect(clean('-4.8pt')).toBe('-4.8pt');
    expect(clean('〇〇課長に提出する。')).toBe('〇〇課長に提出する。');
  });
  it('reads a numbered step, not a decimal opening a row of figures, as a step', () => {
    const s = passageSentences('1. 申請画面を開く\n2)内容を入力する\n40.1 時間 26年度 32 時間以内 30年度');
    expect(s.map((x) => x.step)).toEqual([1, 2, null]);
    expect(s[2]!.text).toBe('40.1 時間 26年度 32 時間以内 30年度');
  });
});

describe('procedure of minutes', () => {
  it('reads handing over to the next speakers as procedure, and a reason as something said', () => {
    const flag = (t: string) => passageSentences(t)[0]!.procedural;
    expect(flag('それでは、対策案等について、村岡知事、中野市長、松田町長から、御意見等をいただきたいと思います。')).toBe(true);
    expect(flag('説明は以上となります。')).toBe(true);
    expect(flag('見直しが必要ですから、御意見等をいただきたいと思います。')).toBe(false);
    expect(flag('締切は5月31日となりますので、御意見等をいただきたいと思います。')).toBe(false);
  });
});

describe('speakers of minutes', () => {
  it("gives each sentence of a turn its speaker, but not the one that opens with the speaker, and ends the turn at the next speaker or a heading", () => {
    const text = [
      'そろそろお時間になりましたので、最後に局長よりご挨拶をいただきます。',
      '○阪田内閣官房デジタル行財政改革会議事務局長：本日は、ありがとうございました。今後、私が主査をつとめる会議等を通じて求めてまいります。',
      'また、運用経費問題について貴重なご意見を頂きました。',
      '○村岡山口県知事：はい、ありがとうございます。',
      '(異議なしの声)',
      '以上で閉会とします。',
    ].join('\n');
    expect(passageSentences(text).map((s) => s.speaker)).toEqual([
      null,
      null,
      '阪田内閣官房デジタル行財政改革会議事務局長',
      '阪田内閣官房デジタル行財政改革会議事務局長',
      null,
      null,
      null,
    ]);
  });
});
