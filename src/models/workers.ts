// Models on Workers: Workers AI through the ai SDK (workers-ai-provider) for the answer and for
// embeddings (a multilingual model such as @cf/baai/bge-m3); the built-in ones stay available.
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { embedMany } from 'ai';
import { createWorkersAI } from 'workers-ai-provider';
import { ExtractiveLanguageModel } from '../answer/extractive-model.ts';
import { type Embedder, l2normalize } from '../retrieval/embeddings/embedder.ts';
import { HashedNgramEmbedder } from '../retrieval/embeddings/hashed.ts';
import type { AnswerModels } from './language.ts';

export interface WorkersModelSettings {
  /** e.g. @cf/meta/llama-3.3-70b-instruct-fp8-fast; unset: the extractive answerer. */
  answerModel?: string;
  /** e.g. @cf/baai/bge-m3; unset: the built-in hashed embeddings. */
  embeddingModel?: string;
  embeddingDims?: number;
  timeoutMs: number;
}

class WorkersAiEmbedder implements Embedder {
  readonly id: string;
  readonly dims: number;
  private readonly model;
  constructor(ai: unknown, model: string, dims: number) {
    this.model = createWorkersAI({ binding: ai as never }).embedding(model as never);
    this.id = `workers-ai:${model}`;
    this.dims = dims;
  }
  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const { embeddings } = await embedMany({ model: this.model, values: texts, maxRetries: 1 });
    return embeddings.map((v) => l2normalize(v));
  }
}

export function workersEmbedder(ai: unknown, s: WorkersModelSettings): Embedder {
  return s.embeddingModel ? new WorkersAiEmbedder(ai, s.embeddingModel, s.embeddingDims ?? 1024) : new HashedNgramEmbedder();
}

export function workersAnswerModels(ai: unknown, s: WorkersModelSettings): AnswerModels {
  const extractive = new ExtractiveLanguageModel();
  if (!s.answerModel) return { extractive, llm: null };
  const model = createWorkersAI({ binding: ai as never })(s.answerModel as never) as unknown as LanguageModelV4;
  return { extractive, llm: { model, timeoutMs: s.timeoutMs } };
}
