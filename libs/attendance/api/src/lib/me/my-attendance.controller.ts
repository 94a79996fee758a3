import {
  Body,
  Controller,
  Get,
  HttpCode,
  MessageEvent,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  Sse,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AttentionAnswerResponse,
  CheckInResponse,
  HeartbeatResponse,
  MyAttendanceHistory,
  MySessionView,
} from '@thuchoc/attendance/contracts';
import { CurrentPrincipal, Principal, Roles } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { Observable } from 'rxjs';
import type { HttpReply, HttpRequest } from '@thuchoc/shared/api-core';
import { AttentionChecksService } from '../attention/attention-checks.service';
import { CheckInService } from '../check-in/check-in.service';
import { LiveEvents } from '../live/live-events';
import { PresenceService } from '../presence/presence.service';
import { AttentionAnswerDto, CheckInDto } from '../sessions/dto/attendance-requests.dto';
import { SessionAccess } from '../sessions/session-access';
import { MyAttendanceService } from './my-attendance.service';

/** A comment line now and then keeps proxies from closing a quiet event stream. */
const KEEPALIVE_MS = 25_000;

@ApiTags('attendance')
@Controller('me/attendance')
export class MyAttendanceController {
  constructor(
    private readonly mine: MyAttendanceService,
    private readonly checkIns: CheckInService,
    private readonly presence: PresenceService,
    private readonly checks: AttentionChecksService,
    private readonly access: SessionAccess,
    private readonly live: LiveEvents,
  ) {}

  @Get('sessions/:id')
  @Roles(Role.Learner)
  session(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MySessionView> {
    return this.mine.session(principal, id);
  }

  /** 201 for the check-in, 200 when this learner had already checked in (the first stands). */
  @Post('sessions/:id/check-in')
  @Roles(Role.Learner)
  async checkIn(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CheckInDto,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<CheckInResponse> {
    const result = await this.checkIns.checkIn(principal, id, dto, request.ip ?? 'unknown');
    response.status(result.isNew ? 201 : 200);
    return result;
  }

  /** Sent by the page every 15–30 s while it is visible and its user active; 503 while presence is unavailable. */
  @Post('sessions/:id/heartbeats')
  @HttpCode(200)
  @Roles(Role.Learner)
  heartbeat(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<HeartbeatResponse> {
    return this.presence.heartbeat(principal.userId, id);
  }

  /** Server-sent events: attention checks addressed to this learner and status changes of the session. */
  @Sse('sessions/:id/events')
  @Roles(Role.Learner)
  async events(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Observable<MessageEvent>> {
    const facts = await this.access.forLearner(principal.userId, id);
    return new Observable<MessageEvent>((subscriber) => {
      const { ready, stop } = this.live.listen(id, (envelope) => {
        if (envelope.userIds && !envelope.userIds.includes(principal.userId)) return;
        subscriber.next({ data: envelope.event });
      });
      // The first event, once listening: the page knows the status it starts from, and that nothing is missed after it.
      void ready.then(() => subscriber.next({ data: { type: 'session-status', status: facts.status } }));
      const keepalive = setInterval(() => subscriber.next({ type: 'keepalive', data: '' }), KEEPALIVE_MS);
      return () => {
        clearInterval(keepalive);
        stop();
      };
    });
  }

  @Post('attention-checks/:id/answers')
  @HttpCode(200)
  @Roles(Role.Learner)
  answer(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AttentionAnswerDto,
  ): Promise<AttentionAnswerResponse> {
    return this.checks.answer(principal.userId, id, dto.code);
  }

  @Get('classes/:id')
  @Roles(Role.Learner)
  history(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<MyAttendanceHistory> {
    return this.mine.history(principal.userId, id);
  }
}
