import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DecideEnrollmentRequest,
  EnrollLearnerRequest,
  EnrollmentStatus,
  RosterQuery,
  WithdrawEnrollmentRequest,
} from '@thuchoc/classes/contracts';
import { trimString, trimToNull, PageQueryDto } from '@thuchoc/shared/api-core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';

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

export class RosterQueryDto extends PageQueryDto implements RosterQuery {
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
}
