import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ApprovalsModule } from '@remitd/access';
import { ArrearsModule } from '@remitd/arrears';
import { BillingModule } from '@remitd/billing';
import type { RemitdConfig } from '@remitd/config';
import { LedgerModule } from '@remitd/ledger';
import { channelsFromConfig, NotificationsModule, type NotificationChannel } from '@remitd/notifications';
import { PaymentsModule } from '@remitd/payments';
import { PersistenceModule } from '@remitd/persistence';
import { ReconciliationModule } from '@remitd/reconciliation';
import { SettlementTasksModule } from '@remitd/settlement-tasks';
import { StatementSourcesModule } from '@remitd/statement-sources';
import type { StatementSource } from '@remitd/statement-sources';
import { ArrearsScheduler, WebhookDispatchScheduler } from './arrears.scheduler';
import { BillingScheduler } from './billing.scheduler';
import { Metrics } from './metrics';
import { NotificationDispatchScheduler } from './notification-dispatch.scheduler';
import { PaygDeductionScheduler } from './payg-deduction.scheduler';
import { SettlementTasksScheduler } from './settlement-tasks.scheduler';
import { StatementPollScheduler } from './statement-poll.scheduler';
import { WriteOffScheduler } from './write-off.scheduler';
import { RECONCILER_CONFIG } from './tokens';

export interface ReconcilerOptions {
  /** override channels (tests) */
  channels?: NotificationChannel[];
  /** override statement sources (tests) */
  sources?: StatementSource[];
  /** false: build the module without starting schedulers (CLI, tests driving use cases) */
  schedulers?: boolean;
}

@Module({})
export class ReconcilerModule {
  static forRoot(config: RemitdConfig, opts: ReconcilerOptions = {}): DynamicModule {
    const schedulers = opts.schedulers ?? true;
    return {
      module: ReconcilerModule,
      imports: [
        PersistenceModule.forRoot({ url: config.databaseUrl, poolSize: config.dbPoolSize }),
        ScheduleModule.forRoot(),
        LedgerModule,
        ApprovalsModule.forRoot({ caps: config.approvalCaps }),
        NotificationsModule.forRoot({
          channels: opts.channels ?? channelsFromConfig(config.mail, config.arrears),
        }),
        StatementSourcesModule.forRoot({
          dataDir: config.dataDir,
          sources: opts.sources ?? config.sources,
          limits: config.parserLimits,
        }),
        ReconciliationModule.forRoot(config),
        BillingModule.forRoot({ timeZone: config.timeZone, reconciliation: config }),
        PaymentsModule.forRoot({ config: config.payments, timeZone: config.timeZone }),
        SettlementTasksModule.forRoot({ timeZone: config.timeZone, reconciliation: config }),
        ArrearsModule.forRoot({ timeZone: config.timeZone, webhooks: config.arrears.webhooks }),
      ],
      providers: [
        { provide: RECONCILER_CONFIG, useValue: config },
        Metrics,
        ...(schedulers
          ? [
              NotificationDispatchScheduler,
              StatementPollScheduler,
              BillingScheduler,
              PaygDeductionScheduler,
              WriteOffScheduler,
              SettlementTasksScheduler,
              ArrearsScheduler,
              WebhookDispatchScheduler,
            ]
          : []),
      ],
      exports: [Metrics],
    };
  }
}
