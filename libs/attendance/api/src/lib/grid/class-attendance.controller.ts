import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AttendanceGrid, AttendancePolicy } from '@thuchoc/attendance/contracts';
import { CurrentPrincipal, Principal, Roles } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { WATCHERS } from '../sessions/attendance-sessions.controller';
import { AttendanceGridService } from './attendance-grid.service';
import { AttendancePolicyDto } from './dto/attendance-policy.dto';

@ApiTags('attendance')
@Controller('classes/:id/attendance')
export class ClassAttendanceController {
  constructor(private readonly grid: AttendanceGridService) {}

  @Get()
  @Roles(...WATCHERS)
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AttendanceGrid> {
    return this.grid.grid(principal, id);
  }

  @Get('policy')
  @Roles(...WATCHERS)
  policy(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AttendancePolicy> {
    return this.grid.policy(principal, id);
  }

  /** Centre staff set the class's attendance rules; sessions finalised afterwards follow them. */
  @Put('policy')
  @Roles(Role.CentreStaff, Role.Admin)
  updatePolicy(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AttendancePolicyDto,
  ): Promise<AttendancePolicy> {
    return this.grid.updatePolicy(principal, id, dto);
  }
}
