// Authentication and role checks for routes: a bearer token (later also a session cookie) gives
// the user; routes list the roles they admit. No token → 401, wrong role → 403.
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../lib/errors.ts';
import type { Role, User } from './roles.ts';
import { verifyToken } from './tokens.ts';

export type AuthEnv = { Variables: { user: User } };

export function authenticate(secret: string) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m?.[1]) throw new ApiError(401, 'unauthorized', '認証が必要です。Authorization: Bearer <token> を付けてください。', { 'WWW-Authenticate': 'Bearer' });
    const user = await verifyToken(secret, m[1]);
    if (!user) throw new ApiError(401, 'invalid_token', 'トークンが無効か、有効期限が切れています。', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    c.set('user', user);
    await next();
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
