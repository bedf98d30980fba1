import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { STAFF } from '@remitd/access';
import {
  OutboxRepository,
  RequeueNotificationUseCase,
  TEMPLATE_NAMES,
  type NotificationRow,
} from '@remitd/notifications';
import type { Actor } from '@remitd/persistence';
import { CurrentActor, Roles } from '../http/auth';
import { ApiErrors, UuidParam } from '../http/openapi';
import { CURSOR_UUID, decodeFieldsCursor, encodeFieldsCursor, PageQuery } from '../http/pagination';
import { LagTolerant } from '../http/read-routing.interceptor';

const STATUSES = ['pending', 'sent', 'failed'] as const;

export class NotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES, description: 'failed: given up, waiting for a person to requeue them' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(320) recipient?: string;
}

export class NotificationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() dedupeKey!: string;
  @ApiProperty({ enum: ['email', 'sms'] }) channel!: string;
  @ApiProperty() recipient!: string;
  @ApiProperty({ enum: TEMPLATE_NAMES }) template!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty() nextAttemptAt!: string;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) failedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) requeuedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty() createdAt!: string;
}

export class NotificationsPage {
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class RequeueResponse {
  @ApiProperty({ type: NotificationResponse }) notification!: NotificationResponse;
  @ApiProperty({ description: 'false when it was already pending: nothing changed' }) requeued!: boolean;
}

function view(n: NotificationRow): NotificationResponse {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    ...n,
    nextAttemptAt: n.nextAttemptAt.toISOString(),
    sentAt: iso(n.sentAt),
    failedAt: iso(n.failedAt),
    requeuedAt: iso(n.requeuedAt),
    createdAt: n.createdAt.toISOString(),
  };
}

@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly requeueUseCase: RequeueNotificationUseCase,
  ) {}

  @Get()
  @LagTolerant()
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Outbox messages, oldest first; status=failed lists those given up (requeue them)' })
  @ApiOkResponse({ type: NotificationsPage })
  async list(@Query() q: NotificationsQuery): Promise<NotificationsPage> {
    const after = decodeFieldsCursor('notifications', q.cursor, { id: CURSOR_UUID });
    const page = await this.outbox.page({ status: q.status, recipient: q.recipient }, { after, limit: q.limit ?? 50 });
    return {
      items: page.items.map(view),
      nextCursor: encodeFieldsCursor('notifications', page.next && { id: page.next.id }),
    };
  }

  @Post(':id/requeue')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Send a failed message again (pending now, new retry window); idempotent: a pending one is left as it is',
  })
  @ApiOkResponse({ type: RequeueResponse })
  async requeue(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RequeueResponse> {
    const r = await this.requeueUseCase.execute({ actor, id });
    return { notification: view(r.notification), requeued: r.requeued };
  }
}
