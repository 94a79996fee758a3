import { AccessTokenClaims } from './principal';

/** Tokens remembered at most; past that the oldest is forgotten (it is verified again when it comes back). */
const MAX_TOKENS = 20_000;

/** The claims as verification returns them: with the expiry (seconds since the epoch) that jsonwebtoken adds. */
export type VerifiedClaims = AccessTokenClaims & { exp?: number };

interface Verified {
  claims: AccessTokenClaims;
  expiresAtMs: number;
}

/**
 * Access tokens this process has verified, by their exact text, until they
 * expire: a learner's phone sends the same token with every heartbeat,
 * autosave and check-in, and checking its HMAC each time is a good share of
 * those requests' CPU. Only a token that passed verification is remembered,
 * and never past its `exp`, so the answer is the one verification would give.
 */
export class VerifiedTokens {
  private readonly byToken = new Map<string, Verified>();

  constructor(private readonly max = MAX_TOKENS) {}

  get(token: string, nowMs: number): AccessTokenClaims | null {
    const verified = this.byToken.get(token);
    if (!verified) return null;
    if (verified.expiresAtMs <= nowMs) {
      this.byToken.delete(token);
      return null;
    }
    return verified.claims;
  }

  /** Remembers a verified token; one without `exp` is not remembered. */
  remember(token: string, claims: VerifiedClaims): void {
    if (typeof claims.exp !== 'number') return;
    if (this.byToken.size >= this.max) this.byToken.delete(this.byToken.keys().next().value as string);
    this.byToken.set(token, { claims, expiresAtMs: claims.exp * 1000 });
  }

  get size(): number {
    return this.byToken.size;
  }
}
