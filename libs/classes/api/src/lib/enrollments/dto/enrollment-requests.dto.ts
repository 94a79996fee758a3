import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DecideEnrollmentRequest,
  EnrollLearnerRequest,
  EnrollmentStatus,
  RosterQuery,
  WithdrawEnrollmentRequest,
} from '@thuchoc/classes/contracts';
import { trimString, trimToNull } from '@thuchoc/shared/api-core';
import { MAX_PAGE_SIZE } from '@thuchoc/shared/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export class EnrollLearnerDto implements EnrollLearnerRequest {
  @ApiProperty()
  @IsUUID()
  userId!: string;

  @ApiPropertyOptional({
    description: 'Enroll a learner from outside the target unit; opening then needs approval.',
  })
  @IsOptional()
  @IsBoolean()
  allowOutsideTarget?: boolean;

  @ApiPropertyOptional({ description: 'Required with allowOutsideTarget.' })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @Length(5, 2000)
  reason?: string;
}

export class DecideEnrollmentDto implements DecideEnrollmentRequest {
  @ApiProperty()
  @IsBoolean()
  isApproved!: boolean;

  @ApiPropertyOptional({ description: 'Required when rejecting.' })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @Length(5, 2000)
  reason?: string;
}

export class WithdrawEnrollmentDto implements WithdrawEnrollmentRequest {
  @ApiProperty({ minLength: 5 })
  @Transform(trimString)
  @IsString()
  @Length(5, 2000)
  reason!: string;
}

export class RosterQueryDto implements RosterQuery {
  @ApiPropertyOptional({ enum: EnrollmentStatus })
  @IsOptional()
  @IsEnum(EnrollmentStatus)
  status?: EnrollmentStatus;

  @ApiPropertyOptional()
  @Transform(trimString)
  @IsOptional()
  @IsString()
  @Length(0, 100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @Type(() => Number)
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE })
  @Type(() => Number)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
