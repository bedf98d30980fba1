import { DomainError, conflict, validationError } from '@remitd/core';

/** The arrears context's error catalogue: the codes are the API's documentation. */
export const resourceNotFound = (id: string) =>
  new DomainError('RESOURCE_NOT_FOUND', `resource ${id} not found`, 'not_found');
export const billingModeFields = (message: string, field: string) =>
  validationError('RESOURCE_BILLING_MODE_FIELDS', message, field);
export const externalIdTaken = (externalId: string) =>
  conflict('RESOURCE_EXTERNAL_ID_TAKEN', `externalId: ${externalId} belongs to another customer's resource`);
export const notRenewable = (id: string, status: string) =>
  conflict(
    'RESOURCE_NOT_RENEWABLE',
    `resource ${id} is ${status}: only an active or isolated monthly subscription can be renewed (seed 003: released data is erased)`,
    { status },
  );
export const insufficientBalanceForRenewal = (price: string, ccy: string, balance: string) =>
  new DomainError(
    'INSUFFICIENT_BALANCE',
    `the renewal costs ${price} ${ccy} and the balance is ${balance} ${ccy}: top up first`,
    'unprocessable',
  );
export const webhookEventNotFound = (id: string) =>
  new DomainError('WEBHOOK_EVENT_NOT_FOUND', `webhook event ${id} not found`, 'not_found');
export const contactUnreachable = () =>
  validationError('CONTACT_UNREACHABLE', 'email: a contact needs an e-mail address or a phone number', 'email');
export const invalidPhone = (phone: string) =>
  validationError('INVALID_PHONE', `phone: ${phone} is not an international number like +6591234567`, 'phone');
export const balanceAlertNotFound = (id: string) =>
  new DomainError('BALANCE_ALERT_NOT_FOUND', `balance alert ${id} not found`, 'not_found');
