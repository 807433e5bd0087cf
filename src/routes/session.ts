// Web sign-in: demo accounts (when enabled) or a bearer token exchanged for a session cookie;
// who is signed in; sign-out.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AuthEnv } from '../auth/middleware.ts';
import { DEMO_ACCOUNTS, endSession, sameOrigin, startSession } from '../auth/session.ts';
import { verifyToken } from '../auth/tokens.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../lib/errors.ts';
import { errorResponses } from './schemas.ts';
import { validationHook } from './validation.ts';

const UserSchema = z.object({ id: z.string(), role: z.enum(['traveler', 'staff', 'helpdesk', 'admin']) }).openapi('User');
const SignIn = z
  .union([
    z.object({ account: z.string().max(64) }).strict(),
    z.object({ token: z.string().min(10).max(8192) }).strict(),
  ])
  .openapi('SignIn');

const signIn = createRoute({
  method: 'post', path: '/api/session', tags: ['session'], summary: 'サインイン(デモアカウント、またはトークンをセッションに交換)',
  request: { body: { required: true, content: { 'application/json': { schema: SignIn } } } },
  responses: { 200: { description: 'サインインしました(HttpOnly クッキー)', content: { 'application/json': { schema: z.object({ user: UserSchema }) } } }, ...errorResponses },
});
const whoAmI = createRoute({
  method: 'get', path: '/api/session', tags: ['session'], summary: 'サインイン中の利用者(サインインしていなければ user は null)',
  responses: { 200: { description: '利用者', content: { 'application/json': { schema: z.object({ user: UserSchema.nullable(), method: z.string().nullable() }) } } }, ...errorResponses },
});
const signOut = createRoute({
  method: 'delete', path: '/api/session', tags: ['session'], summary: 'サインアウト',
  responses: { 204: { description: 'サインアウトしました' } },
});
const demo = createRoute({
  method: 'get', path: '/api/session/demo-accounts', tags: ['session'], summary: 'デモアカウントの一覧(有効な場合)',
  responses: {
    200: { description: 'デモアカウント', content: { 'application/json': { schema: z.object({ enabled: z.boolean(), accounts: z.array(z.object({ id: z.string(), role: z.string(), label: z.string() })) }) } } },
  },
});

export function sessionRoutes(deps: AppDeps) {
  const { secret, oidc, demoAccounts, secureCookies } = deps.auth;
  const app = new OpenAPIHono<AuthEnv>({ defaultHook: validationHook });
  app.openapi(signIn, async (c) => {
    if (!sameOrigin(c)) throw new ApiError(403, 'csrf', '別のサイトからのサインインは受け付けられません。');
    const body = c.req.valid('json');
    let user;
    if ('account' in body) {
      const account = DEMO_ACCOUNTS.find((a) => a.id === body.account);
      if (!demoAccounts) throw new ApiError(403, 'demo_disabled', 'デモアカウントは無効です(本番環境)。組織のアカウントでサインインしてください。');
      if (!account) throw new ApiError(401, 'unknown_account', 'そのアカウントはありません。');
      user = { id: account.id, role: account.role };
    } else {
      user = (await verifyToken(secret, body.token)) ?? (oidc ? await oidc(body.token) : null);
      if (!user) throw new ApiError(401, 'invalid_token', 'トークンが無効か、有効期限が切れています。');
    }
    await startSession(c, secret, user, secureCookies);
    return c.json({ user }, 200);
  });
  app.openapi(whoAmI, async (c) => {
    // Signed out is an answer, not an error: the web UI asks before anyone has signed in.
    const user = c.get('user');
    return c.json(user ? { user, method: c.get('authMethod') } : { user: null, method: null }, 200);
  });
  app.openapi(signOut, async (c) => {
    endSession(c, secureCookies);
    return c.body(null, 204);
  });
  app.openapi(demo, (c) => c.json({ enabled: demoAccounts, accounts: demoAccounts ? DEMO_ACCOUNTS : [] }, 200));
  return app;
}
