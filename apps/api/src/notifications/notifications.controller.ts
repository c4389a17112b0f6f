import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { inboxPageSchema, inboxQuerySchema, unreadCountSchema } from '@dari/contracts';
import { AnyRole, Auth } from '../common/auth/decorators.js';
import type { AuthContext } from '../common/http/request.js';
import { IdParamDto } from '../common/validation/id-param.dto.js';
import { NotificationsService } from './notifications.service.js';

class InboxQueryDto extends createZodDto(inboxQuerySchema) {}
class InboxPageDto extends createZodDto(inboxPageSchema) {}
class UnreadCountDto extends createZodDto(unreadCountSchema) {}

/** The person's own inbox: notifications and the announcements addressed to them. Nobody reads another's. */
@ApiTags('notifications')
@Controller('me/notifications')
@AnyRole()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ZodResponse({ type: InboxPageDto })
  list(@Auth() auth: AuthContext, @Query() query: InboxQueryDto) {
    return this.notifications.inbox(auth.userId, query);
  }

  /** The navigation's badge: one statement over indexes (docs/learning-together.md, "Inbox"). */
  @Get('unread-count')
  @ZodResponse({ type: UnreadCountDto })
  async unread(@Auth() auth: AuthContext) {
    return { unread: await this.notifications.unreadCount(auth.userId) };
  }

  @Post('read-all')
  @HttpCode(204)
  async readAll(@Auth() auth: AuthContext): Promise<void> {
    await this.notifications.markAllRead(auth.userId);
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@Auth() auth: AuthContext, @Param() params: IdParamDto): Promise<void> {
    await this.notifications.markRead(auth.userId, params.id);
  }
}
