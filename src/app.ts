// The app factory: one Hono app for Node and Workers, built from its dependencies. It imports
// nothing platform-specific; entries add static files and wire the adapters.
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { createMiddleware } from 'hono/factory';
import { authenticate, type AuthEnv } from './auth/middleware.ts';
import type { AppDeps } from './deps.ts';
import { ApiError, errorBody, handleError } from './lib/errors.ts';
import { adminRoutes } from './routes/admin.ts';
import { askRoutes } from './routes/ask.ts';
import { chatRoutes } from './routes/chat.ts';
import { escalationRoutes } from './routes/escalations.ts';
import { faqRoutes } from './routes/faq.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { healthRoutes } from './routes/health.ts';
import { sessionRoutes } from './routes/session.ts';

export const MAX_BODY_BYTES = 64 * 1024;

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono();
  const log = deps.log ?? ((m: string, d?: unknown) => console.error(m, d ?? ''));

  app.use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } }));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `リクエスト本文が大きすぎます(上限 ${MAX_BODY_BYTES / 1024} KiB)。`);
      },
    }),
  );
  app.use('/api/*', authenticate({ secret: deps.auth.secret, oidc: deps.auth.oidc }));
  // Answering costs the most, and signing in is what a guesser repeats: limited per signed-in user
  // (colleagues behind one office proxy each have their own budget), per address only without one.
  if (deps.limiter) {
    const limiter = deps.limiter;
    const guard = createMiddleware<AuthEnv>(async (c, next) => {
      const user = c.get('user');
      // Cloudflare's header is set by Cloudflare; X-Forwarded-For only counts behind a trusted proxy.
      const forwarded = deps.trustForwardedFor ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
      const key = user ? `user:${user.id}` : `addr:${c.req.header('cf-connecting-ip') ?? forwarded ?? deps.clientAddress?.(c) ?? 'unknown'}`;
      const r = await limiter.limit(key);
      if (!r.success) throw new ApiError(429, 'rate_limited', `リクエストが多すぎます。${r.retryAfter}秒後に再度お試しください。`, { 'Retry-After': String(r.retryAfter) });
      await next();
    });
    app.use('/api/ask', guard);
    app.use('/api/chat', guard);
    app.use('/api/session', createMiddleware<AuthEnv>(async (c, next) => (c.req.method === 'POST' ? guard(c, next) : next())));
  }

  app.route('/', healthRoutes());
  app.route('/', sessionRoutes(deps));
  app.route('/', askRoutes(deps));
  app.route('/', chatRoutes(deps));
  app.route('/', escalationRoutes(deps));
  app.route('/', faqRoutes(deps));
  app.route('/', feedbackRoutes(deps));
  app.route('/', adminRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'SEABIS ヘルプチャット API', version: deps.version, description: 'SEABIS(旅費等内部管理業務共通システム)の利用者向けヘルプチャット' },
  });

  app.notFound((c) => c.json(errorBody('not_found', `${c.req.method} ${c.req.path} はありません。`), 404));
  app.onError((err, c) => handleError(err, c, (e) => log('unhandled error', e)));
  return app;
}

export type App = ReturnType<typeof createApp>;
