import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { PaymentsConfig } from '@remitd/config';
import { conflict, notFound, validationError } from '@remitd/core';
import { Money } from '@remitd/money';
import { AuditRepository, PrismaService, TransactionRunner, idempotencyStorage, type Actor } from '@remitd/persistence';
import { PAYMENTS_CONFIG } from './gateway-payments.service';
import { PAYMENT_GATEWAY, type PaymentGateway } from './payment-gateway';
import { noDefaultMethod, noPaypalRange, preauthorizationFailed, thresholdOutOfRange } from './payments.errors';
import { PaymentsRepository } from './payments.repository';

export interface PaygAccountView {
  customerId: string;
  /** false: pay-as-you-go (automatic deduction); true: monthly bills with due dates */
  creditControl: boolean;
  currency: string;
  defaultMethod: { id: string; kind: string; brand: string; last4: string | null } | null;
  /** the account's own PayPal threshold (null: the range's top) */
  paypalThreshold: string | null;
  /** what triggers a deduction from the default method now (null: month end only) */
  effectiveThreshold: string | null;
  paypalRange: { min: string; max: string } | null;
  /** not deducted yet, per currency */
  unpaid: { currency: string; amount: string }[];
  preauthorizedAt: Date | null;
  /** automatic deduction failed after every retry (the arrears lifecycle acts on it) */
  inArrears: boolean;
  arrearsSince: Date | null;
}

/**
 * A pay-as-you-go account's settings and state (seed 000): the PayPal threshold (USD 8 to 500,
 * per account; ranges per currency are configured), the arrears flag, and activation of
 * pay-as-you-go products with PayPal pre-authorization the first time.
 */
@Injectable()
export class PaygAccountUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly prisma: PrismaService,
    private readonly repo: PaymentsRepository,
    private readonly audit: AuditRepository,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  async view(customerId: string): Promise<PaygAccountView> {
    const customer = await this.repo.customer(this.prisma, customerId);
    if (!customer) throw notFound('customer', customerId);
    const [account, method, unpaid] = await Promise.all([
      this.repo.account(this.prisma, customerId),
      this.repo.defaultMethod(this.prisma, customerId),
      this.repo.unpaid(this.prisma, customerId),
    ]);
    const range = this.config.paypalRanges[customer.currency] ?? null;
    const paypalThreshold = account?.paypalThreshold
      ? Money.fromStored(account.paypalThreshold, customer.currency).toString()
      : null;
    const effective =
      method?.kind === 'card'
        ? (this.config.cardThresholds[customer.currency] ?? null)
        : method?.kind === 'paypal'
          ? (paypalThreshold ?? range?.max ?? null)
          : null;
    return {
      customerId,
      creditControl: customer.creditControl,
      currency: customer.currency,
      defaultMethod: method ? { id: method.id, kind: method.kind, brand: method.brand, last4: method.last4 } : null,
      paypalThreshold,
      effectiveThreshold: effective === null ? null : Money.fromStored(effective, customer.currency).toString(),
      paypalRange: range,
      unpaid: unpaid.map((u) => ({ currency: u.currency, amount: Money.fromStored(u.amount, u.currency).toString() })),
      preauthorizedAt: account?.preauthorizedAt ?? null,
      inArrears: account?.inArrears ?? false,
      arrearsSince: account?.arrearsSince ?? null,
    };
  }

  /** seed 000: "varies from USD 8 to USD 500 for PayPal, depending on the account" */
  async setPaypalThreshold(cmd: { actor: Actor; customerId: string; paypalThreshold: string | null }) {
    const customer = await this.repo.customer(this.prisma, cmd.customerId);
    if (!customer) throw notFound('customer', cmd.customerId);
    let stored: string | null = null;
    if (cmd.paypalThreshold !== null) {
      const range = this.config.paypalRanges[customer.currency];
      if (!range) throw noPaypalRange(customer.currency);
      const value = Money.of(cmd.paypalThreshold, customer.currency, 'paypalThreshold');
      const min = Money.fromStored(range.min, customer.currency);
      const max = Money.fromStored(range.max, customer.currency);
      if (value.lt(min) || value.gt(max))
        throw thresholdOutOfRange(value.toString(), min.toString(), max.toString(), customer.currency);
      stored = value.toString();
    }
    await this.tx.run(async (tx) => {
      await this.repo.setPaypalThreshold(tx, cmd.customerId, stored);
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'customer.paypal_threshold',
        entityType: 'customer',
        entityId: cmd.customerId,
        payload: { paypalThreshold: stored, currency: customer.currency },
      });
    });
    return this.view(cmd.customerId);
  }

  /**
   * seed 000: "When you use PayPal as your default payment method, a pre-authorization check is
   * triggered the first time you activate a pay-as-you-go product": authorize, then void; a
   * refusal refuses the activation.
   */
  async activate(cmd: { actor: Actor; customerId: string; product: string }) {
    const customer = await this.repo.customer(this.prisma, cmd.customerId);
    if (!customer) throw notFound('customer', cmd.customerId);
    if (!cmd.product?.trim()) throw validationError('PRODUCT_REQUIRED', 'product: required', 'product');
    const [account, method] = await Promise.all([
      this.repo.account(this.prisma, cmd.customerId),
      this.repo.defaultMethod(this.prisma, cmd.customerId),
    ]);
    if (!customer.creditControl && !method) throw noDefaultMethod(cmd.customerId);
    if (account?.inArrears)
      throw conflict('CUSTOMER_IN_ARREARS', `customer ${cmd.customerId} is in arrears: settle what is owed first`);
    let preauthorized = false;
    if (!customer.creditControl && method?.kind === 'paypal' && !account?.preauthorizedAt) {
      const amount = Money.of(this.config.preauthorizationAmounts[customer.currency] ?? '1.00', customer.currency);
      const auth = await this.gateway.authorize({
        token: method.gatewayToken,
        amount,
        idempotencyKey: `preauth:${cmd.customerId}:${randomUUID()}`,
      });
      if (!auth.authorized) {
        await idempotencyStorage.exit(() =>
          this.tx.run((tx) =>
            this.audit.record(tx, {
              actor: cmd.actor,
              action: 'payg.preauthorization_failed',
              entityType: 'customer',
              entityId: cmd.customerId,
              payload: { product: cmd.product, reason: auth.reason, paymentMethodId: method.id },
            }),
          ),
        );
        throw preauthorizationFailed(auth.reason, amount.toString(), customer.currency);
      }
      await this.gateway.void(auth.authorizationId);
      preauthorized = true;
    }
    return this.tx.run(async (tx) => {
      if (preauthorized) await this.repo.markPreauthorized(tx, cmd.customerId, new Date());
      const row = await this.repo.insertActivation(tx, {
        id: randomUUID(),
        customerId: cmd.customerId,
        product: cmd.product.trim(),
        preauthorized,
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'payg.product_activated',
        entityType: 'customer',
        entityId: cmd.customerId,
        payload: { activationId: row.id, product: cmd.product.trim(), preauthorized },
      });
      return {
        id: row.id,
        customerId: cmd.customerId,
        product: cmd.product.trim(),
        preauthorized,
        createdAt: row.createdAt,
      };
    });
  }
}
