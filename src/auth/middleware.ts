// Authentication and role checks for routes. A bearer token (ours, signed with AUTH_SECRET, or
// one from the organization's OpenID Connect provider) or the web session cookie gives the user;
// routes list the roles they admit. No credentials → 401, wrong role → 403.
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../lib/errors.ts';
import type { OidcVerifier } from './oidc.ts';
import type { Role, User } from './roles.ts';
import { sameOrigin, sessionUser } from './session.ts';
import { verifyToken } from './tokens.ts';

export type AuthEnv = { Variables: { user: User; authMethod: 'token' | 'oidc' | 'session' } };

export interface AuthSettings {
  secret: string;
  oidc?: OidcVerifier | null;
}

/** Paths under /api that need no sign-in (signing in itself). */
const PUBLIC = new Set(['/api/session', '/api/session/demo-accounts']);

export function authenticate(settings: AuthSettings) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (m?.[1]) {
      const own = await verifyToken(settings.secret, m[1]);
      const user = own ?? (settings.oidc ? await settings.oidc(m[1]) : null);
      if (!user) throw new ApiError(401, 'invalid_token', 'トークンが無効か、有効期限が切れています。', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      c.set('user', user);
      c.set('authMethod', own ? 'token' : 'oidc');
      return next();
    }
    const user = await sessionUser(c, settings.secret);
    if (user) {
      if (!sameOrigin(c)) throw new ApiError(403, 'csrf', '別のサイトからの操作は受け付けられません。');
      c.set('user', user);
      c.set('authMethod', 'session');
      return next();
    }
    if (PUBLIC.has(c.req.path)) return next();
    throw new ApiError(401, 'unauthorized', 'サインインが必要です(または Authorization: Bearer <token> を付けてください)。', { 'WWW-Authenticate': 'Bearer' });
  });
}

export function requireRole(...roles: Role[]) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const user = c.get('user');
    if (!roles.includes(user.role)) throw new ApiError(403, 'forbidden', 'この操作を行う権限がありません。');
    await next();
  });
}

/** Every signed-in role may ask: travelers, and staff, help desk and admins trying answers. */
export const ASKING_ROLES: Role[] = ['traveler', 'staff', 'helpdesk', 'admin'];
