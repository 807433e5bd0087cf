// The Workers entry: the same app as on Node, wired to D1 (state and the lexical index),
// Vectorize (the dense index), Workers AI (models) and static assets (the web UI).
import { Answerer } from './answer/answerer.ts';
import { createApp } from './app.ts';
import { createOidcVerifier } from './auth/oidc.ts';
import { parseConfig } from './config.ts';
import { CheckpointSigner } from './audit/checkpoint.ts';
import { FaqService } from './escalation/faq.ts';
import { TicketService } from './escalation/tickets.ts';
import { workersAnswerModels, workersEmbedder } from './models/workers.ts';
import { Retriever } from './retrieval/retriever.ts';
import { D1VectorizeIndex, type VectorizeLike } from './retrieval/workers/d1-vectorize-index.ts';
import { RiskEvents } from './risk/events.ts';
import { GuardedAnswerer } from './risk/guard.ts';
import { SqlConversationStore } from './store/conversations.ts';
import { D1Sql, type D1Like } from './store/d1.ts';
import { SqlFeedbackStore } from './store/feedback.ts';
import { BindingLimiter, type RateLimitBinding } from './lib/rate-limit.ts';

export interface Env {
  DB: D1Like;
  VECTORIZE: VectorizeLike;
  AI: unknown;
  ASSETS?: { fetch(request: Request): Promise<Response> };
  [setting: string]: unknown;
}

type App = ReturnType<typeof createApp>;
let built: Promise<App> | null = null;

async function build(env: Env): Promise<App> {
  const vars = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const config = parseConfig(vars);
  if (!config.authSecret) throw new Error('AUTH_SECRET is not set: run `wrangler secret put AUTH_SECRET` (at least 32 characters).');
  if (!config.auditSigningKey) throw new Error('AUDIT_SIGNING_KEY is not set: run `wrangler secret put AUDIT_SIGNING_KEY` (at least 32 characters); it signs the audit log\'s checkpoints.');
  const settings = {
    answerModel: vars.WORKERS_AI_MODEL,
    embeddingModel: vars.WORKERS_AI_EMBEDDINGS_MODEL,
    embeddingDims: vars.WORKERS_AI_EMBEDDINGS_DIMS ? Number(vars.WORKERS_AI_EMBEDDINGS_DIMS) : undefined,
    timeoutMs: config.llm?.timeoutMs ?? 20_000,
  };
  const db = new D1Sql(env.DB);
  const index = await D1VectorizeIndex.open(db, env.VECTORIZE, workersEmbedder(env.AI, settings));
  const risk = new RiskEvents(db, { signer: await CheckpointSigner.fromSecret(config.auditSigningKey), schedule: config.auditCheckpoint });
  const answerer = new Answerer({ retriever: new Retriever(index), models: workersAnswerModels(env.AI, settings), indexVersion: () => index.version });
  const tickets = new TicketService(db);
  const faq = new FaqService(db, index, tickets);
  await faq.sync();
  return createApp({
    answerer: new GuardedAnswerer(answerer, { settings: config.risk, events: risk }),
    conversations: new SqlConversationStore(db),
    tickets,
    faq,
    feedback: new SqlFeedbackStore(db),
    risk,
    riskSettings: config.risk,
    db,
    auth: {
      secret: config.authSecret,
      oidc: config.oidc ? createOidcVerifier(config.oidc) : null,
      demoAccounts: config.demoAccounts,
      secureCookies: true,
    },
    limiter: env.RATE_LIMITER ? new BindingLimiter(env.RATE_LIMITER as RateLimitBinding) : undefined,
    version: '0.1.0',
  });
}

export default {
  async fetch(request: Request, env: Env, ctx: unknown): Promise<Response> {
    const path = new URL(request.url).pathname;
    // The web UI is served from static assets; the API by the app.
    if (env.ASSETS && !path.startsWith('/api/') && path !== '/healthz' && path !== '/openapi.json') return env.ASSETS.fetch(request);
    try {
      built ??= build(env);
      return (await built).fetch(request, env, ctx as never);
    } catch (e) {
      built = null;
      return Response.json({ error: { code: 'misconfigured', message: (e as Error).message } }, { status: 500 });
    }
  },
};
