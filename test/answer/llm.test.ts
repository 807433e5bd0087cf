// The OpenAI-compatible path against a real HTTP server on 127.0.0.1: citations are checked,
// invalid ones removed, an answer without valid citations and a failing or hanging provider
// fall back to the extractive answer, and failures are reported.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Answerer, type AnswerEvent } from '../../src/answer/answerer.ts';
import { createAnswerModels } from '../../src/models/language.ts';
import { Retriever } from '../../src/retrieval/retriever.ts';
import { FIXTURES, buildIndex } from '../helpers/index.ts';
import { llmAnswererOver } from '../helpers/llm-answerer.ts';
import { startFakeLlm, type FakeLlm } from '../helpers/openai-server.ts';

let llm: FakeLlm;
let answerer: Answerer;
let events: AnswerEvent[];
const question = '令和7年4月以降の出張の宿泊手当はいくら？';

beforeAll(async () => {
  llm = await startFakeLlm();
  const { index } = await buildIndex(join(FIXTURES, 'mini'));
  answerer = new Answerer({
    retriever: new Retriever(index),
    models: createAnswerModels({ llm: { baseURL: llm.baseURL, model: 'test-model', apiKey: 'test-key', timeoutMs: 400 } }),
    indexVersion: () => index.version,
    onEvent: (e) => events.push(e),
  });
});
afterAll(() => llm.close());
beforeEach(() => {
  events = [];
  llm.requests = [];
});

describe('OpenAI-compatible model', () => {
  it('uses the model’s answer when its citations are valid, and sends only numbered passages', async () => {
    llm.mode = { kind: 'text', content: '国内出張の宿泊手当は1夜2,400円です[1]。' };
    const a = await answerer.ask({ question });
    expect(a.answer).toContain('国内出張の宿泊手当は1夜2,400円です[1]。');
    expect(a.model).toContain('test-model');
    expect(a.citations[0]?.cited).toBe(true);
    const sent = llm.requests[0]!;
    expect(sent.model).toBe('test-model');
    expect(sent.messages[0]?.role).toBe('system');
    expect(sent.messages[0]?.content).toContain('番号付きの資料だけを根拠');
    expect(sent.messages.at(-1)?.content).toContain('[1] 旅費制度(2025年4月1日以降)');
    expect(events).toEqual([]);
  });
  it('removes citations that point to no passage and keeps the valid ones', async () => {
    llm.mode = { kind: 'text', content: '宿泊手当は2,400円です[1][9]。日当は廃止されました【12】。' };
    const a = await answerer.ask({ question });
    expect(a.answer).toContain('宿泊手当は2,400円です[1]。日当は廃止されました。');
    expect(a.answer).not.toMatch(/\[9\]|【12】/);
    expect(a.model).toContain('test-model');
  });
  it('falls back to the extractive answer when no citation is valid or none is given', async () => {
    for (const content of ['宿泊手当は定額です[7]。', '宿泊手当は定額です。']) {
      events = [];
      llm.mode = { kind: 'text', content };
      const a = await answerer.ask({ question });
      expect(a.model).toBe('seabis-builtin:extractive-v1');
      expect(a.answer).toMatch(/2,400円.*\[1\]/);
      expect(events.map((e) => e.type)).toEqual(['invalid_citations']);
    }
  });
  it('respects the model when it says the passages do not answer', async () => {
    llm.mode = { kind: 'text', content: '資料には記載が見当たりません。' };
    const a = await answerer.ask({ question });
    expect(a.escalate).toBe(true);
    expect(a.citations.every((c) => !c.cited)).toBe(true);
    expect(a.model).toContain('test-model');
    expect(events).toEqual([]);
  });
  it('falls back and reports a provider failure on an HTTP error', async () => {
    llm.mode = { kind: 'error', status: 500 };
    const a = await answerer.ask({ question });
    expect(a.model).toBe('seabis-builtin:extractive-v1');
    expect(a.escalate).toBe(false);
    expect(a.risk.reasons).toContain('provider_failure');
    expect(events[0]?.type).toBe('provider_failure');
  });
  it('falls back in time when the provider hangs past the timeout', async () => {
    llm.mode = { kind: 'hang' };
    const a = await answerer.ask({ question });
    expect(a.model).toBe('seabis-builtin:extractive-v1');
    expect(a.answer).toContain('2,400円');
    expect(a.risk.reasons).toContain('provider_failure');
  });
  it('removes a sentence stating a figure none of its cited passages holds, and reports it', async () => {
    llm.mode = { kind: 'text', content: '国内出張の宿泊手当は1夜2,400円です[1]。2泊なら合計4,800円になります[1]。' };
    const a = await answerer.ask({ question });
    expect(a.answer).toContain('国内出張の宿泊手当は1夜2,400円です[1]。');
    expect(a.answer).not.toContain('4,800');
    expect(a.model).toContain('test-model');
    expect(events.map((e) => e.detail).join()).toContain('figures no cited passage holds');
  });
  it('asks the model for the direct answer first', async () => {
    llm.mode = { kind: 'text', content: '国内出張の宿泊手当は1夜2,400円です[1]。' };
    await answerer.ask({ question });
    expect(llm.requests[0]?.messages[0]?.content).toContain('最初の一文で答えそのもの');
  });
});

describe('an OpenAI-compatible answer that does not give the body asked', () => {
  it('is declined naming what is missing, as the extractive answer is; one naming the body is kept', async () => {
    const a = await llmAnswererOver({ 'platform.md': '# 共通基盤\n\n政府共通プラットフォームは総務省が主管する。\n' }, llm.baseURL);
    const which = { question: '政府共通プラットフォームはどこの省が主管？' };
    llm.mode = { kind: 'text', content: '政府共通プラットフォームは、担当の府省が主管しています[1]。' };
    const declined = await a.ask(which);
    expect(declined.escalate).toBe(true);
    expect(declined.model).toContain('test-model');
    expect(declined.answer).toContain('「府省庁名」に当たる記載');
    llm.mode = { kind: 'text', content: '政府共通プラットフォームは総務省が主管しています[1]。' };
    const answered = await a.ask(which);
    expect(answered.escalate).toBe(false);
    expect(answered.answer).toContain('総務省が主管しています[1]。');
  });
});
