import { ApiProperty } from '@nestjs/swagger';
import { AttendancePolicy } from '@thuchoc/attendance/contracts';
import { IsInt, Max, Min } from 'class-validator';

export class AttendancePolicyDto implements AttendancePolicy {
  @ApiProperty({ minimum: 0, maximum: 120 })
  @IsInt()
  @Min(0)
  @Max(120)
  checkInOpensMinutesBefore!: number;

  @ApiProperty({ minimum: 0, maximum: 240 })
  @IsInt()
  @Min(0)
  @Max(240)
  lateAfterMinutes!: number;

  @ApiProperty({ minimum: 1, maximum: 480 })
  @IsInt()
  @Min(1)
  @Max(480)
  checkInClosesAfterMinutes!: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  minSessionPresencePercent!: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  minAttentionPercent!: number;

  @ApiProperty({ minimum: 0, maximum: 10 })
  @IsInt()
  @Min(0)
  @Max(10)
  autoAttentionChecks!: number;

  @ApiProperty({ minimum: 0, maximum: 240 })
  @IsInt()
  @Min(0)
  @Max(240)
  closeGraceMinutes!: number;

  @ApiProperty({ minimum: 0, maximum: 30 })
  @IsInt()
  @Min(0)
  @Max(30)
  excuseDaysAfter!: number;

  @ApiProperty({ minimum: 2, maximum: 1000 })
  @IsInt()
  @Min(2)
  @Max(1000)
  sharedIpThreshold!: number;
}
