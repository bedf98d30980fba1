import { DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { RemitdConfig } from '@remitd/config';
import { FileEmailChannel, LoggingSmsChannel, SmtpEmailChannel, type NotificationChannel } from './channels';
import {
  DispatchNotificationsUseCase,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_RETRY_POLICY,
} from './dispatch-notifications.usecase';
import { OutboxModule } from './outbox.module';
import { HttpSmsChannel } from './http-sms.channel';
import { SmppSmsChannel } from './smpp-sms.channel';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export function channelsFromConfig(
  mail: RemitdConfig['mail'],
  sms: Pick<RemitdConfig['arrears'], 'smpp' | 'smsHttp'> = { smpp: null, smsHttp: null },
): NotificationChannel[] {
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
  // without an SMSC configured, a logging stand-in behind the same interface
  const smsChannel = sms.smpp
    ? new SmppSmsChannel(sms.smpp)
    : sms.smsHttp
      ? new HttpSmsChannel(sms.smsHttp)
      : new LoggingSmsChannel();
  return [email, smsChannel];
}

@Module({})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(@Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[]) {}

  /** an SMPP session stays open between messages (for its delivery receipts): closed with the app */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.channels.map((c) => c.close?.().catch(() => undefined)));
  }

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
