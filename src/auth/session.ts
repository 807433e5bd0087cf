// Web sign-in: a session is a short-lived token (HS256, AUTH_SECRET) in an HttpOnly, SameSite=
// Strict cookie. Requests that change state with a cookie must come from this origin (Origin or
// Sec-Fetch-Site), so another site cannot ride on the cookie. Demo accounts, one per role, are
// for trying the product; they are off in production unless explicitly enabled.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Role, User } from './roles.ts';
import { issueToken, verifyToken } from './tokens.ts';

export const SESSION_COOKIE = 'seabis_session';
export const SESSION_SECONDS = 8 * 3600;

export interface DemoAccount {
  id: string;
  role: Role;
  label: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { id: 'demo-traveler', role: 'traveler', label: 'デモ: 旅行者' },
  { id: 'demo-staff', role: 'staff', label: 'デモ: 会計担当職員' },
  { id: 'demo-helpdesk', role: 'helpdesk', label: 'デモ: SEABISサポートデスク' },
  { id: 'demo-admin', role: 'admin', label: 'デモ: 管理者' },
];

export async function startSession(c: Context, secret: string, user: User, secure: boolean): Promise<void> {
  setCookie(c, SESSION_COOKIE, await issueToken(secret, user, SESSION_SECONDS), {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: '/',
    maxAge: SESSION_SECONDS,
  });
}

export function endSession(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure, httpOnly: true, sameSite: 'Strict' });
}

export async function sessionUser(c: Context, secret: string): Promise<User | null> {
  const token = getCookie(c, SESSION_COOKIE);
  return token ? verifyToken(secret, token) : null;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Is a cookie-authenticated request allowed to change state (same origin)? */
export function sameOrigin(c: Context): boolean {
  if (SAFE.has(c.req.method)) return true;
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = c.req.header('origin');
  return origin !== undefined && origin === new URL(c.req.url).origin;
}
