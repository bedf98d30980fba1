import type { Money } from '@remitd/money';

/** What the gateway knows of a linked payment method: never a card number. */
export interface GatewayMethod {
  token: string;
  kind: 'card' | 'paypal';
  brand: string;
  last4: string | null;
  expiry: string | null;
}

/**
 * The outcome of a charge. `unknown`: the gateway did not answer in time (or the connection
 * dropped) and may or may not have charged; the payment stays pending until `findCharge` or a
 * webhook tells.
 */
export type ChargeOutcome =
  | { status: 'succeeded'; chargeId: string }
  | { status: 'declined'; chargeId: string | null; reason: string }
  | { status: 'unknown'; reason: string };

/** A verified webhook: the final outcome of the charge made with `idempotencyKey`. */
export interface GatewayEvent {
  id: string;
  type: 'charge.succeeded' | 'charge.declined';
  idempotencyKey: string;
  chargeId: string;
  reason: string | null;
}

/**
 * A card / PayPal payment gateway (issue 14). Charges are idempotent on the key: asking again with
 * the same key never charges twice, it answers the first outcome. remitd ships an HTTP
 * implementation speaking the simulator's protocol (docs/gateway-simulator.md).
 */
export interface PaymentGateway {
  /** the method behind a token the customer got from the gateway (its checkout / vault page) */
  describe(token: string): Promise<GatewayMethod | null>;
  /** holds `amount` on the method; a refusal is `{ authorized: false }` */
  authorize(input: {
    token: string;
    amount: Money;
    idempotencyKey: string;
  }): Promise<{ authorized: true; authorizationId: string } | { authorized: false; reason: string }>;
  /** releases an authorization */
  void(authorizationId: string): Promise<void>;
  charge(input: { token: string; amount: Money; idempotencyKey: string }): Promise<ChargeOutcome>;
  /** the charge made with this key: null when the gateway never received it */
  findCharge(idempotencyKey: string): Promise<ChargeOutcome | null>;
  /** checks a webhook's signature and reads it; throws a DomainError when it is not the gateway's */
  verifyWebhook(rawBody: Buffer, signature: string | undefined, now?: Date): GatewayEvent;
}

export const PAYMENT_GATEWAY = Symbol('PAYMENT_GATEWAY');
