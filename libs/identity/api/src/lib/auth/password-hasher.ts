import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id, with the library's recommended cost (64 MiB, 3 passes). */
@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, so unknown usernames cannot be told apart by timing. */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash('thuchoc-timing-equaliser');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
