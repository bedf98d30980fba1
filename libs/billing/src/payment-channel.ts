import { Injectable } from '@nestjs/common';
import { validationError } from '@remitd/core';
import type { Money } from '@remitd/money';

export interface ExternalCharge {
  /** what the channel knows the payment by */
  reference: string;
  channel: string;
}

/**
 * An external payment channel (card gateway, wallet, bank portal). The offline channel ships
 * here; a real gateway cannot run on this machine and fills the same interface.
 */
export interface PaymentChannel {
  readonly name: string;
  /** Takes (or records) the money; must be idempotent on `idempotencyKey`. */
  charge(input: {
    customerId: string;
    amount: Money;
    reference?: string;
    idempotencyKey: string;
  }): Promise<ExternalCharge>;
}

/** Money received outside remitd (a cheque at the office, a transfer finance saw): records the reference. */
@Injectable()
export class OfflinePaymentChannel implements PaymentChannel {
  readonly name = 'offline';

  async charge(input: { amount: Money; reference?: string }): Promise<ExternalCharge> {
    if (!input.reference?.trim())
      throw validationError(
        'EXTERNAL_REFERENCE_REQUIRED',
        'external.reference: the offline channel records the payment reference',
        'external.reference',
      );
    return { reference: input.reference.trim(), channel: this.name };
  }
}

export const PAYMENT_CHANNELS = Symbol('PAYMENT_CHANNELS');
