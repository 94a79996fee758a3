import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AttendanceStatus,
  AttentionAnswerRequest,
  CheckInMethod,
  CheckInRequest,
  ManualMarkRequest,
} from '@thuchoc/attendance/contracts';
import { trimString } from '@thuchoc/shared/api-core';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';

export class CheckInDto implements CheckInRequest {
  @ApiProperty({ example: '493021', description: 'The six digits shown on the lecturer’s screen.' })
  @Transform(trimString)
  @IsString()
  @Matches(/^\d{6}$/, { message: 'Mã điểm danh gồm 6 chữ số.' })
  code!: string;

  @ApiPropertyOptional({ enum: [CheckInMethod.Code, CheckInMethod.Qr] })
  @IsOptional()
  @IsIn([CheckInMethod.Code, CheckInMethod.Qr])
  method?: CheckInMethod.Code | CheckInMethod.Qr;
}

export class AttentionAnswerDto implements AttentionAnswerRequest {
  @ApiProperty({ example: '0427' })
  @Transform(trimString)
  @IsString()
  @Length(1, 12)
  code!: string;
}

const MARKABLE = [
  AttendanceStatus.Present,
  AttendanceStatus.Late,
  AttendanceStatus.Partial,
  AttendanceStatus.Absent,
];

export class ManualMarkDto implements ManualMarkRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  userIds!: string[];

  @ApiProperty({ enum: MARKABLE, description: 'Excused comes from an approved excuse, not from marking.' })
  @IsIn(MARKABLE)
  status!: AttendanceStatus;

  @ApiProperty({ description: 'Why the mark is made by hand; kept on the ledger.' })
  @Transform(trimString)
  @IsString()
  @Length(5, 1000)
  reason!: string;
}
