import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig, notFound, OutboxService, unauthorized } from '@thuchoc/shared/api-core';
import {
  ActivationPreview,
  IDENTITY_EVENTS_QUEUE,
  IdentityEventType,
  TokenPair,
} from '@thuchoc/identity/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccessTokenClaims } from '../access/principal';
import { User } from '../users/user.entity';
import { ActivationTokens } from './activation-tokens';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { RefreshToken } from './refresh-token.entity';

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  /** Sent by the app at sign-in only. */
  deviceKey?: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The device key itself never leaves the device's storage and the sign-in request: tokens carry a fingerprint. */
const deviceFingerprint = (deviceKey: string) =>
  createHash('sha256').update(deviceKey).digest('base64url').slice(0, 22);

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly outbox: OutboxService,
    private readonly activationTokens: ActivationTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Who an activation link is for, so the page can greet them before they choose a password. */
  async activationPreview(token: string): Promise<ActivationPreview> {
    const user = await this.activatable(this.dataSource.manager, token, false);
    return { fullName: user.full_name, username: user.username };
  }

  /** Sets the first password of an account made in bulk; the link stops working at once. */
  async activate(token: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (tx) => {
      const user = await this.activatable(tx, token, true);
      await tx.query(
        `UPDATE users SET password_hash = $2, activation_nonce = NULL, password_changed_at = now(),
                updated_at = now() WHERE id = $1`,
        [user.id, passwordHash],
      );
    });
  }

  private async activatable(manager: EntityManager, token: string, lock: boolean) {
    const userId = this.activationTokens.userIdOf(token);
    const rows: { id: string; username: string; full_name: string; activation_nonce: string }[] = userId
      ? await manager.query(
          `SELECT id, username, full_name, activation_nonce FROM users
            WHERE id = $1 AND activation_nonce IS NOT NULL AND is_active ${lock ? 'FOR UPDATE' : ''}`,
          [userId],
        )
      : [];
    const user = rows[0];
    if (!user || !this.activationTokens.matches(token, user.id, user.activation_nonce)) {
      throw notFound('activation.invalid-token', 'This activation link is not valid or was already used.');
    }
    return user;
  }

  async login(username: string, password: string, client: ClientInfo): Promise<TokenPair> {
    await this.throttle.assertAllowed(username, client.ip);
    const user = await this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = lower(:username)', { username: username.trim() })
      .getOne();
    // An account made in bulk has no password until it is activated.
    const isValid =
      user && user.passwordHash
        ? await this.hasher.verify(user.passwordHash, password)
        : await this.hasher.verifyNothing(password);
    if (!user || !isValid || !user.isActive) {
      await this.throttle.recordFailure(username, client.ip);
      throw unauthorized(
        'auth.invalid-credentials',
        'Wrong username or password, or the account is deactivated.',
      );
    }
    await this.throttle.recordSuccess(username);
    const deviceId = client.deviceKey ? deviceFingerprint(client.deviceKey) : null;
    return this.dataSource.transaction((tx) => this.issue(tx, user, randomUUID(), client, deviceId));
  }

  /**
   * Rotates a refresh token. The "mark used" is one conditional UPDATE, so of
   * two concurrent uses exactly one wins; the loser, like any replay of a used
   * token, revokes the whole family.
   */
  async refresh(token: string, client: ClientInfo): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const row = await tx.findOne(RefreshToken, { where: { tokenHash: hashToken(token) } });
      if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
      const claimed = await tx
        .createQueryBuilder()
        .update(RefreshToken)
        .set({ usedAt: () => 'now()' })
        .where('id = :id AND used_at IS NULL AND revoked_at IS NULL', { id: row.id })
        .execute();
      if (claimed.affected !== 1) {
        await this.revokeFamily(tx, row.familyId);
        await this.outbox.publish(tx, {
          type: IdentityEventType.RefreshTokenReused,
          queue: IDENTITY_EVENTS_QUEUE,
          payload: { userId: row.userId },
        });
        return 'reused' as const;
      }
      const user = await tx.findOne(User, { where: { id: row.userId } });
      if (!user?.isActive) return null;
      return this.issue(tx, user, row.familyId, client, row.deviceId);
    });
    if (outcome === 'reused') {
      throw unauthorized(
        'auth.refresh-reused',
        'This sign-in was used twice; every session has been signed out.',
      );
    }
    if (!outcome) throw unauthorized('auth.refresh-invalid', 'The refresh token is invalid or expired.');
    return outcome;
  }

  async logout(token: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const row = await tx.findOne(RefreshToken, { where: { tokenHash: hashToken(token) } });
      if (row) await this.revokeFamily(tx, row.familyId);
    });
  }

  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const user = await tx
        .createQueryBuilder(User, 'u')
        .addSelect('u.passwordHash')
        .setLock('pessimistic_write')
        .where('u.id = :userId', { userId })
        .getOne();
      if (!user?.passwordHash || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
        throw unauthorized('auth.wrong-password', 'The current password is wrong.');
      }
      await tx.update(User, userId, {
        passwordHash: await this.hasher.hash(newPassword),
        passwordChangedAt: () => 'now()',
      });
      // Every other sign-in ends: whoever knew the old password is out.
      await tx.query(
        'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
        [userId],
      );
      await this.outbox.publish(tx, {
        type: IdentityEventType.PasswordChanged,
        queue: IDENTITY_EVENTS_QUEUE,
        payload: { userId },
      });
    });
  }

  private async issue(
    tx: EntityManager,
    user: User,
    familyId: string,
    client: ClientInfo,
    deviceId: string | null,
  ): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    await tx.insert(RefreshToken, {
      familyId,
      userId: user.id,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip,
      deviceId,
    });
    const claims: AccessTokenClaims = {
      sub: user.id,
      roles: user.roles,
      scp: user.scopeUnitId,
      ...(deviceId ? { dev: deviceId } : {}),
    };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.accessTokenTtlSeconds,
      algorithm: 'HS256',
    });
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }

  private async revokeFamily(tx: EntityManager, familyId: string): Promise<void> {
    await tx.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
      [familyId],
    );
  }
}
