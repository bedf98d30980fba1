import { Injectable } from '@nestjs/common';
import { notFound, validationError } from '@remitd/core';
import { AccountCodes } from '@remitd/ledger';
import { Money } from '@remitd/money';
import {
  AuditRepository,
  PrismaService,
  TransactionRunner,
  type Actor,
  type KeysetPosition,
} from '@remitd/persistence';
import { BillingRepository } from './billing.repository';
import { ChargesRepository } from './charges.repository';
import { assertCycle } from './cycles';

const OPEN = ['unsettled', 'partly_paid', 'overdue'];

/** Today's date (UTC, as the overdue sweep counts days) as YYYY-MM-DD. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * A bill's status as of `today`: an unpaid bill past its due date is overdue whether or not the
 * overdue sweep has run since (issue 12 item 3).
 */
export function billStatusAt(b: { status: string; dueDate: string | null }, today: string): string {
  return (b.status === 'unsettled' || b.status === 'partly_paid') && b.dueDate !== null && b.dueDate < today
    ? 'overdue'
    : b.status;
}

export function billView(b: {
  id: string;
  customerId: string;
  reference: string;
  billingCycle: string;
  issuedAt: Date;
  dueDate: string | null;
  currency: string;
  amount: { toString(): string };
  paid: { toString(): string };
  status: string;
}) {
  const amount = Money.fromStored(b.amount.toString(), b.currency);
  const paid = Money.fromStored(b.paid.toString(), b.currency);
  return {
    id: b.id,
    customerId: b.customerId,
    reference: b.reference,
    billingCycle: b.billingCycle,
    issuedAt: b.issuedAt.toISOString(),
    dueDate: b.dueDate,
    currency: b.currency,
    amount: amount.toString(),
    paid: paid.toString(),
    outstanding: amount.minus(paid).toString(),
    status: billStatusAt(b, todayUtc()),
  };
}

@Injectable()
export class BillingQueries {
  constructor(
    private readonly prisma: PrismaService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditRepository,
    private readonly charges: ChargesRepository,
    private readonly billing: BillingRepository,
  ) {}

  /**
   * Usage to bill: gathered into the cycle's bill when it is issued. A charge for a cycle already
   * issued is late and goes to the next cycle not yet issued (`billingCycle` in the answer;
   * `deferredFromCycle` is the cycle asked for): never nowhere (issue 11 item 4, see IssueBillsUseCase).
   */
  async addCharge(cmd: {
    actor: Actor;
    customerId: string;
    billingCycle: string;
    product: string;
    usage: string;
    amount: string;
  }) {
    assertCycle(cmd.billingCycle);
    return this.tx.run(async (tx) => {
      const c = await tx.customer.findUnique({ where: { id: cmd.customerId } });
      if (!c) throw notFound('customer', cmd.customerId);
      const amount = Money.of(cmd.amount, c.currency, 'amount');
      if (amount.isNegative()) throw validationError('AMOUNT_NEGATIVE', 'amount: must be ≥ 0', 'amount');
      // holds the cycle's charge lock (shared) until commit: issuance of that cycle waits for this charge
      const billingCycle = await this.charges.openCycleFrom(tx, cmd.billingCycle);
      const row = await this.charges.insert(tx, {
        customerId: c.id,
        billingCycle,
        deferredFromCycle: billingCycle === cmd.billingCycle ? null : cmd.billingCycle,
        product: cmd.product,
        usage: cmd.usage,
        amount: amount.toString(),
        currency: c.currency,
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'charge.create',
        entityType: 'customer',
        entityId: c.id,
        payload: {
          chargeId: row.id,
          amount: amount.toString(),
          billingCycle,
          ...(row.deferredFromCycle ? { deferredFromCycle: row.deferredFromCycle } : {}),
        },
      });
      return { ...row, billId: null, amount: amount.toString() };
    });
  }

  /**
   * A customer's charges (issue 12 item 2), `billed: false` for those still waiting for their
   * cycle's bill: what the next issuance will bill.
   */
  async listCharges(customerId: string, filter: { billed?: boolean }, page: { after?: KeysetPosition; limit: number }) {
    const c = await this.prisma.customer.findUnique({ where: { id: customerId }, select: { id: true } });
    if (!c) throw notFound('customer', customerId);
    const { items, next } = await this.charges.page(this.prisma, { customerId, billed: filter.billed }, page);
    return {
      items: items.map((charge) => ({
        id: charge.id,
        billingCycle: charge.billingCycle,
        deferredFromCycle: charge.deferredFromCycle,
        product: charge.product,
        usage: charge.usage,
        amount: Money.fromStored(charge.amount, charge.currency).toString(),
        currency: charge.currency,
        billId: charge.billId,
        createdAt: charge.createdAt.toISOString(),
      })),
      next,
    };
  }

  async bills(
    filter: { customerId?: string; status?: string; billingCycle?: string },
    page: { after?: KeysetPosition; limit: number },
  ) {
    const { items, next } = await this.billing.billPage(
      {
        customerId: filter.customerId,
        billingCycle: filter.billingCycle,
        statuses: filter.status === 'open' ? OPEN : filter.status ? [filter.status] : undefined,
        today: todayUtc(),
      },
      page,
    );
    return { items: items.map(billView), next };
  }

  async bill(id: string) {
    const b = await this.prisma.bill.findUnique({
      where: { id },
      include: { lines: true, repayments: { orderBy: { createdAt: 'asc' } } },
    });
    if (!b) throw notFound('bill', id);
    const m = (x: { toString(): string }) => Money.fromStored(x.toString(), b.currency).toString();
    return {
      ...billView(b),
      lines: b.lines.map((l) => ({ product: l.product, usage: l.usage, amount: m(l.amount) })),
      repayments: b.repayments.map((r) => ({
        id: r.id,
        method: r.method,
        amount: m(r.amount),
        journalEntryId: r.journalEntryId,
        remittanceId: r.remittanceId,
        createdAt: r.createdAt.toISOString(),
        reversedAt: r.reversedAt?.toISOString() ?? null,
      })),
    };
  }

  /** Repayment records (seed 000: from January 2023 onwards), by method. */
  async repayments(
    filter: { customerId?: string; billId?: string; method?: string; from?: Date; to?: Date },
    page: { after?: KeysetPosition; limit: number },
  ) {
    const since = new Date('2023-01-01T00:00:00Z');
    const { items, next } = await this.billing.repaymentPage(
      {
        customerId: filter.customerId,
        billId: filter.billId,
        method: filter.method,
        from: filter.from && filter.from > since ? filter.from : since,
        to: filter.to,
      },
      page,
    );
    return {
      items: items.map((r) => ({
        id: r.id,
        billId: r.billId,
        billReference: r.bill.reference,
        billingCycle: r.bill.billingCycle,
        customerId: r.customerId,
        method: r.method,
        amount: Money.fromStored(r.amount.toString(), r.currency).toString(),
        currency: r.currency,
        journalEntryId: r.journalEntryId,
        remittanceId: r.remittanceId,
        createdAt: r.createdAt.toISOString(),
        reversedAt: r.reversedAt?.toISOString() ?? null,
      })),
      next,
    };
  }

  /**
   * Ledger movements of the customer's cash account with the running balance, for a date range.
   * Who recorded a movement by hand (`recordedBy`) is shown to staff only; a member's statement
   * names a role, never a person (issue 11 item 12).
   */
  async statement(customerId: string, range: { from?: Date; to?: Date }, view: { staff: boolean } = { staff: false }) {
    const c = await this.prisma.customer.findUnique({ where: { id: customerId } });
    if (!c) throw notFound('customer', customerId);
    const code = AccountCodes.customerCash(c.id, c.currency);
    const rows = await this.prisma.$queryRaw<
      {
        id: bigint;
        journalEntryId: string;
        kind: string;
        description: string;
        amount: string;
        createdAt: Date;
        runningBalance: string;
        recordedBy: string | null;
      }[]
    >`
      SELECT * FROM (
        SELECT p.id, p.journal_entry_id::text AS "journalEntryId", j.kind, j.description, p.amount::text AS amount, p.created_at AS "createdAt",
               COALESCE(j.metadata->'recordedBy'->>'name', j.metadata->'recordedBy'->>'id') AS "recordedBy",
               (SUM(p.amount) OVER (ORDER BY p.id))::text AS "runningBalance"
        FROM postings p JOIN ledger_accounts a ON a.id = p.ledger_account_id JOIN journal_entries j ON j.id = p.journal_entry_id
        WHERE a.code = ${code}) m
      WHERE (${range.from ?? null}::timestamptz IS NULL OR m."createdAt" >= ${range.from ?? null}::timestamptz)
        AND (${range.to ?? null}::timestamptz IS NULL OR m."createdAt" < ${range.to ?? null}::timestamptz)
      ORDER BY m.id`;
    const m = (x: string) => Money.fromStored(x, c.currency).toString();
    const movements = rows.map((r) => ({
      at: r.createdAt.toISOString(),
      kind: r.kind,
      description: view.staff ? r.description : withoutStaffNames(r.description),
      amount: m(r.amount),
      runningBalance: m(r.runningBalance),
      journalEntryId: r.journalEntryId,
      ...(view.staff ? { recordedBy: r.recordedBy } : {}),
    }));
    const opening = movements.length
      ? Money.fromStored(rows[0].runningBalance, c.currency)
          .minus(Money.fromStored(rows[0].amount, c.currency))
          .toString()
      : null;
    return {
      customerId: c.id,
      currency: c.currency,
      account: code,
      from: range.from?.toISOString() ?? null,
      to: range.to?.toISOString() ?? null,
      openingBalance: opening,
      closingBalance: movements.at(-1)?.runningBalance ?? opening,
      movements,
    };
  }

  cards(customerId: string) {
    return this.prisma.$queryRaw<
      { id: string; validMonth: string; currency: string; amount: string; balance: string; createdAt: Date }[]
    >`
      SELECT c.id::text, c.valid_month AS "validMonth", c.currency, c.amount::text, COALESCE(a.balance, 0)::text AS balance, c.created_at AS "createdAt"
      FROM stored_value_cards c LEFT JOIN ledger_accounts a ON a.code = 'customer:' || c.customer_id || ':card:' || c.id || ':' || c.currency
      WHERE c.customer_id = ${customerId}::uuid ORDER BY c.created_at`;
  }

  refunds(customerId: string) {
    return this.prisma.refund.findMany({ where: { customerId }, orderBy: { createdAt: 'asc' } });
  }

  coupons(customerId: string) {
    return this.prisma.coupon.findMany({ where: { customerId }, orderBy: { createdAt: 'asc' } });
  }
}

/** Journals written before issue 11 item 12 named the staff key in the description. */
function withoutStaffNames(description: string): string {
  return description.replace(
    /^top-up recorded by (?!finance:|your account manager:|an administrator:|staff:)[^:]*:/,
    'top-up recorded by staff:',
  );
}
