import { Injectable, Logger } from '@nestjs/common';
import { plural } from '@remitd/core';
import { AuditRepository, TransactionRunner, type Actor } from '@remitd/persistence';
import { accountKey as toAccountKey } from './natural-key';
import { accountAlreadyAssigned, accountNeverSeen, collectionAccountNotFound } from './statements.errors';
import { StatementRepository } from './statement.repository';

export interface AssignStatementAccountCommand {
  actor: Actor;
  /** the account as the bank writes it on statements (spaces and case do not matter) */
  account: string;
  collectionAccountId: string;
}

export interface AssignStatementAccountOutcome {
  accountKey: string;
  collectionAccountId: string;
  /** held entries now the collection account's */
  released: number;
  /** of them, booked entries queued for reconciliation */
  queued: number;
}

/**
 * Finance says a statement account is one of ours (issue 11 item 3): its held entries become
 * the collection account's and are reconciled like any other, and its later statements are read
 * as that collection account's. Audited; the admin API adds the Idempotency-Key.
 */
@Injectable()
export class AssignStatementAccountUseCase {
  private readonly logger = new Logger('statement-accounts');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: StatementRepository,
    private readonly audit: AuditRepository,
  ) {}

  execute(cmd: AssignStatementAccountCommand): Promise<AssignStatementAccountOutcome> {
    const accountKey = toAccountKey(cmd.account);
    return this.tx.run(async (tx) => {
      // an ingestion of this account waits, or is waited for: no entry is held after this commits
      await this.repo.lockAccountKey(tx, accountKey, 'exclusive');
      const target = await this.repo.collectionAccount(tx, cmd.collectionAccountId);
      if (!target) throw collectionAccountNotFound(cmd.collectionAccountId);
      const known = (await this.repo.collectionAccountsByKey()).find(
        (c) => (c.iban && toAccountKey(c.iban) === accountKey) || toAccountKey(c.accountNumber) === accountKey,
      );
      if (known) throw accountAlreadyAssigned(accountKey, known.id);
      const alias = await this.repo.aliasOf(tx, accountKey);
      if (alias && alias !== target.id) throw accountAlreadyAssigned(accountKey, alias);
      if (!(await this.repo.accountSeen(tx, accountKey))) throw accountNeverSeen(accountKey);
      await this.repo.createAlias(tx, { accountKey, collectionAccountId: target.id, assignedBy: cmd.actor.id });
      const { released, queued } = await this.repo.releaseHeldEntries(tx, accountKey, target.id, cmd.actor.id);
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'statement_account.assign',
        entityType: 'statement_account',
        entityId: accountKey,
        payload: { collectionAccountId: target.id, released, queued },
      });
      this.logger.log(
        `account ${accountKey} assigned to collection account ${target.id}: ${plural(released, 'entry', 'entries')} released`,
      );
      return { accountKey, collectionAccountId: target.id, released, queued };
    });
  }
}
