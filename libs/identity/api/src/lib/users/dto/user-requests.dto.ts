import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { parseBoolean, trimString, trimToNull, PageQueryDto } from '@thuchoc/shared/api-core';
import {
  CreateUserRequest,
  PASSWORD_MIN_LENGTH,
  Role,
  UpdateUserRequest,
  UserListQuery,
} from '@thuchoc/identity/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'hocvien31' })
  @Transform(trimString)
  @IsString()
  @Matches(/^[a-zA-Z0-9._-]{3,64}$/, {
    message: 'username may hold letters, digits, dot, dash and underscore (3–64)',
  })
  username!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Transform(trimToNull)
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  fullName!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Transform(trimToNull)
  @IsOptional()
  @Matches(/^\+?[0-9 .-]{8,20}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiProperty()
  @IsUUID()
  orgUnitId!: string;

  /** Root of the subtree the user may act on; defaults to their own unit. */
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  scopeUnitId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Bí thư chi bộ' })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @Length(1, 200)
  position?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isPartyMember?: boolean;

  @ApiProperty({ enum: Role, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles!: Role[];

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, 200)
  password!: string;
}

/** Every profile field of a new user may change, except the username and the password (changed by its owner). */
export class UpdateUserDto
  extends PartialType(OmitType(CreateUserDto, ['username', 'password'] as const))
  implements UpdateUserRequest {}

export class UserListQueryDto extends PageQueryDto implements UserListQuery {
  /** Matches name, username or e-mail, with or without Vietnamese diacritics. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional()
  @Transform(parseBoolean)
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}
