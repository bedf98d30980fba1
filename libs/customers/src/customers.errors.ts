import { DomainError, conflict, notFound, validationError } from '@remitd/core';

/** The customers context's error catalogue: the codes are the API's documentation. */
export const collectionAccountNotFound = (id: string) => notFound('collection account', id);

export const virtualAccountNotFound = (id: string) => notFound('virtual account', id);

export const invalidRoutingNumber = (routingNumber: string) =>
  validationError(
    'INVALID_ROUTING_NUMBER',
    `routingNumber: "${routingNumber}" is not a US ABA routing number (9 digits passing the ABA checksum)`,
    'routingNumber',
  );

export const noCollectionAccountFor = (currency: string) =>
  new DomainError(
    'NO_COLLECTION_ACCOUNT',
    `currency: no collection account holds ${currency}; create one holding ${currency} first (POST /collection-accounts)`,
    'unprocessable',
    'currency',
  );

export const collectionAccountRequired = (currency: string, candidates: { id: string; name: string }[]) =>
  new DomainError(
    'COLLECTION_ACCOUNT_REQUIRED',
    `collectionAccountId: ${candidates.length} collection accounts hold ${currency} (${candidates
      .map((c) => `${c.name} ${c.id}`)
      .join(', ')}); name the one the customer should pay into`,
    'validation',
    'collectionAccountId',
    { candidates: candidates.map((c) => c.id) },
  );

export const currencyNotHeld = (collectionName: string, currency: string) =>
  new DomainError(
    'CURRENCY_NOT_HELD',
    `collection account ${collectionName} does not hold ${currency}`,
    'unprocessable',
    'currency',
  );

export const currencyNotBilled = (customerReference: string, billed: string, asked: string) =>
  new DomainError(
    'CURRENCY_NOT_BILLED',
    `currency: customer ${customerReference} is billed in ${billed}, not ${asked}; a virtual account in ${asked} would take money no bill asks for`,
    'unprocessable',
    'currency',
  );

export const virtualAccountUnderAnotherCollectionAccount = (
  existing: { id: string; number: string; collectionAccountId: string },
  asked: string,
) =>
  new DomainError(
    'VIRTUAL_ACCOUNT_EXISTS',
    `the customer already has active virtual account ${existing.number} under collection account ${existing.collectionAccountId}, not ${asked}; re-issue it (POST /customers/:id/virtual-accounts/${existing.id}/reissue) to move it`,
    'conflict',
    'collectionAccountId',
    { virtualAccountId: existing.id, number: existing.number, collectionAccountId: existing.collectionAccountId },
  );

export const virtualAccountClosed = (id: string, number: string) =>
  conflict(
    'VIRTUAL_ACCOUNT_CLOSED',
    `virtual account ${number} (${id}) is already closed; its number is never reused`,
    {
      virtualAccountId: id,
    },
  );

export const reissueUnderSameCollectionAccount = (collectionAccountId: string) =>
  validationError(
    'SAME_COLLECTION_ACCOUNT',
    `collectionAccountId: the virtual account already lives under ${collectionAccountId}; name another collection account`,
    'collectionAccountId',
  );
