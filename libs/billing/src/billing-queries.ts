import { Injectable } from '@nestjs/common';
import { notFound, validationError } from '@remitd/core';
import { AccountCodes, customerBalanceOf, LedgerRepository, type CustomerBalanceKind } from '@remitd/ledger';
import { Money } from '@remitd/money';
import {
  AuditRepository,
  PrismaService,
  TransactionRunner,
  type Actor,
  type KeysetPosition,
} from '@remitd/persistence';
import { BillingRepository, type BillRow } from './billing.repository';
import { ChargesRepository } from './charges.repository';
import { assertCycle, billingPeriod, nextCycle, quarterEnd, settlementCycleOf } from './cycles';

const OPEN = ['unsettled', 'partly_paid', 'overdue'];

/** Today's date (UTC, as the overdue sweep counts days) as YYYY-MM-DD. */
/** seed 000: repayment records are shown for bills of this cycle onwards */
export const REPAYMENT_RECORDS_FROM = '2023-01';

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

/** One balance the customer holds, at the start and the end of a statement's range. */
export interface StatementBalance {
  balance: CustomerBalanceKind;
  cardId?: string;
  account: string;
  currency: string;
  openingBalance: string;
  closingBalance: string;
}

export interface StatementMovement {
  at: string;
  kind: string;
  description: string;
  /** change of the cash balance in the customer currency ("0.00" when the movement left it alone) */
  amount: string;
  /** the cash balance after the movement */
  runningBalance: string;
  journalEntryId: string;
  /** a receipt: what the customer remitted (the bank's booked amount + the fees reimbursed) */
  received?: string;
  feeReimbursed?: string;
  currencyReceived?: string;
  /** what the movement did to each of the customer's balances */
  changes: {
    balance: CustomerBalanceKind;
    cardId?: string;
    account: string;
    currency: string;
    amount: string;
    balanceAfter: string;
  }[];
  recordedBy?: string | null;
}

export interface CustomerStatement {
  customerId: string;
  currency: string;
  account: string;
  from: string | null;
  to: string | null;
  openingBalance: string;
  closingBalance: string;
  balances: StatementBalance[];
  movements: StatementMovement[];
}

/** A bill as the API shows it; amounts arrive as text (raw SQL) or Prisma decimals. */
export function billView(
  b: Omit<BillRow, 'amount' | 'paid'> & { amount: { toString(): string }; paid: { toString(): string } },
) {
  const amount = Money.fromStored(b.amount.toString(), b.currency);
  const paid = Money.fromStored(b.paid.toString(), b.currency);
  return {
    id: b.id,
    customerId: b.customerId,
    reference: b.reference,
    billingCycle: b.billingCycle,
    issuedAt: b.issuedAt.toISOString(),
    dueDate: b.dueDate,
    // issue 14: the months the bill covers and the terms its due date came from
    period: billingPeriod(b.billingCycle, b.settlementCycle === 'quarterly' ? 'quarterly' : 'monthly'),
    paymentTerms:
      b.paymentTermDays === null || b.paymentTermKind === null
        ? null
        : {
            settlementCycle: b.settlementCycle,
            paymentPeriodDays: b.paymentTermDays,
            paymentPeriodKind: b.paymentTermKind,
          },
    currency: b.currency,
    amount: amount.toString(),
    paid: paid.toString(),
    outstanding: amount.minus(paid).toString(),
    status: billStatusAt(b, todayUtc()),
  };
}

/** A refund with amounts in the currency's scale (Prisma's Decimal prints "45", not "45.00"). */
export function refundView<
  R extends { currency: string; amount: { toString(): string }; remaining: { toString(): string } },
>(r: R) {
  return {
    ...r,
    amount: Money.fromStored(r.amount.toString(), r.currency).toString(),
    remaining: Money.fromStored(r.remaining.toString(), r.currency).toString(),
  };
}

export function couponView<C extends { currency: string; amount: { toString(): string } }>(c: C) {
  return { ...c, amount: Money.fromStored(c.amount.toString(), c.currency).toString() };
}

@Injectable()
export class BillingQueries {
  constructor(
    private readonly prisma: PrismaService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditRepository,
    private readonly charges: ChargesRepository,
    private readonly billing: BillingRepository,
    private readonly ledger: LedgerRepository,
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
    servicePeriodStart?: string;
    servicePeriodEnd?: string;
    storedValueCardId?: string;
  }) {
    assertCycle(cmd.billingCycle);
    if ((cmd.servicePeriodStart === undefined) !== (cmd.servicePeriodEnd === undefined))
      throw validationError(
        'SERVICE_PERIOD_INCOMPLETE',
        `${cmd.servicePeriodStart === undefined ? 'servicePeriodStart' : 'servicePeriodEnd'}: give both ends of the service period, or neither`,
        cmd.servicePeriodStart === undefined ? 'servicePeriodStart' : 'servicePeriodEnd',
      );
    if (cmd.servicePeriodStart && cmd.servicePeriodEnd && cmd.servicePeriodEnd < cmd.servicePeriodStart)
      throw validationError(
        'SERVICE_PERIOD_REVERSED',
        `servicePeriodEnd: ${cmd.servicePeriodEnd} is before servicePeriodStart ${cmd.servicePeriodStart}`,
        'servicePeriodEnd',
      );
    return this.tx.run(async (tx) => {
      const c = await tx.customer.findUnique({ where: { id: cmd.customerId } });
      if (!c) throw notFound('customer', cmd.customerId);
      const amount = Money.of(cmd.amount, c.currency, 'amount');
      if (amount.isNegative()) throw validationError('AMOUNT_NEGATIVE', 'amount: must be ≥ 0', 'amount');
      if (cmd.storedValueCardId) {
        const card = await tx.storedValueCard.findUnique({ where: { id: cmd.storedValueCardId } });
        if (!card || card.customerId !== c.id)
          throw validationError(
            'UNKNOWN_STORED_VALUE_CARD',
            `storedValueCardId: ${cmd.storedValueCardId} is not a stored-value card of this customer`,
            'storedValueCardId',
          );
      }
      // seed 000: a quarterly customer gets one bill per quarter, so its charges go on the
      // quarter's last cycle (and, late, on the next quarter's): issue 14
      const quarterly = c.settlementCycle === 'quarterly';
      const target = settlementCycleOf(cmd.billingCycle, quarterly ? 'quarterly' : 'monthly');
      // holds the cycle's charge lock (shared) until commit: issuance of that cycle waits for this charge
      const billingCycle = await this.charges.openCycleFrom(
        tx,
        target,
        quarterly ? (cycle) => quarterEnd(nextCycle(cycle)) : nextCycle,
      );
      const row = await this.charges.insert(tx, {
        customerId: c.id,
        billingCycle,
        deferredFromCycle: billingCycle === target ? null : cmd.billingCycle,
        product: cmd.product,
        usage: cmd.usage,
        amount: amount.toString(),
        currency: c.currency,
        servicePeriodStart: cmd.servicePeriodStart ?? null,
        servicePeriodEnd: cmd.servicePeriodEnd ?? null,
        storedValueCardId: cmd.storedValueCardId ?? null,
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
        servicePeriodStart: charge.servicePeriodStart ?? null,
        servicePeriodEnd: charge.servicePeriodEnd ?? null,
        storedValueCardId: charge.storedValueCardId ?? null,
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
    // seed 000: "You can view repayment records only for bills from January 2023 onwards."
    const shown = b.billingCycle >= REPAYMENT_RECORDS_FROM;
    return {
      ...billView(b),
      lines: b.lines.map((l) => ({ product: l.product, usage: l.usage, amount: m(l.amount) })),
      repaymentRecordsAvailable: shown,
      repayments: (shown ? b.repayments : []).map((r) => ({
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

  /** Repayment records of bills of January 2023 onwards (seed 000; the bill's cycle, not the payment's date), by method. */
  async repayments(
    filter: { customerId?: string; billId?: string; method?: string; from?: Date; to?: Date },
    page: { after?: KeysetPosition; limit: number },
  ) {
    const { items, next } = await this.billing.repaymentPage(
      {
        customerId: filter.customerId,
        billId: filter.billId,
        method: filter.method,
        from: filter.from,
        to: filter.to,
        fromCycle: REPAYMENT_RECORDS_FROM,
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
   * Everything that moved the customer's money in a date range: receipts (with the bank fees the
   * provider reimbursed), bill payments, refunds, stored-value cards, transfers. One movement per
   * journal, with what it did to each balance (cash, refund, each card, bills paid) and that
   * balance after it; opening and closing balances of every balance the customer holds, zero
   * when nothing moved (issue 12 item 5). `amount`/`runningBalance` and `openingBalance`/
   * `closingBalance` are the cash balance in the customer currency, as before.
   * Who recorded a movement by hand (`recordedBy`) is shown to staff only; a member's statement
   * names a role, never a person (issue 11 item 12).
   */
  async statement(
    customerId: string,
    range: { from?: Date; to?: Date },
    view: { staff: boolean } = { staff: false },
  ): Promise<CustomerStatement> {
    const c = await this.prisma.customer.findUnique({ where: { id: customerId } });
    if (!c) throw notFound('customer', customerId);
    const code = AccountCodes.customerCash(c.id, c.currency);
    const [rows, accounts] = await Promise.all([
      this.ledger.customerPostings(c.id, range),
      this.ledger.customerAccountBalances(c.id, range),
    ]);
    const m = (x: string, ccy: string) => Money.fromStored(x, ccy).toString();
    const balances: StatementBalance[] = accounts.flatMap((a) => {
      const which = customerBalanceOf(a);
      if (!which) return [];
      return [
        {
          ...which,
          account: a.code,
          currency: a.currency,
          openingBalance: m(a.opening, a.currency),
          closingBalance: m(a.closing, a.currency),
        },
      ];
    });
    const cash = balances.find((b) => b.account === code);
    const openingCash = cash?.openingBalance ?? Money.zero(c.currency).toString();
    const closingCash = cash?.closingBalance ?? Money.zero(c.currency).toString();
    const movements: StatementMovement[] = [];
    const byJournal = new Map<string, StatementMovement>();
    let runningCash = openingCash;
    for (const r of rows) {
      const which = customerBalanceOf({ code: r.accountCode, kind: r.accountKind });
      if (!which) continue;
      let mv = byJournal.get(r.journalEntryId);
      if (!mv) {
        const fromBank = Money.fromStored(r.fromBank, r.currency);
        const fee = Money.fromStored(r.feeReimbursed, r.currency);
        mv = {
          at: r.createdAt.toISOString(),
          kind: JOURNAL_KIND_NAMES[r.journalKind] ?? r.journalKind,
          description: inCustomerWords(view.staff ? r.description : withoutStaffNames(r.description)),
          amount: Money.zero(c.currency).toString(),
          runningBalance: runningCash,
          journalEntryId: r.journalEntryId,
          ...(fromBank.isPositive() || fee.isPositive()
            ? { received: fromBank.plus(fee).toString(), feeReimbursed: fee.toString(), currencyReceived: r.currency }
            : {}),
          changes: [],
          ...(view.staff ? { recordedBy: r.recordedBy } : {}),
        };
        byJournal.set(r.journalEntryId, mv);
        movements.push(mv);
      }
      const amount = m(r.amount, r.currency);
      const after = m(r.balanceAfter, r.currency);
      mv.changes.push({ ...which, account: r.accountCode, currency: r.currency, amount, balanceAfter: after });
      if (r.accountCode === code) {
        mv.amount = Money.of(mv.amount, c.currency).plus(Money.fromStored(r.amount, c.currency)).toString();
        mv.runningBalance = runningCash = after;
      }
    }
    return {
      customerId: c.id,
      currency: c.currency,
      account: code,
      from: range.from?.toISOString() ?? null,
      to: range.to?.toISOString() ?? null,
      openingBalance: openingCash,
      closingBalance: closingCash,
      balances,
      movements,
    };
  }

  async cards(customerId: string) {
    const rows = await this.prisma.$queryRaw<
      { id: string; validMonth: string; currency: string; amount: string; balance: string; createdAt: Date }[]
    >`
      SELECT c.id::text, c.valid_month AS "validMonth", c.currency, c.amount::text, COALESCE(a.balance, 0)::text AS balance, c.created_at AS "createdAt"
      FROM stored_value_cards c LEFT JOIN ledger_accounts a ON a.code = 'customer:' || c.customer_id || ':card:' || c.id || ':' || c.currency
      WHERE c.customer_id = ${customerId}::uuid ORDER BY c.created_at`;
    return rows.map((r) => ({
      ...r,
      amount: Money.fromStored(r.amount, r.currency).toString(),
      balance: Money.fromStored(r.balance, r.currency).toString(),
    }));
  }

  async refunds(customerId: string) {
    return (await this.prisma.refund.findMany({ where: { customerId }, orderBy: { createdAt: 'asc' } })).map(
      refundView,
    );
  }

  async coupons(customerId: string) {
    return (await this.prisma.coupon.findMany({ where: { customerId }, orderBy: { createdAt: 'asc' } })).map(
      couponView,
    );
  }
}

/** Journal kinds as the API names them: journals written before issue 12 keep their stored kind. */
const JOURNAL_KIND_NAMES: Record<string, string> = { auto_write_off: 'automatic_bill_settlement' };

/** Journals written before issue 12 item 8 said "automatic write-off", which reads as a loss. */
function inCustomerWords(description: string): string {
  return description.replace(/^automatic write-off \(/, 'automatic bill settlement (');
}

/** Journals written before issue 11 item 12 named the staff key in the description. */
function withoutStaffNames(description: string): string {
  return description.replace(
    /^top-up recorded by (?!finance:|your account manager:|an administrator:|staff:)[^:]*:/,
    'top-up recorded by staff:',
  );
}
