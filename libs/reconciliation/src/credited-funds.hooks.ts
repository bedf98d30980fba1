import { Injectable } from '@nestjs/common';
import type { Money } from '@remitd/money';
import type { SqlTx } from '@remitd/persistence';

export interface CreditedFunds {
  /** the crediting's key (unique per crediting) */
  key: string;
  customerId: string;
  amount: Money;
  /** what the remitter wrote (remittance information, end-to-end id, bank reference) */
  references: string[];
}

/**
 * What another context may do inside the crediting's own transaction, without reconciliation
 * depending on it (unified settlement, seed 001: a running task is settled by the remittance
 * itself). Implementations register themselves; none registered, nothing changes.
 */
export interface CreditedFundsHook {
  /** customers whose automatic settlement something else holds: credited, their bills left to it */
  holds(tx: SqlTx, customerIds: string[]): Promise<Set<string>>;
  /** after the crediting's journals are posted, in the same transaction */
  afterCredit(tx: SqlTx, credits: CreditedFunds[]): Promise<void>;
}

/**
 * Process-wide, one hook per implementing class (the latest registered): each `forRoot()` of a
 * module makes its own instances (Nest 11 keys dynamic modules by reference), and the crediting
 * must see the hook whichever instance registered it. Hooks work only on the transaction given.
 */
const registered = new Map<unknown, CreditedFundsHook>();

@Injectable()
export class CreditedFundsHooks {
  register(hook: CreditedFundsHook): void {
    registered.set(hook.constructor, hook);
  }

  private get hooks(): CreditedFundsHook[] {
    return [...registered.values()];
  }

  async holds(tx: SqlTx, customerIds: string[]): Promise<Set<string>> {
    const held = new Set<string>();
    if (!customerIds.length) return held;
    for (const h of this.hooks) for (const id of await h.holds(tx, customerIds)) held.add(id);
    return held;
  }

  async afterCredit(tx: SqlTx, credits: CreditedFunds[]): Promise<void> {
    if (!credits.length) return;
    for (const h of this.hooks) await h.afterCredit(tx, credits);
  }
}
