import { DomainError, conflict, notFound, validationError } from '@remitd/core';

/** The identity context's error catalogue: the codes are the API's documentation. */

/** the same answer for an unknown e-mail and a wrong password: nobody learns who has an account */
export const signInFailed = () => new DomainError('SIGN_IN_FAILED', 'e-mail or password is wrong', 'unauthenticated');

export const totpRequired = () =>
  new DomainError(
    'TOTP_REQUIRED',
    'totp: enter the 6-digit code from your authenticator app',
    'unauthenticated',
    'totp',
  );

export const totpInvalid = () =>
  new DomainError('TOTP_INVALID', 'totp: the code is wrong or has expired', 'unauthenticated', 'totp');

export const accountLocked = (until: Date) =>
  new DomainError(
    'ACCOUNT_LOCKED',
    `too many failed sign-in attempts: the account is locked until ${until.toISOString()}`,
    'forbidden',
    undefined,
    { lockedUntil: until.toISOString() },
  );

export const sessionMissing = () =>
  new DomainError('SESSION_MISSING', 'not signed in, or the session has expired: sign in again', 'unauthenticated');

export const csrfTokenInvalid = () =>
  new DomainError(
    'CSRF_TOKEN_INVALID',
    'send the X-CSRF-Token header with the csrfToken of your session on every POST, PUT, PATCH and DELETE',
    'forbidden',
  );

export const totpEnrolmentRequired = () =>
  new DomainError(
    'TOTP_ENROLMENT_REQUIRED',
    'staff must set up two-factor authentication first: POST /auth/totp/enrol, then /auth/totp/confirm',
    'forbidden',
  );

export const passwordTooShort = (min: number) =>
  validationError('PASSWORD_TOO_SHORT', `newPassword: use at least ${min} characters`, 'newPassword');

export const currentPasswordRequired = () =>
  validationError('CURRENT_PASSWORD_REQUIRED', 'currentPassword: enter your current password', 'currentPassword');

export const currentPasswordWrong = () =>
  new DomainError('CURRENT_PASSWORD_WRONG', 'currentPassword: is wrong', 'forbidden', 'currentPassword');

export const totpAlreadyEnabled = () =>
  conflict('TOTP_ALREADY_ENABLED', 'two-factor authentication is already set up for this user');

export const totpNotEnrolling = () =>
  conflict('TOTP_NOT_ENROLLING', 'start with POST /auth/totp/enrol, then confirm a code from the app');

export const userNotFound = (id: string) => notFound('user', id);

export const emailTaken = (email: string) => conflict('EMAIL_TAKEN', `email: a user with ${email} already exists`);

export const invalidEmail = () => validationError('INVALID_EMAIL', 'email: not an e-mail address', 'email');

export const roleNotAllowed = (actorRole: string, role: string) =>
  new DomainError('USER_ROLE_NOT_ALLOWED', `role ${actorRole} may not create users with role ${role}`, 'forbidden');

export const signInLinkInvalid = () =>
  new DomainError(
    'SIGN_IN_LINK_INVALID',
    'this sign-in link is unknown, already used or expired: ask an administrator for a new one',
    'unauthenticated',
  );

/** a link signs in without the second factor: never for someone who has one */
export const signInLinkNotAllowed = () =>
  conflict(
    'SIGN_IN_LINK_NOT_ALLOWED',
    'this user has a TOTP second factor, which a sign-in link would bypass: they sign in with their password and code',
  );

export const ssoNotConfigured = () =>
  new DomainError('SSO_NOT_CONFIGURED', 'single sign-on is not configured (REMITD_OIDC_ISSUER)', 'not_found');

export const ssoProviderUnavailable = (why: string) =>
  new DomainError('SSO_PROVIDER_UNAVAILABLE', `the identity provider cannot be reached: ${why}`, 'unprocessable');

export const ssoStateInvalid = () =>
  new DomainError(
    'SSO_STATE_INVALID',
    'this single sign-on answer does not belong to a sign-in started in this browser, or it has expired: start again',
    'unauthenticated',
  );

export const ssoFailed = (why: string) =>
  new DomainError('SSO_FAILED', `single sign-on failed: ${why}`, 'unauthenticated');

export const ssoEmailNotVerified = () =>
  new DomainError(
    'SSO_EMAIL_NOT_VERIFIED',
    'the identity provider did not confirm a verified e-mail address',
    'forbidden',
  );

export const ssoUserUnknown = () =>
  new DomainError('SSO_USER_UNKNOWN', 'no staff user has this e-mail address: ask an administrator', 'forbidden');

export const ssoStaffOnly = () =>
  new DomainError('SSO_STAFF_ONLY', 'single sign-on is for staff; customers sign in with their password', 'forbidden');

/** confirming enrolment: a 400 on the `code` field, not a 401 (the session is fine) */
export const totpCodeInvalid = () =>
  validationError('TOTP_INVALID', 'code: the code is wrong or has expired; check the app’s clock', 'code');
