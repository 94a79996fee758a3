import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { CalendarFeedResponse } from '@thuchoc/classes/contracts';
import { Authenticated, CurrentPrincipal, Principal } from '@thuchoc/identity/api';
import { notFound, PublicRoute } from '@thuchoc/shared/api-core';
import { CalendarService } from './calendar.service';

const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** The caller's own feed: every session of the classes they attend or teach. */
  @Get('me/calendar')
  @Authenticated()
  mine(@CurrentPrincipal() principal: Principal): Promise<CalendarFeedResponse> {
    return this.calendar.feedFor('user', principal.userId);
  }

  /** Public: the token in the path is the credential, as calendar apps cannot sign in. */
  @Get('calendar/:file')
  @PublicRoute()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiProduces('text/calendar')
  feed(@Param('file') file: string): Promise<string> {
    const token = FEED_FILE.exec(file)?.[1];
    if (!token) throw notFound('calendar.not-found', 'No such calendar.');
    return this.calendar.render(token);
  }
}
