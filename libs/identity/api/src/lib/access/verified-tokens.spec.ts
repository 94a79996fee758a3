import { Role } from '@thuchoc/identity/contracts';
import { VerifiedClaims, VerifiedTokens } from './verified-tokens';

const claims = (exp?: number): VerifiedClaims => ({
  sub: '5d1c7f0e-2a3b-4c5d-8e9f-0a1b2c3d4e5f',
  roles: [Role.Learner],
  scp: '6e2d8a1f-3b4c-4d5e-9f0a-1b2c3d4e5f6a',
  dev: 'device-key-of-the-phone',
  ...(exp !== undefined && { exp }),
});
const NOW = Date.parse('2026-12-04T08:00:00Z');
const inSeconds = (s: number) => NOW / 1000 + s;

describe('VerifiedTokens', () => {
  it('answers a verified token by its exact text until it expires, then forgets it', () => {
    const tokens = new VerifiedTokens();
    const verified = claims(inSeconds(60));
    tokens.remember('a.b.c', verified);
    expect(tokens.get('a.b.c', NOW)).toBe(verified);
    expect(tokens.get('a.b.x', NOW)).toBeNull();
    expect(tokens.get('a.b.c', NOW + 60_000)).toBeNull();
    expect(tokens.size).toBe(0);
  });

  it('does not remember a token without an expiry', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('a.b.c', claims());
    expect(tokens.get('a.b.c', NOW)).toBeNull();
  });

  it('stays bounded, forgetting the oldest token first', () => {
    const tokens = new VerifiedTokens(2);
    tokens.remember('one', claims(inSeconds(60)));
    tokens.remember('two', claims(inSeconds(60)));
    tokens.remember('three', claims(inSeconds(60)));
    expect(tokens.size).toBe(2);
    expect(tokens.get('one', NOW)).toBeNull();
    expect(tokens.get('two', NOW)).not.toBeNull();
    expect(tokens.get('three', NOW)).not.toBeNull();
  });
});
