// Bearer tokens: JWTs signed with AUTH_SECRET (HS256, Web Crypto through hono/jwt), carrying the
// user id and role. Works the same on Node and Workers.
import { sign, verify } from 'hono/jwt';
import { isRole, type Role, type User } from './roles.ts';

export const TOKEN_ISSUER = 'seabis-helpchat';

export async function issueToken(secret: string, user: User, ttlSeconds = 30 * 24 * 3600, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  return sign({ sub: user.id, role: user.role, iss: TOKEN_ISSUER, iat, exp: iat + ttlSeconds }, secret, 'HS256');
}

/** The user of a valid token, or null (bad signature, expired, malformed, unknown role). */
export async function verifyToken(secret: string, token: string): Promise<User | null> {
  try {
    const p = await verify(token, secret, { alg: 'HS256', iss: TOKEN_ISSUER });
    if (typeof p.sub !== 'string' || p.sub === '' || !isRole(p.role)) return null;
    return { id: p.sub, role: p.role as Role };
  } catch {
    return null;
  }
}
