// An organization's OpenID Connect provider: ID or access tokens verified with jose against the
// provider's JWKS (signature, issuer, audience, expiry, a bounded lifetime); the role comes from a claim.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { isRole, type User } from './roles.ts';
import { boundedLifetime } from './tokens.ts';

export interface OidcSettings {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Claim holding the role (traveler, staff, helpdesk, admin); a list takes its first known role. */
  roleClaim: string;
}

export type OidcVerifier = (token: string) => Promise<User | null>;

export function createOidcVerifier(s: OidcSettings): OidcVerifier {
  const jwks = createRemoteJWKSet(new URL(s.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
  return async (token) => {
    try {
      // A token without exp, or living longer than ours may, is refused like an expired one.
      const { payload } = await jwtVerify(token, jwks, { issuer: s.issuer, audience: s.audience, requiredClaims: ['exp', 'iat'] });
      if (!boundedLifetime(payload)) return null;
      const claim = payload[s.roleClaim];
      const role = (Array.isArray(claim) ? claim : [claim]).find(isRole);
      if (typeof payload.sub !== 'string' || payload.sub === '' || !role) return null;
      return { id: payload.sub, role };
    } catch {
      return null;
    }
  };
}
