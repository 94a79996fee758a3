import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AttendanceSession,
  AttentionCheckSummary,
  CheckInCode,
  LiveRoster,
  ManualMarkResponse,
} from '@thuchoc/attendance/contracts';
import { CurrentPrincipal, Principal, Roles } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { AttentionChecksService } from '../attention/attention-checks.service';
import { LiveRosterService } from '../live/live-roster.service';
import { ManualMarksService } from '../marks/manual-marks.service';
import { ManualMarkDto } from './dto/attendance-requests.dto';
import { SessionLifecycleService } from './session-lifecycle.service';

/** Who runs a session: its class's lecturers and the centre staff above it. */
export const RUNNERS = [Role.Lecturer, Role.CentreStaff, Role.Admin] as const;
/** Who may look: the runners, and auditors of the propaganda board. */
export const WATCHERS = [...RUNNERS, Role.Auditor] as const;

@ApiTags('attendance')
@Controller('attendance/sessions/:id')
export class AttendanceSessionsController {
  constructor(
    private readonly lifecycle: SessionLifecycleService,
    private readonly roster: LiveRosterService,
    private readonly checks: AttentionChecksService,
    private readonly marks: ManualMarksService,
  ) {}

  @Get()
  @Roles(...WATCHERS)
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AttendanceSession> {
    return this.lifecycle.get(principal, id);
  }

  /** 409 `attendance.session-status` unless scheduled; `attendance.too-early` before the check-in window. */
  @Post('open')
  @HttpCode(200)
  @Roles(...RUNNERS)
  open(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AttendanceSession> {
    return this.lifecycle.open(principal, id);
  }

  /** A job finalises the attendance afterwards. */
  @Post('close')
  @HttpCode(200)
  @Roles(...RUNNERS)
  close(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AttendanceSession> {
    return this.lifecycle.close(principal, id);
  }

  /** The rotating code and its QR form, for the projector. */
  @Get('check-in-code')
  @Roles(...RUNNERS)
  code(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CheckInCode> {
    return this.lifecycle.checkInCode(principal, id);
  }

  @Get('live')
  @Roles(...WATCHERS)
  live(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<LiveRoster> {
    return this.roster.roster(principal, id);
  }

  @Post('attention-checks')
  @Roles(...RUNNERS)
  fire(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AttentionCheckSummary> {
    return this.checks.fireByHand(principal, id);
  }

  /** Marking by hand, with a reason; flagged when late or wholesale. */
  @Post('marks')
  @HttpCode(200)
  @Roles(...RUNNERS)
  mark(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ManualMarkDto,
  ): Promise<ManualMarkResponse> {
    return this.marks.mark(principal, id, dto);
  }
}
