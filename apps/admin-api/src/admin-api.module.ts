import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccessModule, ApprovalsModule } from '@remitd/access';
import { ArrearsModule } from '@remitd/arrears';
import { BillingModule } from '@remitd/billing';
import type { RemitdConfig } from '@remitd/config';
import { CustomersModule } from '@remitd/customers';
import { IdentityModule } from '@remitd/identity';
import { LedgerModule } from '@remitd/ledger';
import { OutboxModule } from '@remitd/notifications';
import { PaymentsModule } from '@remitd/payments';
import { PersistenceModule } from '@remitd/persistence';
import { ReconciliationModule } from '@remitd/reconciliation';
import { SettlementTasksModule } from '@remitd/settlement-tasks';
import { StatementsModule } from '@remitd/statements';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApprovalsController } from './approvals/approvals.controller';
import { AuthController } from './auth/auth.controller';
import { AuditController } from './audit/audit.controller';
import { BillingController } from './billing/billing.controller';
import { BillingEntitiesController } from './billing-entities/billing-entities.controller';
import { consoleModule } from './console/console.module';
import { CollectionAccountsController } from './collection-accounts/collection-accounts.controller';
import { CustomersController } from './customers/customers.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { ProofOfCashController } from './proof-of-cash/proof-of-cash.controller';
import { EventsController } from './events/events.controller';
import { RemittanceEventsHub } from './events/remittance-events.hub';
import { RemitterAccountsController } from './customers/remitter-accounts.controller';
import { HealthController } from './health/health.controller';
import { ApiKeyGuard } from './http/auth';
import { REMITD_CONFIG } from './http/config.token';
import { ArrearsRestrictionGuard } from './http/arrears-restriction.guard';
import { ApiExceptionFilter } from './http/exception.filter';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ReadRoutingInterceptor } from './http/read-routing.interceptor';
import { LedgerController } from './ledger/ledger.controller';
import { HttpMetrics } from './metrics/http-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { GatewayWebhookController, PaymentsController } from './payments/payments.controller';
import { SettlementTasksController } from './settlement-tasks/settlement-tasks.controller';
import { ResourcesController, WebhookEventsController } from './resources/resources.controller';
import { StatementAccountsController } from './statements/statement-accounts.controller';
import { StatementsController } from './statements/statements.controller';
import { UnmatchedController } from './unmatched/unmatched.controller';
import { UsersController } from './users/users.controller';

export { REMITD_CONFIG };

@Module({})
export class AdminApiModule {
  static forRoot(config: RemitdConfig): DynamicModule {
    return {
      module: AdminApiModule,
      imports: [
        PersistenceModule.forRoot({
          url: config.databaseUrl,
          poolSize: config.dbPoolSize,
          readUrl: config.databaseReadUrl,
        }),
        AccessModule,
        IdentityModule.forRoot(config.identity),
        ApprovalsModule.forRoot({ caps: config.approvalCaps }),
        LedgerModule,
        CustomersModule,
        ReconciliationModule.forRoot(config),
        StatementsModule.forRoot({ dataDir: config.dataDir, limits: config.parserLimits }),
        BillingModule.forRoot({ timeZone: config.timeZone, reconciliation: config }),
        OutboxModule,
        PaymentsModule.forRoot({ config: config.payments, timeZone: config.timeZone }),
        SettlementTasksModule.forRoot({
          timeZone: config.timeZone,
          reconciliation: config,
          stamp: config.settlementStamp,
        }),
        ArrearsModule.forRoot({ timeZone: config.timeZone, webhooks: config.arrears.webhooks }),
        consoleModule(),
      ],
      controllers: [
        HealthController,
        CustomersController,
        RemitterAccountsController,
        CollectionAccountsController,
        BillingEntitiesController,
        ApiKeysController,
        ApprovalsController,
        AuditController,
        LedgerController,
        UnmatchedController,
        StatementsController,
        StatementAccountsController,
        BillingController,
        NotificationsController,
        MetricsController,
        EventsController,
        DashboardController,
        ProofOfCashController,
        AuthController,
        UsersController,
        PaymentsController,
        GatewayWebhookController,
        SettlementTasksController,
        ResourcesController,
        WebhookEventsController,
      ],
      providers: [
        { provide: REMITD_CONFIG, useValue: config },
        HttpMetrics,
        RemittanceEventsHub,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        // after authentication: a member whose resources are stopped for arrears may only read and pay
        { provide: APP_GUARD, useClass: ArrearsRestrictionGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ReadRoutingInterceptor },
      ],
    };
  }
}
