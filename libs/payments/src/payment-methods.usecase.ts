import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { notFound, validationError } from '@remitd/core';
import { AuditRepository, PrismaService, TransactionRunner, type Actor } from '@remitd/persistence';
import { PAYMENT_GATEWAY, type PaymentGateway } from './payment-gateway';
import { tokenAlreadyLinked, tokenUnknown } from './payments.errors';
import { PaymentsRepository, type PaymentMethodRow } from './payments.repository';

export interface PaymentMethodView {
  id: string;
  customerId: string;
  kind: 'card' | 'paypal';
  brand: string;
  last4: string | null;
  expiry: string | null;
  isDefault: boolean;
  createdAt: Date;
}

/** The gateway's token stays inside remitd: the API shows brand, last four digits and expiry. */
const view = ({ gatewayToken: _token, ...m }: PaymentMethodRow): PaymentMethodView => m;

/**
 * Payment methods (seed 000: a bank card or PayPal as the default payment method). The customer
 * gets a token from the gateway's own page; remitd asks the gateway what it stands for and keeps
 * only the token, brand, last four digits and expiry, never a card number. The first method
 * linked is the default; unlinking the default makes the most recent other one the default.
 */
@Injectable()
export class PaymentMethodsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly prisma: PrismaService,
    private readonly repo: PaymentsRepository,
    private readonly audit: AuditRepository,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
  ) {}

  private async customer(customerId: string) {
    const customer = await this.repo.customer(this.prisma, customerId);
    if (!customer) throw notFound('customer', customerId);
    return customer;
  }

  async list(customerId: string): Promise<PaymentMethodView[]> {
    await this.customer(customerId);
    return (await this.repo.methods(this.prisma, customerId)).map(view);
  }

  /**
   * The method the customer last paid a bill with, while it is still linked (seed 000: "The system
   * defaults to the last used method"): the console preselects it, as the gateway payment does.
   */
  async lastUsed(customerId: string): Promise<string | null> {
    const account = await this.repo.account(this.prisma, customerId);
    if (!account?.lastMethodId) return null;
    return (await this.repo.method(this.prisma, customerId, account.lastMethodId))?.id ?? null;
  }

  async link(cmd: {
    actor: Actor;
    customerId: string;
    token: string;
    makeDefault?: boolean;
  }): Promise<PaymentMethodView> {
    await this.customer(cmd.customerId);
    const token = cmd.token.trim();
    if (!token) throw validationError('TOKEN_REQUIRED', 'token: required', 'token');
    const described = await this.gateway.describe(token);
    if (!described) throw tokenUnknown();
    return this.tx.run(async (tx) => {
      await this.repo.lockCustomerMethods(tx, cmd.customerId);
      if (await this.repo.tokenLinked(tx, token)) throw tokenAlreadyLinked();
      const first = !(await this.repo.defaultMethod(tx, cmd.customerId));
      const row = await this.repo.insertMethod(tx, {
        id: randomUUID(),
        customerId: cmd.customerId,
        kind: described.kind,
        gatewayToken: token,
        brand: described.brand,
        last4: described.last4,
        expiry: described.expiry,
        isDefault: first || !!cmd.makeDefault,
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'payment_method.linked',
        entityType: 'customer',
        entityId: cmd.customerId,
        payload: {
          paymentMethodId: row.id,
          kind: row.kind,
          brand: row.brand,
          last4: row.last4,
          isDefault: row.isDefault,
        },
      });
      return view(row);
    });
  }

  async makeDefault(cmd: { actor: Actor; customerId: string; methodId: string }): Promise<PaymentMethodView> {
    return this.tx.run(async (tx) => {
      await this.repo.lockCustomerMethods(tx, cmd.customerId);
      const method = await this.repo.method(tx, cmd.customerId, cmd.methodId);
      if (!method) throw notFound('payment method', cmd.methodId);
      await this.repo.makeDefault(tx, cmd.customerId, cmd.methodId);
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'payment_method.default',
        entityType: 'customer',
        entityId: cmd.customerId,
        payload: { paymentMethodId: cmd.methodId },
      });
      return view({ ...method, isDefault: true });
    });
  }

  async remove(cmd: { actor: Actor; customerId: string; methodId: string }): Promise<{ newDefaultId: string | null }> {
    return this.tx.run(async (tx) => {
      await this.repo.lockCustomerMethods(tx, cmd.customerId);
      const method = await this.repo.method(tx, cmd.customerId, cmd.methodId);
      if (!method) throw notFound('payment method', cmd.methodId);
      const newDefaultId = await this.repo.removeMethod(tx, cmd.customerId, cmd.methodId);
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'payment_method.unlinked',
        entityType: 'customer',
        entityId: cmd.customerId,
        payload: { paymentMethodId: cmd.methodId, newDefaultId },
      });
      return { newDefaultId };
    });
  }
}
