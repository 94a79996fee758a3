import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ExcuseDecisionRequest, ExcuseListQuery, ExcuseStatus } from '@thuchoc/attendance/contracts';
import { trimString, PageQueryDto } from '@thuchoc/shared/api-core';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** The text part of the multipart excuse request; the optional file comes as `attachment`. */
export class SubmitExcuseDto {
  /** Why the learner misses (or missed) the session. */
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @Transform(trimString)
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class DecideExcuseDto implements ExcuseDecisionRequest {
  @ApiProperty({ enum: [ExcuseStatus.Approved, ExcuseStatus.Rejected] })
  @IsIn([ExcuseStatus.Approved, ExcuseStatus.Rejected])
  decision!: ExcuseStatus.Approved | ExcuseStatus.Rejected;

  /** Why it was approved or rejected; the learner sees it, the class's ledger keeps it. */
  @ApiProperty({ minLength: 1, maxLength: 1000 })
  @Transform(trimString)
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class ExcuseListQueryDto extends PageQueryDto implements ExcuseListQuery {
  @ApiPropertyOptional({ enum: ExcuseStatus })
  @IsOptional()
  @IsEnum(ExcuseStatus)
  status?: ExcuseStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  classId?: string;
}
