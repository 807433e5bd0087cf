// One place for answering models: the built-in extractive model, and an OpenAI-compatible chat
// model when LLM_* settings are given. (The Worker adds Workers AI here.)
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { ExtractiveLanguageModel } from '../answer/extractive-model.ts';
import type { Config } from '../config.ts';

export interface AnswerModels {
  extractive: LanguageModelV4;
  llm: { model: LanguageModelV4; timeoutMs: number } | null;
}

export function createAnswerModels(config: Pick<Config, 'llm'>): AnswerModels {
  const extractive = new ExtractiveLanguageModel();
  if (!config.llm) return { extractive, llm: null };
  const provider = createOpenAICompatible({ name: 'llm', baseURL: config.llm.baseURL, apiKey: config.llm.apiKey });
  return { extractive, llm: { model: provider.chatModel(config.llm.model), timeoutMs: config.llm.timeoutMs } };
}
