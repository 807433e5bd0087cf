// The Node entry: configuration → index, models, secret → the app, plus the web UI as static
// files, served on PORT. `npm start` builds the index first when there is none.
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { createOidcVerifier } from './auth/oidc.ts';
import { issueToken } from './auth/tokens.ts';
import { openRuntime } from './runtime/node.ts';
import { answerClientErrorsAsJson } from './runtime/client-errors.ts';
import { AUDIT_KEY_WARNING, resolveAuditKey, resolveAuthSecret } from './runtime/secret.ts';
import { CheckpointSigner } from './audit/checkpoint.ts';
import { MemoryLimiter } from './lib/rate-limit.ts';
import { nodeSha256 } from './audit/node-sha256.ts';
import { RiskEvents } from './risk/events.ts';
import type { Answerer } from './answer/answerer.ts';
import { WebhookNotifier } from './escalation/notifier.ts';
import { FaqService } from './escalation/faq.ts';
import { TicketService } from './escalation/tickets.ts';
import { SqlConversationStore } from './store/conversations.ts';
import { SqlFeedbackStore } from './store/feedback.ts';
import { openNodeStore } from './store/node/open.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;

export interface RunningServer {
  server: ServerType;
  port: number;
  close(): Promise<void>;
}

export async function startServer(config: Config, log: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<RunningServer> {
  const authSecret = await resolveAuthSecret(config);
  const db = openNodeStore(config);
  const auditKey = await resolveAuditKey(config);
  if (auditKey.fromFile) log(`Warning: ${AUDIT_KEY_WARNING}`);
  const signer = await CheckpointSigner.fromSecret(auditKey.key);
  const risk = new RiskEvents(db, { sha256: nodeSha256, signer, schedule: config.auditCheckpoint });
  const runtime = await openRuntime(config, { onEvent: (e) => log(`[${e.type}] ${e.detail}`), riskEvents: risk });
  await recordSettings(risk, config, runtime.index.version, runtime.answerer);
  const tickets = new TicketService(db);
  // Approved FAQ entries join the live index; entries whose cited sections changed are flagged.
  const faq = new FaqService(db, runtime.index, tickets);
  const synced = await faq.sync();
  if (synced.flagged.length > 0) log(`${synced.flagged.length} FAQ entries need review: a section they cite changed (${synced.flagged.join(', ')})`);
  // Ticket notifications: delivered from the outbox while the server runs.
  const notifier = new WebhookNotifier(db, { url: config.webhook?.url ?? null, secret: config.webhook?.secret });
  const stopNotifier = config.webhook ? notifier.start(2_000, (e) => log(`webhook delivery failed: ${(e as Error).message}`)) : async () => {};
  const app = createApp({
    answerer: runtime.guarded,
    risk,
    db,
    riskSettings: config.risk,
    conversations: new SqlConversationStore(db),
    tickets,
    faq,
    feedback: new SqlFeedbackStore(db),
    limiter: config.rateLimitPerMinute > 0 ? new MemoryLimiter(config.rateLimitPerMinute, 60) : undefined,
    trustForwardedFor: config.trustProxy,
    clientAddress: (c) => (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress,
    auth: {
      secret: authSecret,
      oidc: config.oidc ? createOidcVerifier(config.oidc) : null,
      demoAccounts: config.demoAccounts,
      secureCookies: config.env === 'production',
    },
    version,
    log: (m, d) => log(`${m} ${d instanceof Error ? (d.stack ?? d.message) : JSON.stringify(d ?? '')}`),
  });
  const webRoot = relative(process.cwd(), resolve(root, 'web', 'dist')) || '.';
  app.use('/*', serveStatic({ root: webRoot }));

  const server = await new Promise<ServerType>((ok, fail) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: '0.0.0.0' }, () => ok(s));
    s.once('error', fail);
  });
  answerClientErrorsAsJson(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log(`SEABIS ヘルプチャット: http://localhost:${port} (index ${runtime.index.version}, ${runtime.index.size} chunks)`);
  if (config.env !== 'production') {
    const demo = await issueToken(authSecret, { id: 'demo-traveler', role: 'traveler' }, 24 * 3600);
    log(`Demo traveler token (24 h, not shown in production):\n${demo}`);
  }
  return {
    server,
    port,
    close: () =>
      new Promise<void>((ok) =>
        server.close(() => {
          void stopNotifier().finally(() => {
            db.close();
            ok();
          });
        }),
      ),
  };
}

/**
 * Settings that shape answers and their assessment go into the audit log whenever they differ from
 * the last recorded ones (the guideline asks that changes be traceable).
 */
async function recordSettings(risk: RiskEvents, config: Config, indexVersion: string, answerer: Answerer): Promise<void> {
  const current = {
    risk: config.risk,
    llm: config.llm ? { baseURL: config.llm.baseURL, model: config.llm.model } : null,
    embeddings: config.embeddings ? { baseURL: config.embeddings.baseURL, model: config.embeddings.model } : 'built-in',
    indexVersion,
    calibration: answerer.calibrationVersion(),
  };
  const last = await risk.audit.latest('settings');
  if (last && last.data === JSON.stringify(current)) return;
  await risk.audit.append('settings', current);
}
