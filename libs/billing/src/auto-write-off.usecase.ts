import { CustomerRepository } from '@remitd/customers';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LedgerRepository, cashAccount } from '@remitd/ledger';
import { Money } from '@remitd/money';
import { TransactionRunner, type Tx } from '@remitd/persistence';
import { BillPaymentService, type BillPayment } from './bill-payment.service';
import { BillingRepository } from './billing.repository';
import { ChargesRepository } from './charges.repository';
import { writeOffSources } from './funding-sources';
import { payBills } from './pay-bills';

export interface WriteOffOutcome {
  customerId: string;
  paid: string;
  bills: number;
  skipped?: 'auto_write_off_off' | 'manual_payment_in_progress' | 'nothing_to_pay' | 'settlement_task';
}

/**
 * Automatic write-off (auto bill settlement, seed 000): pays issued bills while available
 * credit > 0, stored-value card first (same month only), then the refund balance, then the
 * account balance. Customers whose manual payment is running are skipped (paused) and picked
 * up by the next sweep. Set-based over many customers.
 */
@Injectable()
export class AutoWriteOffUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: BillingRepository,
    private readonly customers: CustomerRepository,
    private readonly ledger: LedgerRepository,
    private readonly payments: BillPaymentService,
    private readonly charges: ChargesRepository,
  ) {}

  async forCustomers(customerIds: string[], reason: string, chunk = 2000): Promise<WriteOffOutcome[]> {
    const out: WriteOffOutcome[] = [];
    for (let i = 0; i < customerIds.length; i += chunk) {
      out.push(
        ...(await this.tx.run((tx) => this.inTx(tx, customerIds.slice(i, i + chunk), reason), {
          timeoutMs: 10 * 60_000,
        })),
      );
    }
    return out;
  }

  /** Inside the caller's transaction (e.g. right after issuing bills or a top-up). */
  async inTx(tx: Tx, customerIds: string[], reason: string): Promise<WriteOffOutcome[]> {
    const payers = await this.customers.byIds(tx, [...new Set(customerIds)].sort(), { lock: true });
    const out: WriteOffOutcome[] = [];
    const active = [];
    const free = await this.repo.tryCustomerPaymentLocks(
      tx,
      payers.filter((p) => p.autoWriteOff).map((p) => p.id),
    );
    // seed 001: while a unified settlement task pays for a customer, its bills follow the task's order
    const inTask = await this.repo.inPayingSettlementTask(
      tx,
      payers.map((p) => p.id),
    );
    for (const p of payers) {
      if (inTask.has(p.id))
        out.push({ customerId: p.id, paid: Money.zero(p.currency).toString(), bills: 0, skipped: 'settlement_task' });
      else if (!p.autoWriteOff)
        out.push({
          customerId: p.id,
          paid: Money.zero(p.currency).toString(),
          bills: 0,
          skipped: 'auto_write_off_off',
        });
      else if (!free.has(p.id))
        out.push({
          customerId: p.id,
          paid: Money.zero(p.currency).toString(),
          bills: 0,
          skipped: 'manual_payment_in_progress',
        });
      else active.push(p);
    }
    if (!active.length) return out;
    const ids = active.map((p) => p.id);
    const [balances, bills, cards, refunds] = [
      await this.ledger.lockBalances(
        tx,
        active.map((p) => cashAccount(p.id, p.currency)),
      ),
      await this.repo.lockOpenBills(tx, ids),
      await this.repo.cards(tx, ids),
      await this.repo.openRefunds(tx, ids),
    ];
    const group = <T extends { customerId: string }>(xs: T[]) => {
      const m = new Map<string, T[]>();
      for (const x of xs) m.set(x.customerId, [...(m.get(x.customerId) ?? []), x]);
      return m;
    };
    const cardPayable = cards.length
      ? await this.charges.cardPayable(
          tx,
          bills.map((b) => b.id),
        )
      : undefined;
    const billsOf = group(bills);
    const cardsOf = group(cards);
    const refundsOf = group(refunds);
    const payments: BillPayment[] = [];
    for (const p of active) {
      const own = (billsOf.get(p.id) ?? []).filter((b) => b.currency === p.currency);
      if (!own.length) {
        out.push({ customerId: p.id, paid: Money.zero(p.currency).toString(), bills: 0, skipped: 'nothing_to_pay' });
        continue;
      }
      const { sources, accounts } = writeOffSources(p, {
        cards: cardsOf.get(p.id) ?? [],
        refunds: refundsOf.get(p.id) ?? [],
        cash: balances.get(cashAccount(p.id, p.currency).code) ?? '0',
        cardPayable,
      });
      const allocations = payBills(
        own.map((b) => ({
          id: b.id,
          billingCycle: b.billingCycle,
          issuedAt: b.issuedAt,
          open: Money.fromStored(b.amount, b.currency).minus(Money.fromStored(b.paid, b.currency)),
        })),
        sources,
        p.partialLastBill,
      );
      if (!allocations.length) {
        out.push({ customerId: p.id, paid: Money.zero(p.currency).toString(), bills: 0, skipped: 'nothing_to_pay' });
        continue;
      }
      payments.push({
        // one write-off per customer and set of bill states: a replay of the same sweep pays nothing twice
        key: `write-off:${p.id}:${createHash('sha256')
          .update(
            allocations.map((a) => `${a.billId}/${a.sourceId}/${a.amount.toString()}`).join(',') +
              '|' +
              own.map((b) => `${b.id}/${b.paid}`).join(','),
          )
          .digest('hex')
          .slice(0, 32)}`,
        kind: 'auto_write_off',
        // the API and e-mails say "automatic bill settlement": "write-off" reads as a loss (issue 12 item 8)
        description: `automatic bill settlement (${reason})`,
        customerId: p.id,
        currency: p.currency,
        allocations,
        sources: accounts,
      });
    }
    const results = await this.payments.executeMany(tx, payments);
    payments.forEach((p, n) =>
      out.push({
        customerId: p.customerId,
        paid: results[n].total,
        bills: new Set(p.allocations.map((a) => a.billId)).size,
      }),
    );
    return out;
  }
}
