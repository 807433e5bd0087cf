// Bearer tokens: JWTs signed with AUTH_SECRET (HS256, Web Crypto through hono/jwt), carrying the
// user id and role. Works the same on Node and Workers.
import { sign, verify } from 'hono/jwt';
import { isRole, type Role, type User } from './roles.ts';

export const TOKEN_ISSUER = 'seabis-helpchat';
/** The longest a token may live (exp − iat, and exp − now): a leaked token stops working within it. */
export const MAX_TOKEN_SECONDS = 90 * 24 * 3600;

export async function issueToken(secret: string, user: User, ttlSeconds = 30 * 24 * 3600, now = Date.now()): Promise<string> {
  if (!(ttlSeconds > 0 && ttlSeconds <= MAX_TOKEN_SECONDS)) throw new RangeError(`A token lives at most ${MAX_TOKEN_SECONDS / 86400} days.`);
  const iat = Math.floor(now / 1000);
  return sign({ sub: user.id, role: user.role, iss: TOKEN_ISSUER, iat, exp: iat + ttlSeconds }, secret, 'HS256');
}

/** Whether a token's claims give it a bounded life: exp and iat present, at most MAX_TOKEN_SECONDS apart and from now. */
export function boundedLifetime(p: { exp?: unknown; iat?: unknown }, now = Date.now()): boolean {
  if (typeof p.exp !== 'number' || typeof p.iat !== 'number') return false;
  return p.exp - p.iat <= MAX_TOKEN_SECONDS && p.exp - now / 1000 <= MAX_TOKEN_SECONDS;
}

/** The user of a valid token, or null (bad signature, expired, without exp or iat, too long-lived, malformed, unknown role). */
export async function verifyToken(secret: string, token: string): Promise<User | null> {
  try {
    const p = await verify(token, secret, { alg: 'HS256', iss: TOKEN_ISSUER });
    if (!boundedLifetime(p) || typeof p.sub !== 'string' || p.sub === '' || !isRole(p.role)) return null;
    return { id: p.sub, role: p.role as Role };
  } catch {
    return null;
  }
}
