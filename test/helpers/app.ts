// A test app over a fixture index, with tokens for each role.
import { Answerer } from '../../src/answer/answerer.ts';
import { createApp } from '../../src/app.ts';
import type { AppDeps } from '../../src/deps.ts';
import type { Role } from '../../src/auth/roles.ts';
import { issueToken } from '../../src/auth/tokens.ts';
import type { AnswerModels } from '../../src/models/language.ts';
import { ExtractiveLanguageModel } from '../../src/answer/extractive-model.ts';
import { Retriever } from '../../src/retrieval/retriever.ts';
import { FaqService } from '../../src/escalation/faq.ts';
import { TicketService } from '../../src/escalation/tickets.ts';
import { DEFAULT_RISK_SETTINGS } from '../../src/risk/assess.ts';
import { RiskEvents } from '../../src/risk/events.ts';
import { CheckpointSigner } from '../../src/audit/checkpoint.ts';
import { GuardedAnswerer } from '../../src/risk/guard.ts';
import { SqlConversationStore } from '../../src/store/conversations.ts';
import { SqlFeedbackStore } from '../../src/store/feedback.ts';
import { NodeSqlite } from '../../src/store/node/sqlite.ts';
import { FIXTURES, buildIndex } from './index.ts';
import { join } from 'node:path';

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
export const TEST_AUDIT_KEY = 'test-audit-key-0123456789abcdef0123456789abcdef';

export async function createTestApp(
  models: AnswerModels = { extractive: new ExtractiveLanguageModel(), llm: null },
  auth: Partial<AppDeps['auth']> = {},
  options: { dbPath?: string; limiter?: AppDeps['limiter'] } = {},
) {
  const { index } = await buildIndex(join(FIXTURES, 'mini'));
  const answerer = new Answerer({ retriever: new Retriever(index), models, indexVersion: () => index.version, now: () => new Date('2026-11-24T00:00:00Z') });
  const logs: string[] = [];
  const db = new NodeSqlite(options.dbPath ?? ':memory:');
  db.migrate();
  const tickets = new TicketService(db);
  const faq = new FaqService(db, index, tickets);
  const risk = new RiskEvents(db, { signer: await CheckpointSigner.fromSecret(TEST_AUDIT_KEY) });
  const guarded = new GuardedAnswerer(answerer, { events: risk });
  const app = createApp({
    answerer: guarded,
    risk,
    db,
    riskSettings: DEFAULT_RISK_SETTINGS,
    conversations: new SqlConversationStore(db),
    tickets,
    faq,
    feedback: new SqlFeedbackStore(db),
    limiter: options.limiter,
    trustForwardedFor: true,
    auth: { secret: TEST_SECRET, oidc: null, demoAccounts: true, secureCookies: false, ...auth },
    version: 'test',
    log: (m) => logs.push(m),
  });
  const token = (role: Role, id = `${role}-1`) => issueToken(TEST_SECRET, { id, role });
  return { app, answerer, guarded, index, token, logs, db, tickets, faq, risk };
}

export function post(app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }, path: string, body: unknown, token?: string) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
