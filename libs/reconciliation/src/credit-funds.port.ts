import { Injectable } from '@nestjs/common';
import type { CustomerRecord } from '@remitd/customers';
import { bankClearing } from '@remitd/ledger';
import { Money } from '@remitd/money';
import type { SqlTx } from '@remitd/persistence';
import { CreditingService, type CreditOutcome } from './crediting.service';

export interface CreditFundsCommand {
  customer: CustomerRecord;
  amount: Money;
  /** the collection account the money arrived on, when known */
  collectionAccountId: string | null;
  /** unique per crediting: a replay credits nothing twice */
  key: string;
  reference: string;
  description: string;
  /** the person who recorded it: kept in the journal for staff, never in the description members read */
  recordedBy?: { id: string; role: string; name: string | null };
}

/**
 * What other contexts may ask of reconciliation: credit money a person recorded for a customer
 * (a top-up finance saw on another account) exactly as a remittance is credited — the full
 * amount in, the oldest bills settled first, the "funds received" e-mail. Billing depends on
 * this port, never on reconciliation's repositories.
 */
@Injectable()
export class CreditFundsPort {
  constructor(private readonly crediting: CreditingService) {}

  async credit(tx: SqlTx, cmd: CreditFundsCommand): Promise<CreditOutcome> {
    const outcomes = await this.crediting.creditAndSettle(tx, [
      {
        remittanceId: null,
        key: cmd.key,
        customer: cmd.customer,
        booked: cmd.amount,
        remitted: cmd.amount,
        fee: Money.zero(cmd.amount.currency),
        source: bankClearing(cmd.collectionAccountId, cmd.amount.currency),
        receivedOn: new Date().toISOString().slice(0, 10),
        paymentReference: cmd.reference,
        description: cmd.description,
        recordedBy: cmd.recordedBy,
      },
    ]);
    return outcomes.get(cmd.key)!;
  }
}
