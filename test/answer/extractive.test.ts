import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { checkCitations } from '../../src/answer/citations.ts';
import { ExtractiveLanguageModel, NO_ANSWER_TEXT, composeAnswer } from '../../src/answer/extractive-model.ts';
import { buildUserPrompt, parseUserPrompt } from '../../src/answer/prompt.ts';

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
  it('answers a how-much question with the sentence holding the amount', () => {
    const a = composeAnswer(buildUserPrompt({ question: '宿泊手当はいくら？', history: [], passages, revision: null }));
    expect(a.split('\n')[0]).toBe('国内出張の宿泊手当は、1夜につき2,400円です[2]。');
  });
  it('says the documents do not answer when no sentence supports the question', () => {
    expect(composeAnswer(buildUserPrompt({ question: '年末調整の締切はいつ？', history: [], passages, revision: null }))).toBe(NO_ANSWER_TEXT);
    expect(composeAnswer(buildUserPrompt({ question: '何か', history: [], passages: [], revision: null }))).toBe(NO_ANSWER_TEXT);
  });
  it('works through the ai SDK as a language model, generating and streaming', async () => {
    const model = new ExtractiveLanguageModel();
    const prompt = buildUserPrompt({ question: '宿泊手当はいくら？', history: [], passages, revision: null });
    const r = await generateText({ model, prompt });
    expect(r.text).toContain('2,400円');
    const { streamText } = await import('ai');
    const s = streamText({ model, prompt });
    let streamed = '';
    for await (const d of s.textStream) streamed += d;
    expect(streamed).toBe(r.text);
  });
});

describe('checkCitations', () => {
  it('keeps valid markers, removes invalid ones, normalizes full-width brackets and repeats', () => {
    const r = checkCitations('Aです[1][1]。Bです【2】。Cです[7]。', new Set([1, 2]));
    expect(r).toEqual({ text: 'Aです[1]。Bです[2]。Cです。', used: [1, 2], removed: 1 });
  });
});
