import { Inject, Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '@remitd/persistence';
import { GatewayPaymentsService } from './gateway-payments.service';
import { PAYMENT_GATEWAY, type PaymentGateway } from './payment-gateway';
import { PaymentsRepository } from './payments.repository';

/**
 * The gateway's asynchronous result (POST /webhooks/gateway): verified by its HMAC-SHA256
 * signature, then applied to the payment holding the charge's idempotency key. Applying is
 * idempotent: a payment already resolved (by the key query or an earlier delivery) moves no money.
 */
@Injectable()
export class GatewayWebhookUseCase {
  private readonly logger = new Logger('payments');

  constructor(
    private readonly prisma: PrismaService,
    private readonly repo: PaymentsRepository,
    private readonly payments: GatewayPaymentsService,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
  ) {}

  async receive(
    rawBody: Buffer,
    signature: string | undefined,
  ): Promise<{ received: true; paymentId: string | null; status: string | null }> {
    const event = this.gateway.verifyWebhook(rawBody, signature);
    const payment = await this.repo.paymentByKey(this.prisma, event.idempotencyKey);
    if (!payment) {
      // a charge of an earlier attempt (its key was replaced by a retry's) or not ours
      this.logger.warn(`gateway webhook ${event.id} for unknown key ${event.idempotencyKey}`);
      return { received: true, paymentId: null, status: null };
    }
    if (payment.status === 'pending')
      await this.payments.apply(
        [
          {
            payment,
            outcome:
              event.type === 'charge.succeeded'
                ? { status: 'succeeded', chargeId: event.chargeId }
                : { status: 'declined', chargeId: event.chargeId, reason: event.reason ?? 'declined' },
          },
        ],
        new Date(),
      );
    const after = await this.repo.payment(this.prisma, payment.id);
    return { received: true, paymentId: payment.id, status: after?.status ?? null };
  }
}
