import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClassHistoryEntry, ClassVerificationResponse } from '@thuchoc/classes/contracts';
import { CurrentPrincipal, Principal, Roles, ScopedBy } from '@thuchoc/identity/api';
import { OVERSIGHT } from '../classes/class-roles';
import { ClassHistoryService } from './class-history.service';

@ApiTags('classes')
@Controller('classes/:id/history')
export class ClassHistoryController {
  constructor(private readonly history: ClassHistoryService) {}

  /** The class's integrity ledger in chain order, with names. */
  @Get()
  @Roles(...OVERSIGHT)
  @ScopedBy('class')
  list(@Param('id', ParseUUIDPipe) id: string): Promise<ClassHistoryEntry[]> {
    return this.history.history(id);
  }

  /** Queues a verifier run over the class's chain; poll the returned verification. */
  @Post('verifications')
  @HttpCode(202)
  @Roles(...OVERSIGHT)
  @ScopedBy('class')
  verify(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ClassVerificationResponse> {
    return this.history.requestVerification(id, principal.userId);
  }

  @Get('verifications/:verificationId')
  @Roles(...OVERSIGHT)
  @ScopedBy('class')
  verification(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('verificationId', ParseUUIDPipe) verificationId: string,
  ): Promise<ClassVerificationResponse> {
    return this.history.verification(id, verificationId);
  }
}
