import { DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { PaymentsConfig } from '@remitd/config';
import { LedgerModule } from '@remitd/ledger';
import { BillGatewayPaymentUseCase } from './bill-gateway-payment.usecase';
import { GatewayPaymentsService, PAYMENTS_CONFIG } from './gateway-payments.service';
import { GatewayWebhookUseCase } from './gateway-webhook.usecase';
import { HttpPaymentGateway } from './http-payment-gateway';
import { PAYMENT_GATEWAY } from './payment-gateway';
import { PaygAccountUseCase } from './payg-account.usecase';
import { PAYMENTS_TIME_ZONE, PaygDeductionUseCase } from './payg-deduction.usecase';
import { PaymentMethodsUseCase } from './payment-methods.usecase';
import { PaymentsRepository } from './payments.repository';

@Module({})
export class PaymentsModule implements OnApplicationShutdown {
  constructor(@Inject(PAYMENT_GATEWAY) private readonly gateway: { close?: () => void }) {}

  onApplicationShutdown(): void {
    this.gateway.close?.();
  }

  static forRoot(opts: { config: PaymentsConfig; timeZone: string }): DynamicModule {
    const providers = [
      PaymentsRepository,
      GatewayPaymentsService,
      PaymentMethodsUseCase,
      PaygAccountUseCase,
      PaygDeductionUseCase,
      BillGatewayPaymentUseCase,
      GatewayWebhookUseCase,
    ];
    return {
      module: PaymentsModule,
      imports: [LedgerModule],
      providers: [
        ...providers,
        { provide: PAYMENTS_CONFIG, useValue: opts.config },
        { provide: PAYMENTS_TIME_ZONE, useValue: opts.timeZone },
        {
          provide: PAYMENT_GATEWAY,
          useValue: new HttpPaymentGateway({
            url: opts.config.gatewayUrl,
            timeoutMs: opts.config.gatewayTimeoutMs,
            webhookSecret: opts.config.webhookSecret,
          }),
        },
      ],
      exports: [...providers, PAYMENT_GATEWAY],
    };
  }
}
