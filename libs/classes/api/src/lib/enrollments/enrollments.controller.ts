import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EnrollmentResponse } from '@thuchoc/classes/contracts';
import { CurrentPrincipal, Principal, Roles, ScopedBy } from '@thuchoc/identity/api';
import { Page } from '@thuchoc/shared/contracts';
import { OVERSIGHT, STAFF } from '../classes/class-roles';
import {
  DecideEnrollmentDto,
  EnrollLearnerDto,
  RosterQueryDto,
  WithdrawEnrollmentDto,
} from './dto/enrollment-requests.dto';
import { toEnrollmentResponse } from './enrollment-row';
import { EnrollmentsService } from './enrollments.service';

@ApiTags('enrollment')
@Controller('classes/:id/enrollments')
export class EnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @Get()
  @Roles(...OVERSIGHT)
  @ScopedBy('class')
  async roster(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: RosterQueryDto,
  ): Promise<Page<EnrollmentResponse>> {
    const page = await this.enrollments.roster(id, query);
    return { ...page, items: page.items.map(toEnrollmentResponse) };
  }

  /** Enrolls one learner; a full class puts them on the waitlist. */
  @Post()
  @Roles(...STAFF)
  @ScopedBy('class')
  async enroll(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EnrollLearnerDto,
  ): Promise<EnrollmentResponse> {
    return toEnrollmentResponse(await this.enrollments.enroll(principal, id, dto));
  }

  @Post(':enrollmentId/decision')
  @HttpCode(200)
  @Roles(...STAFF)
  @ScopedBy('class')
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('enrollmentId', ParseUUIDPipe) enrollmentId: string,
    @Body() dto: DecideEnrollmentDto,
  ): Promise<EnrollmentResponse> {
    return toEnrollmentResponse(await this.enrollments.decide(principal, id, enrollmentId, dto));
  }

  /** Withdraws with a reason; the first on the waitlist takes the freed place. */
  @Post(':enrollmentId/withdrawal')
  @HttpCode(200)
  @Roles(...STAFF)
  @ScopedBy('class')
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('enrollmentId', ParseUUIDPipe) enrollmentId: string,
    @Body() dto: WithdrawEnrollmentDto,
  ): Promise<EnrollmentResponse> {
    return toEnrollmentResponse(
      await this.enrollments.withdraw(principal.userId, id, enrollmentId, dto.reason),
    );
  }
}
