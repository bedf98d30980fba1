import type { Actor } from '@remitd/persistence';
import { SettlementTaskErrors as E } from './settlement-tasks.errors';

/**
 * seed 001: "Enterprise super administrators and administrators with unified settlement
 * permissions can create settlement tasks for the member accounts they manage. Member accounts
 * can create settlement tasks for their own bills." Anyone else is refused.
 */
export function assertMayManageTasks(actor: Actor): void {
  if (actor.role === 'super_admin') return;
  if (actor.role === 'admin' && actor.unifiedSettlement) return;
  if (actor.role === 'member' && actor.customerId) return;
  throw E.permissionRequired();
}

/** A member acts only as its own payer. */
export function assertPayerInScope(actor: Actor, payerCustomerId: string): void {
  assertMayManageTasks(actor);
  if (actor.role === 'member' && actor.customerId !== payerCustomerId) throw E.memberOwnBillsOnly();
}

/**
 * The accounts a task of `payerId` may include: a member only its own; staff the payer itself
 * and the members it manages through a valid financial-management relationship (seed 000 FAQ).
 */
export function assertItemsInScope(actor: Actor, payerId: string, managed: readonly string[], customerIds: string[]) {
  for (const id of customerIds) {
    if (actor.role === 'member') {
      if (id !== actor.customerId) throw E.memberOwnBillsOnly();
    } else if (id !== payerId && !managed.includes(id)) throw E.noRelationship(id, payerId);
  }
}
