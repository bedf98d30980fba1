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

export const noCollectionAccountFor = (currency: string, billingEntityName?: string) =>
  new DomainError(
    'NO_COLLECTION_ACCOUNT',
    billingEntityName
      ? `currency: no collection account of billing entity ${billingEntityName} holds ${currency}; link one holding ${currency} to it first (PATCH /billing-entities/:id)`
      : `currency: no collection account holds ${currency}; create one holding ${currency} first (POST /collection-accounts)`,
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

export const billingEntityNotFound = (id: string) => notFound('billing entity', id);

export const collectionAccountOfAnotherEntity = (account: { id: string; name: string }, entityId: string) =>
  new DomainError(
    'COLLECTION_ACCOUNT_OF_ANOTHER_ENTITY',
    `collectionAccountIds: collection account ${account.name} (${account.id}) belongs to billing entity ${entityId}; release it there first`,
    'conflict',
    'collectionAccountIds',
    { collectionAccountId: account.id, billingEntityId: entityId },
  );

export const billingEntityExists = (name: string) =>
  new DomainError(
    'BILLING_ENTITY_EXISTS',
    `name: a billing entity named "${name}" already exists`,
    'conflict',
    'name',
    {
      name,
    },
  );

export const exclusiveAccountsNotOffered = (entity: { id: string; name: string }) =>
  conflict(
    'EXCLUSIVE_ACCOUNTS_NOT_OFFERED',
    `billing entity ${entity.name} does not offer exclusive bank accounts (seed 002: only to credit customers of the entities that do); the customer pays into the entity's collection account with its reference`,
    { billingEntityId: entity.id },
  );

export const collectionAccountNotOfEntity = (collectionAccountId: string, entity: { id: string; name: string }) =>
  new DomainError(
    'COLLECTION_ACCOUNT_NOT_OF_ENTITY',
    `collectionAccountId: ${collectionAccountId} is not a collection account of billing entity ${entity.name}, the customer's`,
    'unprocessable',
    'collectionAccountId',
    { billingEntityId: entity.id },
  );

export const unknownBillingEntity = (id: string) =>
  new DomainError(
    'UNKNOWN_BILLING_ENTITY',
    `billingEntityId: no billing entity ${id}`,
    'unprocessable',
    'billingEntityId',
  );

export const currencyNotOfEntity = (entity: { id: string; name: string; currencies: string[] }, currency: string) =>
  new DomainError(
    'CURRENCY_NOT_OF_ENTITY',
    `currency: billing entity ${entity.name} bills in ${entity.currencies.join(', ')}, not ${currency}`,
    'unprocessable',
    'currency',
    { billingEntityId: entity.id },
  );
