import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@thuchoc/shared/api-core';
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One-time activation links for accounts made in bulk. A link is the user id
 * and an HMAC of it with the user's random nonce: nothing secret is stored, the
 * sheet can be printed again until the account is activated, and clearing the
 * nonce on activation kills the link.
 */
@Injectable()
export class ActivationTokens {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.jwtAccessSecret, 'thuchoc', 'account-activation', 32));
  }

  newNonce(): string {
    return randomBytes(16).toString('base64url');
  }

  tokenFor(userId: string, nonce: string): string {
    return `${userId}.${this.mac(userId, nonce)}`;
  }

  urlFor(userId: string, nonce: string): string {
    return `${this.config.publicUrl}/activate/${this.tokenFor(userId, nonce)}`;
  }

  /** The user id a well-formed token claims; the claim still has to be checked with `matches`. */
  userIdOf(token: string): string | null {
    const [userId, mac, ...rest] = token.split('.');
    return rest.length === 0 && mac && UUID.test(userId) ? userId.toLowerCase() : null;
  }

  matches(token: string, userId: string, nonce: string): boolean {
    const expected = Buffer.from(this.tokenFor(userId, nonce));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private mac(userId: string, nonce: string): string {
    return createHmac('sha256', this.key).update(`${userId}:${nonce}`).digest('base64url');
  }
}
