import { Injectable } from '@nestjs/common';
import {
  LedgerService,
  ReceivablesRepository,
  receivables,
  type AccountRef,
  type BalanceGuard,
  type Leg,
  type RepaymentInsert,
} from '@remitd/ledger';
import { Money } from '@remitd/money';
import type { SqlTx } from '@remitd/persistence';
import { BillingRepository } from './billing.repository';
import type { SourceAllocation, SourceKind } from './pay-bills';

export interface SourceAccount {
  id: string;
  kind: SourceKind;
  account: AccountRef;
  /** refunds: which refund rows the money comes from */
  refundId?: string;
}

export interface BillPayment {
  /** the journal's idempotency key: a replay pays nothing twice */
  key: string;
  kind: string;
  description: string;
  customerId: string;
  currency: string;
  allocations: SourceAllocation[];
  sources: SourceAccount[];
  guards?: BalanceGuard[];
  metadata?: Record<string, unknown>;
}

export interface PaymentResult {
  journalEntryId: string | null;
  created: boolean;
  repayments: { billId: string; method: SourceKind; amount: string }[];
  total: string;
  /** the bills this payment moved, as it left them */
  bills: { id: string; status: string; paid: string; amount: string }[];
}

/**
 * Executes bill payments decided by `payBills`: one journal (each source −, receivables +),
 * one repayment record per bill and source, bills moved forward, refund balances drawn down.
 * Every payment of a bill is a repayment record pointing at its journal entry.
 */
@Injectable()
export class BillPaymentService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly bills: ReceivablesRepository,
    private readonly repo: BillingRepository,
  ) {}

  async execute(tx: SqlTx, p: BillPayment): Promise<PaymentResult> {
    return (await this.executeMany(tx, [p]))[0];
  }

  /** Many payments (e.g. a write-off sweep over thousands of customers) in a fixed number of statements. */
  async executeMany(tx: SqlTx, payments: readonly BillPayment[]): Promise<PaymentResult[]> {
    const live = payments.map((p) => ({
      p,
      total: p.allocations.reduce((s, a) => s.plus(a.amount), Money.zero(p.currency)),
    }));
    const posting = live.filter((x) => x.total.isPositive());
    const journals = await this.ledger.postMany(
      tx,
      posting.map(({ p, total }) => {
        const bySource = new Map<string, Money>();
        for (const a of p.allocations) bySource.set(a.sourceId, bySource.get(a.sourceId)?.plus(a.amount) ?? a.amount);
        const legs: Leg[] = [...bySource].map(([id, amount]) => ({
          account: p.sources.find((s) => s.id === id)!.account,
          amount: amount.negated(),
        }));
        legs.push({ account: receivables(p.customerId, p.currency), amount: total });
        return {
          idempotencyKey: p.key,
          kind: p.kind,
          description: p.description,
          legs,
          guards: p.guards,
          metadata: {
            ...p.metadata,
            customerId: p.customerId,
            bills: p.allocations.map((a) => ({ billId: a.billId, source: a.kind, amount: a.amount.toString() })),
          },
        };
      }),
    );
    const journalOf = new Map(posting.map((x, n) => [x.p, journals[n]]));
    const rows: RepaymentInsert[] = [];
    const deltas = new Map<string, Money>();
    const refundUse = new Map<string, Money>();
    for (const { p } of posting) {
      const j = journalOf.get(p)!;
      if (!j.created) continue; // a replay: the first run already paid
      for (const a of p.allocations) {
        rows.push({
          billId: a.billId,
          customerId: p.customerId,
          method: a.kind,
          amount: a.amount.toString(),
          currency: p.currency,
          journalEntryId: j.journalEntryId,
          remittanceId: null,
        });
        deltas.set(a.billId, deltas.get(a.billId)?.plus(a.amount) ?? a.amount);
        const s = p.sources.find((x) => x.id === a.sourceId)!;
        if (s.refundId) refundUse.set(s.refundId, refundUse.get(s.refundId)?.plus(a.amount) ?? a.amount);
      }
    }
    const moved = await this.bills.applyBillPayments(
      tx,
      [...deltas].map(([billId, d]) => ({ billId, delta: d.toString() })),
    );
    const movedById = new Map(moved.map((b) => [b.id, b]));
    await this.bills.insertRepayments(tx, rows);
    await this.repo.useRefunds(
      tx,
      [...refundUse].map(([id, m]) => ({ id, amount: m.toString() })),
    );
    return live.map(({ p, total }) => {
      const j = journalOf.get(p);
      return {
        journalEntryId: j?.journalEntryId ?? null,
        created: j?.created ?? false,
        repayments: j?.created
          ? p.allocations.map((a) => ({ billId: a.billId, method: a.kind, amount: a.amount.toString() }))
          : [],
        total: total.toString(),
        bills: j?.created
          ? [...new Set(p.allocations.map((a) => a.billId))].flatMap((id) => movedById.get(id) ?? [])
          : [],
      };
    });
  }
}
