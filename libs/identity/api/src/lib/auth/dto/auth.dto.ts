import { ApiProperty } from '@nestjs/swagger';
import {
  ActivateAccountRequest,
  ActivationPreview,
  ChangePasswordRequest,
  LoginRequest,
  PASSWORD_MIN_LENGTH,
  RefreshRequest,
  TokenPair,
} from '@thuchoc/identity/contracts';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'hocvien01' })
  @IsString()
  @Length(1, 200)
  username!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password!: string;

  /** A random key the app keeps per device; attendance allows one account per device per session. */
  @ApiProperty({ required: false, minLength: 16, maxLength: 128 })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{16,128}$/)
  deviceKey?: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}

export class ActivateAccountDto implements ActivateAccountRequest {
  @ApiProperty()
  @IsString()
  @Length(20, 200)
  token!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, 200)
  password!: string;
}

export class ActivationPreviewDto implements ActivationPreview {
  @ApiProperty() fullName!: string;
  @ApiProperty() username!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, 200)
  newPassword!: string;
}

export class TokenPairDto implements TokenPair {
  /** Bearer token for the API; short-lived. */
  @ApiProperty() accessToken!: string;
  /** One-use token that buys the next pair; rotate on every refresh. */
  @ApiProperty() refreshToken!: string;
  /** Seconds until the access token expires. */
  @ApiProperty() expiresIn!: number;
}
