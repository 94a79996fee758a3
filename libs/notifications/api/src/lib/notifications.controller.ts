import {
  Controller,
  DefaultValuePipe,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@thuchoc/identity/api';
import { badRequest } from '@thuchoc/shared/api-core';
import { MAX_PAGE_SIZE, Page } from '@thuchoc/shared/contracts';
import { NotificationKind, NotificationResponse } from '@thuchoc/notifications/contracts';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';

class NotificationResponseDto implements NotificationResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NotificationKind }) kind!: NotificationKind;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) params!: Record<string, string>;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;
}

class NotificationPageDto implements Page<NotificationResponse> {
  @ApiProperty({ type: [NotificationResponseDto] }) items!: NotificationResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

const toNotificationResponse = (n: Notification): NotificationResponse => ({
  id: n.id,
  kind: n.kind,
  params: n.params,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

const pageNumber = (name: string, max: number) => (value: number) => {
  if (value < 1 || value > max)
    throw badRequest('request.invalid', `${name} is out of range.`, [
      { field: name, messages: [`${name} must be from 1 to ${max}`] },
    ]);
  return value;
};

@ApiTags('me')
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  @ApiOkResponse({ type: NotificationPageDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query('page', new DefaultValuePipe(1), ParseIntPipe) page: number,
    @Query('pageSize', new DefaultValuePipe(20), ParseIntPipe) pageSize: number,
  ): Promise<Page<NotificationResponse>> {
    const result = await this.notifications.listFor(
      principal.userId,
      pageNumber('page', 100_000)(page),
      pageNumber('pageSize', MAX_PAGE_SIZE)(pageSize),
    );
    return { ...result, items: result.items.map(toNotificationResponse) };
  }

  @Post(':id/read')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse()
  markRead(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.notifications.markRead(principal.userId, id);
  }
}
