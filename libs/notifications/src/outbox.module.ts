import { Module } from '@nestjs/common';
import { OutboxRepository } from './outbox.repository';
import { RequeueNotificationUseCase } from './requeue-notification.usecase';

/** Writing to the outbox and requeueing failed messages (any app); sending is NotificationsModule's (the reconciler). */
@Module({
  providers: [OutboxRepository, RequeueNotificationUseCase],
  exports: [OutboxRepository, RequeueNotificationUseCase],
})
export class OutboxModule {}
