import { Injectable } from '@nestjs/common';
import { notFound } from '@remitd/core';
import { AuditRepository, TransactionRunner, type Actor } from '@remitd/persistence';
import { CustomerRepository } from './customer.repository';
import { validateCustomerFields } from './create-customer.usecase';
import { CustomerQueries } from './customer-queries';
import type { CustomerView } from './customer.view';

export interface UpdateCustomerCommand {
  actor: Actor;
  customerId: string;
  name?: string;
  email?: string;
  creditControl?: boolean;
  creditLimit?: string;
  frozenAmount?: string;
  autoWriteOff?: boolean;
  partialLastBill?: boolean;
  writeOffPastBills?: boolean;
}

/** Credit control settings: limit, frozen amount, write-off flags. Audited with before/after. */
@Injectable()
export class UpdateCustomerUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly customers: CustomerRepository,
    private readonly audit: AuditRepository,
    private readonly queries: CustomerQueries,
  ) {}

  async execute(cmd: UpdateCustomerCommand): Promise<CustomerView> {
    await this.tx.run(async (tx) => {
      const before = await this.customers.lockById(tx, cmd.customerId);
      if (!before) throw notFound('customer', cmd.customerId);
      const { limit, frozen } = validateCustomerFields(cmd, before.currency);
      const { actor: _a, customerId: _c, ...changes } = cmd;
      await this.customers.update(tx, cmd.customerId, {
        ...changes,
        name: cmd.name?.trim(),
        email: cmd.email?.trim(),
        creditLimit: limit?.toString(),
        frozenAmount: frozen?.toString(),
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'customer.update',
        entityType: 'customer',
        entityId: cmd.customerId,
        payload: {
          changes: { ...changes },
          before: {
            creditLimit: before.creditLimit.toString(),
            frozenAmount: before.frozenAmount.toString(),
            autoWriteOff: before.autoWriteOff,
          },
        },
      });
    });
    return this.queries.get(cmd.customerId);
  }
}
