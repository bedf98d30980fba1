import { Injectable } from '@nestjs/common';
import { CustomerRepository } from '@remitd/customers';
import { notFound } from '@remitd/core';
import { AuditRepository, TransactionRunner, type Actor, type KeysetPosition } from '@remitd/persistence';
import { ReconciliationRepository, type KnownRemitterAccount } from './reconciliation.repository';

/**
 * The remitter accounts remembered for a customer (learned when an account manager assigned a
 * remittance with rememberRemitterAccount): listed, and forgotten one at a time. A forgotten
 * account is no longer matched by the learned-account rule; the next transfer from it goes
 * through the other rules (and to the unmatched queue when none names a customer).
 */
@Injectable()
export class RemitterAccountsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ReconciliationRepository,
    private readonly customers: CustomerRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(customerId: string, page: { after?: KeysetPosition; limit: number }) {
    await this.existingCustomer(customerId);
    return this.repo.knownRemitterPage(customerId, page);
  }

  async forget(cmd: { actor: Actor; customerId: string; accountId: string }): Promise<KnownRemitterAccount> {
    return this.tx.run(async (tx) => {
      await this.existingCustomer(cmd.customerId);
      const forgotten = await this.repo.forgetRemitter(tx, cmd.customerId, cmd.accountId);
      if (!forgotten) throw notFound('remitter account', cmd.accountId);
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'remitter_account.forget',
        entityType: 'customer',
        entityId: cmd.customerId,
        payload: {
          remitterAccountId: forgotten.id,
          account: forgotten.account,
          remitterName: forgotten.remitterName,
          learnedFromId: forgotten.learnedFromId,
          learnedBy: forgotten.learnedBy,
          learnedAt: forgotten.createdAt.toISOString(),
        },
      });
      return forgotten;
    });
  }

  private async existingCustomer(id: string) {
    const [customer] = await this.customers.byIds(undefined, [id]);
    if (!customer) throw notFound('customer', id);
    return customer;
  }
}
