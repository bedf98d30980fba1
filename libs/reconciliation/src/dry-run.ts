import { Injectable } from '@nestjs/common';
import { AccountCodes } from '@remitd/ledger';
import { Money } from '@remitd/money';
import { PrismaService } from '@remitd/persistence';
import { accountKey, type ParsedStatement } from '@remitd/statements';
import { allocateOldestFirst } from './allocate-oldest-first';
import { ReconcileEntriesUseCase } from './reconcile-entries.usecase';
import type { PendingEntry } from './reconciliation.repository';

export interface DryRunLine {
  location: string;
  bankReference: string | null;
  direction: string;
  amount: string;
  currency: string;
  remitter: string | null;
  decision: 'credit' | 'unmatched' | 'debit' | 'reversal';
  customer: string | null;
  rule: string;
  confidence: number;
  explanation: string;
  flags: string[];
  creditedAmount: string | null;
  feeReimbursed: string | null;
  billsWouldSettle: { reference: string; amount: string; settles: boolean }[];
  balanceAfter: string | null;
}

/**
 * What the rules would decide for every entry of a file, against the current database, without
 * changing anything: how a person checks a rule change against past statements.
 */
@Injectable()
export class DryRunReconciliation {
  constructor(
    private readonly reconcile: ReconcileEntriesUseCase,
    private readonly prisma: PrismaService,
  ) {}

  async run(statements: ParsedStatement[]): Promise<DryRunLine[]> {
    const collections = await this.prisma.collectionAccount.findMany();
    const entries: PendingEntry[] = statements.flatMap((s, si) =>
      s.entries
        .filter((e) => e.status === 'BOOK')
        .map((e, ei) => ({
          id: `00000000-0000-0000-0000-${String(si * 1_000_000 + ei).padStart(12, '0')}`,
          accountKey: accountKey(s.account),
          collectionAccountId:
            collections.find(
              (c) =>
                accountKey(c.iban ?? '') === accountKey(s.account) ||
                accountKey(c.accountNumber) === accountKey(s.account),
            )?.id ?? null,
          fileId: 'dry-run',
          direction: e.direction,
          amount: e.amount.amount,
          currency: e.amount.currency,
          bookingDate: e.bookingDate,
          valueDate: e.valueDate,
          bankReference: e.bankReference,
          endToEndId: e.endToEndId,
          remitterName: e.remitterName,
          remitterAccount: e.remitterAccount,
          creditedAccount: e.creditedAccount,
          remittanceUnstructured: e.remittanceUnstructured,
          remittanceStructured: e.remittanceStructured,
          instructedAmount: e.instructedAmount?.amount ?? null,
          instructedCurrency: e.instructedAmount?.currency ?? null,
          chargesAmount: e.charges?.amount ?? null,
          chargesCurrency: e.charges?.currency ?? null,
          rail: e.rail,
          reversal: e.reversal,
          returnReasonCode: e.returnReasonCode,
          originalReference: e.originalReference,
          additionalInfo: e.additionalInfo,
        })),
    );
    const planned = await this.reconcile.plan(undefined, entries);
    const customerIds = [...new Set(planned.filter((p) => p.decision.kind === 'credit').map((p) => p.customer!.id))];
    const bills = await this.prisma.bill.findMany({
      where: { customerId: { in: customerIds }, status: { in: ['unsettled', 'partly_paid', 'overdue'] } },
    });
    const balances = new Map(
      (
        await this.prisma.ledgerAccount.findMany({ where: { customerId: { in: customerIds }, kind: 'customer_cash' } })
      ).map((a) => [a.code, Money.fromStored(a.balance.toString(), a.currency)]),
    );
    const open = new Map(
      bills.map((b) => [
        b.id,
        Money.fromStored(b.amount.toString(), b.currency).minus(Money.fromStored(b.paid.toString(), b.currency)),
      ]),
    );
    return planned.map((p, n) => {
      const e = entries[n];
      const d = p.decision;
      const line: DryRunLine = {
        location: statements.flatMap((s) => s.entries.filter((x) => x.status === 'BOOK'))[n].location,
        bankReference: e.bankReference,
        direction: e.direction,
        amount: p.booked.toString(),
        currency: e.currency,
        remitter: e.remitterName,
        decision: d.kind,
        customer: p.customer?.name ?? null,
        rule: d.rule,
        confidence: d.confidence,
        explanation: d.kind === 'credit' ? `${d.explanation}; ${p.feeExplanation}` : d.explanation,
        flags: d.kind === 'unmatched' ? d.flags : [],
        creditedAmount: null,
        feeReimbursed: null,
        billsWouldSettle: [],
        balanceAfter: null,
      };
      if (d.kind === 'credit') {
        const code = AccountCodes.customerCash(p.customer!.id, e.currency);
        const balance = (balances.get(code) ?? Money.zero(e.currency)).plus(p.remitted);
        // as crediting: with Automatic Bill Settlement off nothing is settled
        const candidates = bills
          .filter(
            (b) =>
              p.customer!.autoWriteOff &&
              b.customerId === p.customer!.id &&
              b.currency === e.currency &&
              open.get(b.id)!.isPositive(),
          )
          .map((b) => ({ id: b.id, issuedAt: b.issuedAt, open: open.get(b.id)! }));
        const { allocations, remaining } = allocateOldestFirst(
          balance.isPositive() ? balance : Money.zero(e.currency),
          candidates,
          p.customer!.partialLastBill,
        );
        for (const a of allocations) open.set(a.billId, open.get(a.billId)!.minus(a.amount));
        const spent = allocations.reduce((s, a) => s.plus(a.amount), Money.zero(e.currency));
        balances.set(code, balance.minus(spent));
        line.creditedAmount = p.remitted.toString();
        line.feeReimbursed = p.fee.toString();
        line.billsWouldSettle = allocations.map((a) => ({
          reference: bills.find((b) => b.id === a.billId)!.reference,
          amount: a.amount.toString(),
          settles: a.settles,
        }));
        line.balanceAfter = (balance.isPositive() ? remaining : balance).toString();
      }
      return line;
    });
  }
}
