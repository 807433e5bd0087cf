// Configuration: parsed once from the environment with zod, typed, and failing fast with a
// message that names each bad setting and what it should be. Platform neutral (the Worker passes
// its bindings' vars; Node passes process.env).
import { z } from 'zod';

const optionalString = z.string().trim().min(1).optional().catch(undefined);
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const schema = z
  .object({
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(8787)),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
    CORPUS_DIR: z.preprocess(emptyToUndefined, z.string().default('./corpus')),
    AUTH_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
    ),
    AUDIT_SIGNING_KEY: z.preprocess(
      emptyToUndefined,
      z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
    ),
    AUDIT_CHECKPOINT_EVERY: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1_000_000).default(100)),
    AUDIT_CHECKPOINT_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().min(0.01).max(24 * 366).default(24)),
    LLM_BASE_URL: z.preprocess(emptyToUndefined, z.url({ message: 'must be a URL such as http://127.0.0.1:8000/v1' }).optional()),
    LLM_MODEL: z.preprocess(emptyToUndefined, optionalString),
    LLM_API_KEY: z.preprocess(emptyToUndefined, optionalString),
    LLM_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(300_000).default(20_000)),
    EMBEDDINGS_BASE_URL: z.preprocess(emptyToUndefined, z.url({ message: 'must be a URL such as http://127.0.0.1:8000/v1' }).optional()),
    EMBEDDINGS_MODEL: z.preprocess(emptyToUndefined, optionalString),
    EMBEDDINGS_API_KEY: z.preprocess(emptyToUndefined, optionalString),
    WEBHOOK_URL: z.preprocess(emptyToUndefined, z.url({ message: 'must be a URL such as https://example.invalid/hooks/seabis' }).optional()),
    WEBHOOK_SECRET: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
    OIDC_JWKS_URL: z.preprocess(emptyToUndefined, z.url({ message: "must be the provider's JWKS URL (…/.well-known/jwks.json)" }).optional()),
    OIDC_ISSUER: z.preprocess(emptyToUndefined, optionalString),
    OIDC_AUDIENCE: z.preprocess(emptyToUndefined, optionalString),
    OIDC_ROLE_CLAIM: z.preprocess(emptyToUndefined, z.string().default('seabis_role')),
    DEMO_ACCOUNTS: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
    RISK_AUDIENCE: z.preprocess(emptyToUndefined, z.enum(['staff', 'public']).default('staff')),
    RISK_USERS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(400_000)),
    RISK_MEDIUM_AT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(8).default(2)),
    RISK_HIGH_AT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(8).default(3)),
    TRUST_PROXY: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
    RATE_LIMIT_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(100_000).default(60)),
    NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('development')),
  })
  .superRefine((c, ctx) => {
    if (c.LLM_BASE_URL && !c.LLM_MODEL) ctx.addIssue({ code: 'custom', path: ['LLM_MODEL'], message: 'is required when LLM_BASE_URL is set (the model name the endpoint serves)' });
    if (c.LLM_MODEL && !c.LLM_BASE_URL) ctx.addIssue({ code: 'custom', path: ['LLM_BASE_URL'], message: 'is required when LLM_MODEL is set' });
    if (c.EMBEDDINGS_BASE_URL && !c.EMBEDDINGS_MODEL) ctx.addIssue({ code: 'custom', path: ['EMBEDDINGS_MODEL'], message: 'is required when EMBEDDINGS_BASE_URL is set' });
    if (c.RISK_MEDIUM_AT > c.RISK_HIGH_AT) ctx.addIssue({ code: 'custom', path: ['RISK_MEDIUM_AT'], message: 'must not be above RISK_HIGH_AT' });
    if (c.OIDC_JWKS_URL && (!c.OIDC_ISSUER || !c.OIDC_AUDIENCE)) {
      ctx.addIssue({ code: 'custom', path: [c.OIDC_ISSUER ? 'OIDC_AUDIENCE' : 'OIDC_ISSUER'], message: 'is required when OIDC_JWKS_URL is set (tokens are checked against issuer and audience)' });
    }
    if (c.EMBEDDINGS_MODEL && !c.EMBEDDINGS_BASE_URL) ctx.addIssue({ code: 'custom', path: ['EMBEDDINGS_BASE_URL'], message: 'is required when EMBEDDINGS_MODEL is set' });
  });

type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  dataDir: string;
  corpusDir: string;
  authSecret: string | undefined;
  /** Signs the audit log's checkpoints; kept away from the log (a Workers secret; on Node, a file beside the auth secret when unset). */
  auditSigningKey: string | undefined;
  /** A signed checkpoint goes to the webhook outbox every this many records, and after this many hours. */
  auditCheckpoint: { everyRecords: number; everyHours: number };
  llm: { baseURL: string; model: string; apiKey: string | undefined; timeoutMs: number } | null;
  embeddings: { baseURL: string; model: string; apiKey: string | undefined } | null;
  webhook: { url: string; secret: string | null } | null;
  oidc: { jwksUrl: string; issuer: string; audience: string; roleClaim: string } | null;
  /** Demo accounts: on outside production, in production only with DEMO_ACCOUNTS=true. */
  demoAccounts: boolean;
  /** Behind a reverse proxy that sets X-Forwarded-For. */
  trustProxy: boolean;
  /** Answers per minute per user and per address (0: unlimited). */
  rateLimitPerMinute: number;
  /** Deployment facts and thresholds for the four-axis risk assessment. */
  risk: { audience: 'staff' | 'public'; users: number; mediumAt: number; highAt: number };
  env: Env['NODE_ENV'];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses settings; throws ConfigError listing every problem. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const r = schema.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => {
      const key = String(i.path[0] ?? 'settings');
      const got = env[key] === undefined ? '' : ` (got "${String(env[key]).slice(0, 60)}")`;
      return `  - ${key} ${i.message}${got}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nFix these environment variables and start again.`);
  }
  const c = r.data;
  return {
    port: c.PORT,
    dataDir: c.DATA_DIR,
    corpusDir: c.CORPUS_DIR,
    authSecret: c.AUTH_SECRET,
    auditSigningKey: c.AUDIT_SIGNING_KEY,
    auditCheckpoint: { everyRecords: c.AUDIT_CHECKPOINT_EVERY, everyHours: c.AUDIT_CHECKPOINT_HOURS },
    llm: c.LLM_BASE_URL && c.LLM_MODEL ? { baseURL: c.LLM_BASE_URL, model: c.LLM_MODEL, apiKey: c.LLM_API_KEY, timeoutMs: c.LLM_TIMEOUT_MS } : null,
    embeddings: c.EMBEDDINGS_BASE_URL && c.EMBEDDINGS_MODEL ? { baseURL: c.EMBEDDINGS_BASE_URL, model: c.EMBEDDINGS_MODEL, apiKey: c.EMBEDDINGS_API_KEY } : null,
    webhook: c.WEBHOOK_URL ? { url: c.WEBHOOK_URL, secret: c.WEBHOOK_SECRET ?? null } : null,
    oidc: c.OIDC_JWKS_URL && c.OIDC_ISSUER && c.OIDC_AUDIENCE ? { jwksUrl: c.OIDC_JWKS_URL, issuer: c.OIDC_ISSUER, audience: c.OIDC_AUDIENCE, roleClaim: c.OIDC_ROLE_CLAIM } : null,
    demoAccounts: c.DEMO_ACCOUNTS ? c.DEMO_ACCOUNTS === 'true' : c.NODE_ENV !== 'production',
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    trustProxy: c.TRUST_PROXY === 'true',
    risk: { audience: c.RISK_AUDIENCE, users: c.RISK_USERS, mediumAt: c.RISK_MEDIUM_AT, highAt: c.RISK_HIGH_AT },
    env: c.NODE_ENV,
  };
}
