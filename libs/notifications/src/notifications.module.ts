import { DynamicModule, Module } from '@nestjs/common';
import type { RemitdConfig } from '@remitd/config';
import { FileEmailChannel, LoggingSmsChannel, SmtpEmailChannel, type NotificationChannel } from './channels';
import {
  DispatchNotificationsUseCase,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_RETRY_POLICY,
} from './dispatch-notifications.usecase';
import { OutboxModule } from './outbox.module';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export function channelsFromConfig(mail: RemitdConfig['mail']): NotificationChannel[] {
  const email =
    mail.kind === 'smtp'
      ? new SmtpEmailChannel({
          host: mail.host,
          port: mail.port,
          secure: mail.secure,
          requireTls: mail.requireTls,
          user: mail.user,
          pass: mail.pass,
          from: mail.from,
        })
      : new FileEmailChannel({ dir: mail.dir, from: mail.from });
  // SMS cannot run here: a logging stand-in behind the same interface a real provider fills.
  return [email, new LoggingSmsChannel()];
}

@Module({})
export class NotificationsModule {
  static forRoot(opts: { channels: NotificationChannel[]; retryPolicy?: RetryPolicy }): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [OutboxModule],
      providers: [
        DispatchNotificationsUseCase,
        { provide: NOTIFICATION_CHANNELS, useValue: opts.channels },
        { provide: NOTIFICATION_RETRY_POLICY, useValue: opts.retryPolicy ?? DEFAULT_RETRY_POLICY },
      ],
      exports: [OutboxModule, DispatchNotificationsUseCase],
    };
  }
}
