// Workers AI behind the ai SDK (workers-ai-provider), driven through the stand-in binding the
// workerd tests use: the answer model's text reaches the answer with its citation checked, and
// embeddings come back normalized under the id the ingestion writes into the index.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/answerer.ts';
import { WorkersAiRestEmbedder } from '../../src/models/workers-ai-rest.ts';
import { workersAnswerModels, workersEmbedder } from '../../src/models/workers.ts';
import { Retriever } from '../../src/retrieval/retriever.ts';
import makeAi from '../worker/fakes/ai.js';
import { FIXTURES, buildIndex } from '../helpers/index.ts';

const ai = (makeAi as () => unknown)();

describe('Workers AI models', () => {
  it('answers through the Workers AI model, keeping its valid citation', async () => {
    const { index } = await buildIndex(join(FIXTURES, 'mini'));
    const models = workersAnswerModels(ai, { answerModel: '@cf/meta/llama-3.3-70b-instruct-fp8-fast', timeoutMs: 5000 });
    expect(models.llm).not.toBeNull();
    const answerer = new Answerer({ retriever: new Retriever(index), models, indexVersion: () => index.version });
    const a = await answerer.ask({ question: '領収書をなくしたらどうすればいいですか' });
    expect(a.answer).toContain('資料に基づいてお答えします[1]。');
    expect(a.model).toContain('llama');
    expect(a.citations[0]?.cited).toBe(true);
  });

  it('keeps the extractive answerer when no model is set', () => {
    expect(workersAnswerModels(ai, { timeoutMs: 5000 }).llm).toBeNull();
  });

  it('embeds with the configured model under the id ingestion records', async () => {
    const e = workersEmbedder(ai, { embeddingModel: '@cf/baai/bge-m3', embeddingDims: 8, timeoutMs: 5000 });
    expect(e.id).toBe('workers-ai:@cf/baai/bge-m3');
    expect(new WorkersAiRestEmbedder({ accountId: 'a', apiToken: 't', model: '@cf/baai/bge-m3' }).id).toBe(e.id);
    const [v] = await e.embed(['出張旅費']);
    expect(v).toHaveLength(8);
    expect(Math.hypot(...v!)).toBeCloseTo(1, 6);
    expect(workersEmbedder(ai, { timeoutMs: 5000 }).id).toMatch(/^hashed-ngram/);
  });
});
