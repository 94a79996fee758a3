import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CalendarFeedResponse, ClassSessionResponse } from '@thuchoc/classes/contracts';
import { Roles, ScopedBy } from '@thuchoc/identity/api';
import { CalendarService } from '../calendar/calendar.service';
import { OVERSIGHT, STAFF } from '../classes/class-roles';
import { CreateSessionDto, UpdateSessionDto } from './dto/session-requests.dto';
import { SessionsService, toSessionResponse } from './sessions.service';

@ApiTags('classes')
@Controller('classes/:id')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly calendar: CalendarService,
  ) {}

  @Get('sessions')
  @Roles(...OVERSIGHT)
  @ScopedBy('class')
  async list(@Param('id', ParseUUIDPipe) id: string): Promise<ClassSessionResponse[]> {
    return (await this.sessions.list(id)).map(toSessionResponse);
  }

  /** 409 `session.lecturer-double-booked` when the lecturer teaches elsewhere at that time. */
  @Post('sessions')
  @Roles(...STAFF)
  @ScopedBy('class')
  async create(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateSessionDto,
  ): Promise<ClassSessionResponse> {
    return toSessionResponse(await this.sessions.create(id, dto));
  }

  @Patch('sessions/:sessionId')
  @Roles(...STAFF)
  @ScopedBy('class')
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<ClassSessionResponse> {
    return toSessionResponse(await this.sessions.update(id, sessionId, dto));
  }

  @Delete('sessions/:sessionId')
  @HttpCode(204)
  @Roles(...STAFF)
  @ScopedBy('class')
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<void> {
    return this.sessions.remove(id, sessionId);
  }

  /** The class's iCal feed; its unguessable token is the only credential a calendar app needs. */
  @Get('calendar')
  @Roles(...OVERSIGHT)
  @ScopedBy('class')
  calendarFeed(@Param('id', ParseUUIDPipe) id: string): Promise<CalendarFeedResponse> {
    return this.calendar.feedFor('class', id);
  }
}
