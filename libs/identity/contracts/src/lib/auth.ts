export interface LoginRequest {
  username: string;
  password: string;
  /**
   * A random key the browser keeps for good (16–128 characters of
   * [A-Za-z0-9_-]); attendance tells devices apart by it.
   */
  deviceKey?: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export const PASSWORD_MIN_LENGTH = 10;

/** What `GET /auth/activation/:token` shows before the new user chooses a password. */
export interface ActivationPreview {
  fullName: string;
  username: string;
}

/** `POST /auth/activation`: the one-time link's token and the first password. */
export interface ActivateAccountRequest {
  token: string;
  password: string;
}
