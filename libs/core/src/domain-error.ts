/**
 * Libraries throw domain errors with a stable code, never HTTP exceptions: the reconciler has
 * no HTTP. Each app maps codes to its own world (admin-api: one exception filter).
 */
export type DomainErrorKind =
  'validation' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'unprocessable';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'unprocessable',
    /** the input field the error is about, when there is one */
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const validationError = (code: string, message: string, field?: string) =>
  new DomainError(code, message, 'validation', field);
export const notFound = (what: string, id: string) =>
  new DomainError(`${what.toUpperCase().replace(/[^A-Z]+/g, '_')}_NOT_FOUND`, `${what} ${id} not found`, 'not_found');
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, message, 'conflict', undefined, details);
