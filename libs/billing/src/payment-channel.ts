import { Injectable } from '@nestjs/common';
import { DomainError, validationError } from '@remitd/core';
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
  /**
   * Roles that may pay through the channel (issue 11 item 2). A channel whose charge the server
   * itself confirms with the gateway may list members; a channel that only records what a
   * person says was received must not.
   */
  readonly roles: readonly string[];
  /** Roles that may only ask for a payment through the channel: it runs when a checker approves. */
  readonly requestRoles?: readonly string[];
  /** Rejects input the channel can never charge, before anything is asked or approved. */
  validate?(input: { reference?: string }): void;
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
  /** nobody confirms offline money but the people who handle it: finance and administrators */
  readonly roles = ['super_admin', 'admin', 'finance'];
  /** account managers record what a customer says it paid; finance approves it */
  readonly requestRoles = ['account_manager'];

  validate(input: { reference?: string }): void {
    if (!input.reference?.trim())
      throw validationError(
        'EXTERNAL_REFERENCE_REQUIRED',
        'external.reference: the offline channel records the payment reference',
        'external.reference',
      );
  }

  async charge(input: { amount: Money; reference?: string }): Promise<ExternalCharge> {
    this.validate(input);
    return { reference: input.reference!.trim(), channel: this.name };
  }
}

export const PAYMENT_CHANNELS = Symbol('PAYMENT_CHANNELS');

/** The channel called `name`, or a 400 naming `external.channel` and the channels there are. */
export function channelNamed(channels: readonly PaymentChannel[], name: string): PaymentChannel {
  const channel = channels.find((c) => c.name === name);
  if (!channel)
    throw validationError(
      'UNKNOWN_PAYMENT_CHANNEL',
      `external.channel: "${name}" is not one of ${channels.map((c) => c.name).join(', ')}`,
      'external.channel',
    );
  return channel;
}

export const channelForbidden = (channel: string, role: string, allowed: readonly string[]) =>
  new DomainError(
    'PAYMENT_CHANNEL_FORBIDDEN',
    `external.channel: role ${role} may not pay through "${channel}"; allowed: ${allowed.join(', ') || 'nobody'}`,
    'forbidden',
    'external.channel',
  );
