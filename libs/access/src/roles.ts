import { DomainError } from '@remitd/core';
import type { Actor } from '@remitd/persistence';

export const ROLES = ['super_admin', 'admin', 'account_manager', 'finance', 'member'] as const;
export type RoleName = (typeof ROLES)[number];

/** Staff roles see every customer; a member sees only its own customer. */
export const STAFF: RoleName[] = ['super_admin', 'admin', 'account_manager', 'finance'];

export function assertCustomerScope(actor: Actor, customerId: string): void {
  if (actor.role === 'member' && actor.customerId !== customerId) {
    throw new DomainError('FORBIDDEN_CUSTOMER', 'members may only access their own customer', 'forbidden');
  }
}

/**
 * Who may check (approve or reject) another person's request: a second pair of eyes from
 * finance or administration (issue 11 items 2 and 10).
 */
export const CHECKERS: RoleName[] = ['super_admin', 'admin', 'finance'];

export const isRole = (role: string): role is RoleName => (ROLES as readonly string[]).includes(role);
