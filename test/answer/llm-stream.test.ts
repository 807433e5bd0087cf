// Streaming answers from an OpenAI-compatible server on 127.0.0.1: text arrives in pieces with
// citations checked on the fly; failures and answers without valid citations are followed by
// the extractive answer, with a note, because text already shown cannot be taken back.
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Answerer, type AnswerEvent, type AnswerStreamEvent } from '../../src/answer/answerer.ts';
import { createAnswerModels } from '../../src/models/language.ts';
import { Retriever } from '../../src/retrieval/retriever.ts';
import { FIXTURES, buildIndex } from '../helpers/index.ts';
import { llmAnswererOver } from '../helpers/llm-answerer.ts';
import { startFakeLlm, type FakeLlm } from '../helpers/openai-server.ts';

let llm: FakeLlm;
let answerer: Answerer;
let events: AnswerEvent[];
const question = '令和7年4月以降の出張の宿泊手当はいくら？';

async function collect(): Promise<AnswerStreamEvent[]> {
  const out: AnswerStreamEvent[] = [];
  for await (const e of answerer.stream({ question })) out.push(e);
  return out;
}
const textOf = (es: AnswerStreamEvent[]) => es.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
const doneOf = (es: AnswerStreamEvent[]) => es.find((e) => e.type === 'done') as Extract<AnswerStreamEvent, { type: 'done' }>;

beforeAll(async () => {
  llm = await startFakeLlm();
  const { index } = await buildIndex(join(FIXTURES, 'mini'));
  answerer = new Answerer({
    retriever: new Retriever(index),
    models: createAnswerModels({ llm: { baseURL: llm.baseURL, model: 'test-model', apiKey: 'k', timeoutMs: 400 } }),
    indexVersion: () => index.version,
    onEvent: (e) => events.push(e),
  });
});
afterAll(() => llm.close());
beforeEach(() => {
  events = [];
});

describe('streamed answers', () => {
  it('sends the passages first, then the model’s text in pieces, then the final answer', async () => {
    llm.mode = { kind: 'text', content: '国内出張の宿泊手当は1夜2,400円です[1]。日当は廃止されました[1]。' };
    const es = await collect();
    expect(es[0]?.type).toBe('sources');
    // A sentence at a time (each is checked for figures before it is shown).
    expect(es.filter((e) => e.type === 'text').length).toBeGreaterThanOrEqual(2);
    expect(textOf(es)).toContain('国内出張の宿泊手当は1夜2,400円です[1]。日当は廃止されました[1]。');
    const done = doneOf(es);
    expect(done.answer.model).toContain('test-model');
    expect(done.answer.answer).toBe(textOf(es));
    expect(done.answer.citations[0]?.cited).toBe(true);
    expect(llm.requests.at(-1)?.stream).toBe(true);
  });
  it('drops invalid markers as they stream', async () => {
    llm.mode = { kind: 'text', content: '宿泊手当は2,400円です[1][7]。' };
    expect(textOf(await collect())).toContain('宿泊手当は2,400円です[1]。');
  });
  it('follows an answer without valid citations with the extractive answer and a note', async () => {
    llm.mode = { kind: 'text', content: '宿泊手当は定額です。' };
    const es = await collect();
    const text = textOf(es);
    expect(text).toMatch(/^宿泊手当は定額です。\n\n\(根拠となる資料の番号を確認できなかったため/);
    expect(text).toMatch(/2,400円です\[1\]/);
    expect(doneOf(es).answer.model).toBe('seabis-builtin:extractive-v1');
    expect(events.map((e) => e.type)).toEqual(['invalid_citations']);
  });
  it('respects the model when it says the passages do not answer, and offers escalation', async () => {
    llm.mode = { kind: 'text', content: '資料には記載が見当たりません。' };
    const es = await collect();
    expect(textOf(es)).toMatch(/^資料には記載が見当たりません。\n\n.*会計担当職員/s);
    expect(doneOf(es).answer.escalate).toBe(true);
  });
  it('streams the extractive answer when the provider fails before writing anything', async () => {
    llm.mode = { kind: 'error', status: 500 };
    const es = await collect();
    expect(textOf(es)).not.toContain('中断');
    expect(textOf(es)).toMatch(/2,400円.*\[1\]/);
    expect(doneOf(es).answer.risk.reasons).toContain('provider_failure');
  });
  it('continues with the extractive answer when the provider drops the stream midway', async () => {
    llm.mode = { kind: 'break', content: '国内出張の宿泊手当は、1夜につき2,400円です[1]。日当は廃止されたのでしょうか、それとも', after: 40 };
    const es = await collect();
    const text = textOf(es);
    // The sentence it finished was shown; the one it broke off in never is.
    expect(text).toMatch(/^国内出張の宿泊手当は、1夜につき2,400円です\[1\]。\n\n\(回答の生成が中断されたため/);
    expect(text).not.toContain('それとも');
    expect(doneOf(es).answer.risk.reasons).toContain('provider_failure');
    // Broken off before a sentence ended: nothing of it was shown, so no note either.
    llm.mode = { kind: 'break', content: '国内出張の宿泊手当は、1夜につき2,400円です[1]。', after: 8 };
    const early = textOf(await collect());
    expect(early).not.toContain('中断');
    expect(early).toMatch(/2,400円です\[1\]。/);
  });
  it('falls back when the provider hangs past the timeout', async () => {
    llm.mode = { kind: 'hang' };
    const es = await collect();
    expect(doneOf(es).answer.model).toBe('seabis-builtin:extractive-v1');
    expect(textOf(es)).toContain('2,400円');
  });
  it('drops a sentence stating a figure none of its cited passages holds, before it is shown', async () => {
    llm.mode = { kind: 'text', content: '国内出張の宿泊手当は1夜2,400円です[1]。2泊なら合計4,800円です[1]。日当は廃止されました[1]。' };
    const es = await collect();
    expect(textOf(es)).toContain('国内出張の宿泊手当は1夜2,400円です[1]。日当は廃止されました[1]。');
    expect(textOf(es)).not.toContain('4,800');
    expect(doneOf(es).answer.model).toContain('test-model');
  });
});

describe('a streamed answer that does not give the count asked', () => {
  it('is followed by the decline naming it (text shown cannot be taken back), and the final answer offers escalation', async () => {
    const a = await llmAnswererOver({ 'training.md': '# 研修\n\n情報システム研修は令和6年10月に開催し、受講者は120人だった。\n' }, llm.baseURL);
    const run = async () => {
      const out: AnswerStreamEvent[] = [];
      for await (const e of a.stream({ question: '情報システム研修の受講者は何人？' })) out.push(e);
      return out;
    };
    llm.mode = { kind: 'text', content: '情報システム研修は令和6年10月に開催されました[1]。' };
    const gap = await run();
    expect(textOf(gap)).toMatch(/^情報システム研修は令和6年10月に開催されました\[1\]。\n\n.*「何人」に当たる記載/s);
    expect(doneOf(gap).answer.escalate).toBe(true);
    expect(doneOf(gap).answer.answer).toBe(textOf(gap));
    llm.mode = { kind: 'text', content: '受講者は120人でした[1]。' };
    const counted = await run();
    expect(doneOf(counted).answer.escalate).toBe(false);
    expect(textOf(counted)).toContain('受講者は120人でした[1]。');
  });
});
