import { STAFF, type RoleName } from '@remitd/access';
import type { IdentityConfig } from '@remitd/config';
import type { Actor } from '@remitd/persistence';
import type { UserRow } from './user.repository';

/** A user as the API shows it: never the password hash or the TOTP secret. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: RoleName;
  customerId: string | null;
  /** an admin holding the unified-settlement permission (seed 001) */
  unifiedSettlement: boolean;
  totpEnabled: boolean;
  /** staff without TOTP while REMITD_STAFF_TOTP_REQUIRED is on: may only enrol until they have */
  totpEnrolmentRequired: boolean;
  passwordSet: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export const isStaff = (role: string) => (STAFF as string[]).includes(role);

export const mustEnrolTotp = (user: UserRow, config: Pick<IdentityConfig, 'staffTotpRequired'>) =>
  config.staffTotpRequired && isStaff(user.role) && !user.totpEnabled;

export function userView(user: UserRow, config: Pick<IdentityConfig, 'staffTotpRequired'>, now = new Date()): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    customerId: user.customerId,
    unifiedSettlement: user.unifiedSettlement,
    totpEnabled: user.totpEnabled,
    totpEnrolmentRequired: mustEnrolTotp(user, config),
    passwordSet: user.passwordHash !== null,
    lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** who a signed-in person is in the audit log and to the access rules */
export const userActor = (
  user: Pick<UserRow, 'id' | 'role' | 'name' | 'email' | 'customerId'> & { unifiedSettlement?: boolean },
): Actor => ({
  id: `user:${user.id}`,
  role: user.role,
  name: user.name || user.email,
  customerId: user.customerId,
  unifiedSettlement: user.unifiedSettlement ?? false,
});
