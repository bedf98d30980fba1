import { DomainError, conflict, validationError } from '@remitd/core';

/** The payments context's error catalogue: the codes are the API's documentation. */
export const thresholdOutOfRange = (value: string, min: string, max: string, ccy: string) =>
  validationError(
    'PAYPAL_THRESHOLD_OUT_OF_RANGE',
    `paypalThreshold: ${value} ${ccy} is outside the PayPal deduction range ${min} to ${max} ${ccy}`,
    'paypalThreshold',
  );
export const noPaypalRange = (ccy: string) =>
  validationError(
    'PAYPAL_THRESHOLD_UNAVAILABLE',
    `paypalThreshold: no PayPal deduction range is configured for ${ccy}`,
    'paypalThreshold',
  );
export const tokenUnknown = () =>
  validationError('GATEWAY_TOKEN_UNKNOWN', 'token: the payment gateway does not know this token', 'token');
export const tokenAlreadyLinked = () =>
  conflict('PAYMENT_METHOD_ALREADY_LINKED', 'token: this payment method is already linked');
export const gatewayUnavailable = (why: string) =>
  new DomainError('GATEWAY_UNAVAILABLE', `the payment gateway did not answer: ${why}`, 'unprocessable');
export const noDefaultMethod = (customerId: string) =>
  conflict('NO_DEFAULT_PAYMENT_METHOD', `customer ${customerId} has no default payment method`);
export const preauthorizationFailed = (reason: string, amount: string, ccy: string) =>
  new DomainError(
    'PREAUTHORIZATION_FAILED',
    `PayPal refused the pre-authorization of ${amount} ${ccy} (${reason}): the pay-as-you-go product was not activated; link another payment method or ask PayPal why`,
    'unprocessable',
  );
export const paymentPending = (billReference: string, paymentId: string) =>
  conflict(
    'PAYMENT_PENDING',
    `bill ${billReference} has a payment whose result is not known yet (${paymentId}): do not pay it again meanwhile (seed 000), or insist with force=true`,
    { paymentId },
  );
export const paymentDeclined = (reason: string) =>
  new DomainError('PAYMENT_DECLINED', `the payment gateway declined the charge: ${reason}`, 'unprocessable');
export const invalidWebhookSignature = (why: string) =>
  new DomainError('INVALID_WEBHOOK_SIGNATURE', `gateway-signature: ${why}`, 'unauthenticated');
