// Tokens from an organization's OpenID Connect provider, verified against its JWKS served on
// 127.0.0.1: signature, issuer, audience, expiry and the role claim.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOidcVerifier } from '../../src/auth/oidc.ts';
import { createTestApp } from '../helpers/app.ts';

let server: Server;
let t: Awaited<ReturnType<typeof createTestApp>>;
let sign: (claims: Record<string, unknown>, opts?: { iss?: string; aud?: string; exp?: string | null; sub?: string }) => Promise<string>;
const ISS = 'https://idp.example.invalid';
const AUD = 'seabis-helpchat';

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  sign = (claims, o = {}) => {
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject(o.sub ?? 'user-1').setIssuer(o.iss ?? ISS).setAudience(o.aud ?? AUD).setIssuedAt();
    return (o.exp === null ? jwt : jwt.setExpirationTime(o.exp ?? '1h')).sign(privateKey);
  };
  t = await createTestApp(undefined, { oidc: createOidcVerifier({ jwksUrl, issuer: ISS, audience: AUD, roleClaim: 'seabis_role' }) });
});
afterAll(() => new Promise((ok) => server.close(ok)));

const queue = async (token: string) => (await t.app.request('/api/escalations', { headers: { authorization: `Bearer ${token}` } })).status;

describe('OpenID Connect', () => {
  it('admits a valid token with the role from its claim', async () => {
    expect(await queue(await sign({ seabis_role: 'staff' }))).toBe(200);
    expect(await queue(await sign({ seabis_role: ['employee', 'helpdesk'] }))).toBe(200);
    expect(await queue(await sign({ seabis_role: 'traveler' }))).toBe(403);
  });
  it('refuses wrong issuer, wrong audience, expiry and a missing role', async () => {
    expect(await queue(await sign({ seabis_role: 'staff' }, { iss: 'https://other.example' }))).toBe(401);
    expect(await queue(await sign({ seabis_role: 'staff' }, { aud: 'another-app' }))).toBe(401);
    expect(await queue(await sign({ seabis_role: 'staff' }, { exp: '-1m' }))).toBe(401);
    expect(await queue(await sign({ seabis_role: 'president' }))).toBe(401);
    expect(await queue(await sign({}))).toBe(401);
  });
  it('refuses a token without exp, and one that lives longer than the cap', async () => {
    expect(await queue(await sign({ seabis_role: 'staff' }, { exp: null }))).toBe(401);
    expect(await queue(await sign({ seabis_role: 'staff' }, { exp: '365d' }))).toBe(401);
    expect(await queue(await sign({ seabis_role: 'staff' }, { exp: '89d' }))).toBe(200);
  });
});
