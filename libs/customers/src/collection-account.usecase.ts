import { Injectable } from '@nestjs/common';
import { conflict, validationError } from '@remitd/core';
import { currency } from '@remitd/money';
import { AuditRepository, isUniqueViolation, TransactionRunner, type Actor } from '@remitd/persistence';
import { isValidAbaRoutingNumber, isValidIban, normalizeIban } from './check-digits';
import { invalidRoutingNumber } from './customers.errors';
import { VirtualAccountRepository } from './virtual-account.repository';

export interface CreateCollectionAccountCommand {
  actor: Actor;
  name: string;
  iban?: string | null;
  accountNumber?: string;
  bic?: string | null;
  /** US ABA routing number (issue 12 item 4), for ACH */
  routingNumber?: string | null;
  /** the legal name customers write as beneficiary (the e-mails and bills show it) */
  accountHolderName?: string | null;
  bankName?: string | null;
  currencies: string[];
}

/** A master (collection) bank account under which exclusive virtual accounts are allocated. */
@Injectable()
export class CreateCollectionAccountUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: VirtualAccountRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute(cmd: CreateCollectionAccountCommand) {
    const iban = cmd.iban ? normalizeIban(cmd.iban) : null;
    if (iban && !isValidIban(iban))
      throw validationError('INVALID_IBAN', `iban: "${cmd.iban}" fails the IBAN check`, 'iban');
    const accountNumber = cmd.accountNumber?.trim() || (iban ? iban.slice(4) : '');
    if (!accountNumber)
      throw validationError(
        'ACCOUNT_NUMBER_REQUIRED',
        'accountNumber: required when no IBAN is given',
        'accountNumber',
      );
    if (cmd.bic && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(cmd.bic))
      throw validationError('INVALID_BIC', `bic: "${cmd.bic}" is not a BIC`, 'bic');
    const routingNumber = cmd.routingNumber?.trim() || null;
    if (routingNumber !== null && !isValidAbaRoutingNumber(routingNumber)) throw invalidRoutingNumber(routingNumber);
    if (!cmd.currencies?.length) throw validationError('CURRENCIES_REQUIRED', 'currencies: at least one', 'currencies');
    const currencies = cmd.currencies.map((c, i) => currency(c, `currencies[${i}]`));
    return this.tx
      .run(async (tx) => {
        const row = await this.repo.createCollectionAccount(tx, {
          name: cmd.name,
          iban,
          accountNumber,
          bic: cmd.bic ?? null,
          routingNumber,
          accountHolderName: cmd.accountHolderName?.trim() || null,
          bankName: cmd.bankName?.trim() || null,
          currencies,
        });
        await this.audit.record(tx, {
          actor: cmd.actor,
          action: 'collection_account.create',
          entityType: 'collection_account',
          entityId: row.id,
          payload: { iban, accountNumber, routingNumber },
        });
        return row;
      })
      .catch((err: unknown) => {
        if (!isUniqueViolation(err)) throw err;
        throw conflict(
          'COLLECTION_ACCOUNT_EXISTS',
          `a collection account with IBAN or account number ${iban ?? accountNumber} already exists`,
        );
      });
  }
}
