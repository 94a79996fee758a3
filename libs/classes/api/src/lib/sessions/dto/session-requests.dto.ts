import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CreateSessionRequest, SessionMode, UpdateSessionRequest } from '@thuchoc/classes/contracts';
import { trimString, trimToNull } from '@thuchoc/shared/api-core';
import { Transform } from 'class-transformer';
import { IsDateString, IsEnum, IsOptional, IsString, IsUrl, IsUUID, Length } from 'class-validator';

export class CreateSessionDto implements CreateSessionRequest {
  @ApiProperty({ example: 'Bài 1: Chủ nghĩa Mác – Lênin, tư tưởng Hồ Chí Minh' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  title!: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true })
  endsAt!: string;

  @ApiProperty({ enum: SessionMode })
  @IsEnum(SessionMode)
  mode!: SessionMode;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @Length(1, 200)
  room?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Transform(trimToNull)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  meetingUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  lecturerId?: string | null;
}

export class UpdateSessionDto extends PartialType(CreateSessionDto) implements UpdateSessionRequest {}
