import { DomainError, conflict, notFound } from '@remitd/core';

/** The access context's error catalogue: the codes are the API's documentation. */
export const approvalRequestNotFound = (id: string) => notFound('approval request', id);

export const makerCannotCheck = () =>
  new DomainError(
    'MAKER_CANNOT_CHECK',
    'a request is approved or rejected by someone other than the person who made it',
    'forbidden',
  );

export const notAChecker = (role: string) =>
  new DomainError(
    'NOT_A_CHECKER',
    `role ${role} may not approve or reject requests; checkers: finance, admin, super_admin`,
    'forbidden',
  );

export const approvalAlreadyDecided = (id: string, state: string) =>
  conflict('APPROVAL_ALREADY_DECIDED', `approval request ${id} is already ${state}`, { state });

export const noApprovalExecutor = (kind: string) =>
  new DomainError('APPROVAL_KIND_UNKNOWN', `no executor is registered for approval requests of kind ${kind}`);
