// Wiring for Node: configuration → embedder, index folder, models → the answering pipeline.
// Used by the server, `npm run ask` and `npm run eval`, so they all answer the same way.
import { join, resolve } from 'node:path';
import { Answerer, type AnswerEvent } from '../answer/answerer.ts';
import type { Config } from '../config.ts';
import { createEmbedder } from '../models/embeddings.ts';
import { createAnswerModels } from '../models/language.ts';
import { FileIndex } from '../retrieval/node/file-index.ts';
import { Retriever, type RetrievalOptions } from '../retrieval/retriever.ts';
import type { RiskEvents } from '../risk/events.ts';
import { GuardedAnswerer } from '../risk/guard.ts';

export interface NodeRuntime {
  index: FileIndex;
  retriever: Retriever;
  answerer: Answerer;
  /** The answerer behind redaction, declines and risk assessment: what the API uses. */
  guarded: GuardedAnswerer;
}

export function indexDirOf(config: Pick<Config, 'dataDir'>): string {
  return resolve(join(config.dataDir, 'index'));
}

export async function openRuntime(
  config: Config,
  options: { indexDir?: string; retrieval?: Partial<RetrievalOptions>; onEvent?: (e: AnswerEvent) => void; riskEvents?: RiskEvents } = {},
): Promise<NodeRuntime> {
  const embedder = await createEmbedder(config);
  const index = await FileIndex.open(options.indexDir ?? indexDirOf(config), embedder);
  const retriever = new Retriever(index, options.retrieval);
  const answerer = new Answerer({
    retriever,
    models: createAnswerModels(config),
    indexVersion: () => index.version,
    onEvent: options.onEvent,
  });
  const guarded = new GuardedAnswerer(answerer, { settings: config.risk, events: options.riskEvents ?? null });
  return { index, retriever, answerer, guarded };
}
