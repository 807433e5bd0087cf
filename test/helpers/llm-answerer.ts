// An answerer over a few documents of a test's own, answering through the fake OpenAI-compatible
// server, with the confidence threshold relaxed so that the model is asked whatever the retrieval's
// confidence: what a test of the LLM path's checks needs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Answerer } from '../../src/answer/answerer.ts';
import { CALIBRATION } from '../../src/answer/confidence.ts';
import { createAnswerModels } from '../../src/models/language.ts';
import { Retriever } from '../../src/retrieval/retriever.ts';
import { buildIndex, tempDir } from './index.ts';

export async function llmAnswererOver(files: Record<string, string>, baseURL: string): Promise<Answerer> {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const { index } = await buildIndex(dir);
  return new Answerer({
    retriever: new Retriever(index),
    models: createAnswerModels({ llm: { baseURL, model: 'test-model', apiKey: 'test-key', timeoutMs: 400 } }),
    indexVersion: () => index.version,
    calibration: { ...CALIBRATION, threshold: 0.01, cautionBelow: 0 },
  });
}
