import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { ExtractiveLanguageModel } from '../../src/answer/extractive-model.ts';
import { buildUserPrompt } from '../../src/answer/prompt.ts';

// The composition itself is tested in extractive/compose.test.ts.
const passages = [
  { n: 1, label: 'マニュアル › 7.1 精算の流れ', text: '出張から戻ったら、旅費請求(精算)を作成して請求します。手順は次のとおりです。\n1. 「旅費請求(精算)作成画面」を開きます。\n2. 領収書等を添付します。\n3. 「請求」ボタンを押します。' },
  { n: 2, label: '規程 › 宿泊手当', text: '国内出張の宿泊手当は、1夜につき2,400円です。日当は廃止されました。' },
];

describe('ExtractiveLanguageModel', () => {
  it('works through the ai SDK as a language model, generating and streaming', async () => {
    const model = new ExtractiveLanguageModel();
    const prompt = buildUserPrompt({ question: '宿泊手当はいくら？', history: [], passages, revision: null });
    const r = await generateText({ model, prompt });
    expect(r.text).toContain('2,400円');
    const s = streamText({ model, prompt });
    let streamed = '';
    for await (const d of s.textStream) streamed += d;
    expect(streamed).toBe(r.text);
  });
});
