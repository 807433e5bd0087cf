// A conversation's turns: an elliptical follow-up borrows the earlier question's topic, and a turn
// shaped like one that brings words the documents never use is judged in scope on its own.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/answerer.ts';
import { createAnswerModels } from '../../src/models/language.ts';
import { Retriever } from '../../src/retrieval/retriever.ts';
import { buildIndex } from '../helpers/index.ts';

let answerer: Answerer;
beforeAll(async () => {
  const { index } = await buildIndex(fileURLToPath(new URL('../../corpus', import.meta.url)));
  answerer = new Answerer({ retriever: new Retriever(index), models: createAnswerModels({ llm: null }), indexVersion: () => index.version });
});

describe('turns of a conversation', () => {
  it('gives a follow-up the earlier topic', async () => {
    const a = await answerer.ask({ question: '海外の場合は？', history: ['宿泊手当はいくら？'] });
    expect(a.escalate).toBe(false);
    expect(a.citations[0]?.section).toContain('外国旅行');
  });
  it('judges a new, out-of-scope turn on its own instead of answering it with the last topic', async () => {
    const a = await answerer.ask({ question: '社員食堂のメニューは？', history: ['宿泊手当はいくら？'] });
    expect(a.escalate).toBe(true);
    const r = await answerer.retrieve({ question: '社員食堂のメニューは？', history: ['宿泊手当はいくら？'] });
    expect(r.context).toBeNull();
  });
});
