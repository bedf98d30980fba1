import { DynamicModule, Module } from '@nestjs/common';
import { LedgerModule } from '@remitd/ledger';
import { OutboxModule } from '@remitd/notifications';
import { ArrearsClock } from './arrears.clock';
import { BalanceAlertsRepository } from './balance-alerts.repository';
import { BalanceAlertsUseCase } from './balance-alerts.usecase';
import { DeductHourlyFeesUseCase } from './deduct-hourly-fees.usecase';
import { HourlyArrearsService } from './hourly-arrears.service';
import { HourlyRepository } from './hourly.repository';
import { DispatchWebhooksUseCase, WEBHOOK_SETTINGS, type WebhookSettings } from './dispatch-webhooks.usecase';
import { ResourceLifecycleService } from './resource-lifecycle.service';
import { ResourcesRepository } from './resources.repository';
import { ResourcesUseCase } from './resources.usecase';
import { ARREARS_TIME_ZONE, RunLifecycleUseCase } from './run-lifecycle.usecase';
import { WebhookEventsUseCase } from './webhook-events.usecase';
import { WebhooksRepository } from './webhooks.repository';

export interface ArrearsOptions {
  /** the default billing time zone (a customer's billing entity's wins) */
  timeZone: string;
  webhooks: WebhookSettings;
}

/** The arrears lifecycle (seed 003): resources, durable timers, webhooks to the platform. */
@Module({})
export class ArrearsModule {
  static forRoot(opts: ArrearsOptions): DynamicModule {
    const providers = [
      ArrearsClock,
      ResourcesRepository,
      WebhooksRepository,
      HourlyRepository,
      BalanceAlertsRepository,
      BalanceAlertsUseCase,
      HourlyArrearsService,
      DeductHourlyFeesUseCase,
      ResourceLifecycleService,
      ResourcesUseCase,
      RunLifecycleUseCase,
      WebhookEventsUseCase,
      DispatchWebhooksUseCase,
    ];
    return {
      module: ArrearsModule,
      imports: [LedgerModule, OutboxModule],
      providers: [
        ...providers,
        { provide: ARREARS_TIME_ZONE, useValue: opts.timeZone },
        { provide: WEBHOOK_SETTINGS, useValue: opts.webhooks },
      ],
      exports: providers,
    };
  }
}
