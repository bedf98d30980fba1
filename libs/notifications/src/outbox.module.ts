import { Module } from '@nestjs/common';
import { OutboxRepository } from './outbox.repository';

/** Writing to the outbox (any app); sending is NotificationsModule's (the reconciler). */
@Module({ providers: [OutboxRepository], exports: [OutboxRepository] })
export class OutboxModule {}
