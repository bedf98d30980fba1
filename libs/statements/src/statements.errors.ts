import { conflict, DomainError, notFound } from '@remitd/core';

/** The statements context's errors: the codes are the API's documentation. */
export const collectionAccountNotFound = (id: string) => notFound('collection account', id);
export const statementFileNotFound = (id: string) => notFound('statement file', id);
export const accountNeverSeen = (accountKey: string) =>
  new DomainError(
    'STATEMENT_ACCOUNT_NOT_FOUND',
    `no statement was ever received for account ${accountKey}`,
    'not_found',
    'accountKey',
  );
export const accountAlreadyAssigned = (accountKey: string, collectionAccountId: string) =>
  conflict(
    'STATEMENT_ACCOUNT_ALREADY_ASSIGNED',
    `account ${accountKey} already belongs to collection account ${collectionAccountId}`,
    { accountKey, collectionAccountId },
  );
export const fileAlreadyRejected = (id: string) =>
  conflict('STATEMENT_FILE_ALREADY_REJECTED', `statement file ${id} was already rejected`, { fileId: id });
export const fileHoldsNothing = (id: string) =>
  conflict(
    'STATEMENT_FILE_NOT_HELD',
    `statement file ${id} holds no entries of an unknown account: there is nothing to reject`,
    { fileId: id },
  );
