import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DecideOpeningApprovalRequest, OpeningApprovalStatus } from '@thuchoc/classes/contracts';
import { trimString } from '@thuchoc/shared/api-core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, Length } from 'class-validator';

export class DecideOpeningApprovalDto implements DecideOpeningApprovalRequest {
  @ApiProperty()
  @IsBoolean()
  isApproved!: boolean;

  @ApiProperty({ minLength: 5 })
  @Transform(trimString)
  @IsString()
  @Length(5, 2000)
  reason!: string;
}

export class ApprovalListQueryDto {
  @ApiPropertyOptional({ enum: OpeningApprovalStatus })
  @IsOptional()
  @IsEnum(OpeningApprovalStatus)
  status?: OpeningApprovalStatus;
}
