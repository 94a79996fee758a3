import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LessonHeartbeatResponse } from '@thuchoc/classes/contracts';
import { CurrentPrincipal, Principal, Roles } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { PresenceService } from '../presence/presence.service';

/** Real time on a self-paced lesson, from the same activity-gated heartbeats as live sessions. */
@ApiTags('attendance')
@Controller('me/lessons/:lessonId/heartbeats')
export class LessonPresenceController {
  constructor(private readonly presence: PresenceService) {}

  @Post()
  @HttpCode(200)
  @Roles(Role.Learner)
  async beat(
    @CurrentPrincipal() principal: Principal,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
  ): Promise<LessonHeartbeatResponse> {
    return { seconds: await this.presence.lessonBeat(principal.userId, lessonId) };
  }
}
