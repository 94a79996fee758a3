import { Injectable, computed, signal } from '@angular/core';

/**
 * Tokens as the API issues them. Structurally the identity `TokenPair`;
 * declared here because shared libs cannot import a domain's contracts.
 */
export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export const REFRESH_TOKEN_STORAGE_KEY = 'thuchoc.refreshToken';

/** Refresh this long before the access token really expires, so a request never races its expiry. */
const EXPIRY_MARGIN_MS = 30_000;

interface AccessToken {
  value: string;
  expiresAt: number;
}

/**
 * Holds the session's tokens: the access token only in memory, the refresh
 * token in localStorage so a reload (or another tab) keeps the session.
 */
@Injectable({ providedIn: 'root' })
export class TokenStore {
  private readonly access = signal<AccessToken | null>(null);
  private readonly hasRefreshToken = signal(readRefreshToken() !== null);

  /** True while a refresh token exists, i.e. the user has not signed out. */
  readonly isSignedIn = this.hasRefreshToken.asReadonly();
  readonly accessToken = computed(() => this.access()?.value ?? null);

  constructor() {
    // Another tab signed in, out or rotated the token: follow it.
    window.addEventListener('storage', (event) => {
      if (event.key !== REFRESH_TOKEN_STORAGE_KEY) return;
      this.hasRefreshToken.set(event.newValue !== null);
      if (event.newValue === null) this.access.set(null);
    });
  }

  /** The access token if it is still valid for a while, else null. */
  freshAccessToken(now = Date.now()): string | null {
    const token = this.access();
    return token !== null && token.expiresAt - EXPIRY_MARGIN_MS > now ? token.value : null;
  }

  /** Read at each use, not cached: another tab may have rotated it. */
  refreshToken(): string | null {
    return readRefreshToken();
  }

  store(tokens: IssuedTokens, now = Date.now()): void {
    this.access.set({ value: tokens.accessToken, expiresAt: now + tokens.expiresIn * 1000 });
    localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, tokens.refreshToken);
    this.hasRefreshToken.set(true);
  }

  clear(): void {
    this.access.set(null);
    localStorage.removeItem(REFRESH_TOKEN_STORAGE_KEY);
    this.hasRefreshToken.set(false);
  }
}

function readRefreshToken(): string | null {
  return localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY);
}
