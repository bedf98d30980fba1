import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import { conflict, DomainError, notFound, validationError } from '@remitd/core';
import { normalizeAccount } from '@remitd/matching';
import { allocateByWeights, Money } from '@remitd/money';
import {
  AuditRepository,
  PrismaService,
  TransactionRunner,
  type Actor,
  type KeysetPosition,
  type Tx,
} from '@remitd/persistence';
import { CustomerRepository, type CustomerRecord } from '@remitd/customers';
import { feeExpense, suspense } from '@remitd/ledger';
import { CreditingService, type CreditItem } from './crediting.service';
import { rawExcerpt } from './raw-excerpt';
import { RECONCILIATION_CONFIG, type ReconciliationConfig } from './reconcile-entries.usecase';
import { ReconciliationRepository } from './reconciliation.repository';
import {
  UnmatchedQueueRepository,
  type QueueFilter,
  type QueueSort,
  type VoucherRow,
} from './unmatched-queue.repository';

export interface Suggestion {
  customerId: string;
  customerName: string;
  score: number;
  reason: string;
}

const LEGAL_SUFFIXES = new Set([
  'LTD',
  'LIMITED',
  'LLC',
  'INC',
  'GMBH',
  'AG',
  'SA',
  'SAS',
  'BV',
  'NV',
  'PLC',
  'CO',
  'CORP',
  'KG',
  'OY',
  'AB',
  'SRL',
  'SPA',
  'THE',
]);
const tokens = (s: string) =>
  s
    .toUpperCase()
    .replace(/[^A-Z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 1 && !LEGAL_SUFFIXES.has(t));

/**
 * The unmatched queue for account managers: list, detail with ranked suggestions and the raw
 * bank excerpt, and the actions (assign, split, return to sender, fee reimbursement against a
 * voucher). Every action is role-checked by the API, runs in one transaction, and is audited;
 * assigning credits and settles exactly as an automatic match does.
 */
@Injectable()
export class UnmatchedQueue {
  constructor(
    private readonly prisma: PrismaService,
    private readonly tx: TransactionRunner,
    private readonly repo: ReconciliationRepository,
    private readonly customers: CustomerRepository,
    private readonly crediting: CreditingService,
    private readonly audit: AuditRepository,
    private readonly queue: UnmatchedQueueRepository,
    @Inject(RECONCILIATION_CONFIG) private readonly config: ReconciliationConfig,
  ) {}

  async list(
    actor: Actor,
    filter: QueueQuery,
    sort: QueueSort,
    page: { after?: KeysetPosition; limit: number },
    now = new Date(),
  ) {
    const { items, entries, next } = await this.queue.page(queueFilter(actor, filter), sort, now, page);
    return { items: items.map((r) => view(r, entries.get(r.entryId))), next };
  }

  /** The filtered queue's size, oldest item, how much is mine or nobody's, and totals per currency. */
  async summary(actor: Actor, filter: QueueQuery, now = new Date()) {
    const rows = await this.queue.summary(queueFilter(actor, filter), actor.id, now);
    const oldest = rows.reduce<Date | null>((min, r) => (r.oldest && (!min || r.oldest < min) ? r.oldest : min), null);
    return {
      count: rows.reduce((n, r) => n + r.n, 0),
      oldestCreatedAt: oldest?.toISOString() ?? null,
      mine: rows.reduce((n, r) => n + r.mine, 0),
      unowned: rows.reduce((n, r) => n + r.unowned, 0),
      byCurrency: rows.map((r) => ({
        currency: r.currency,
        count: r.n,
        amount: Money.fromStored(r.amount, r.currency).toString(),
      })),
    };
  }

  /**
   * Takes an item for someone ("my queue") or gives it back (null). The owner is an actor id;
   * its name is the caller's own name for "me", else the name given, else the id itself.
   */
  async setOwner(cmd: { actor: Actor; remittanceId: string; ownerId: string | null; ownerName?: string }) {
    const ownerId = cmd.ownerId === 'me' ? cmd.actor.id : cmd.ownerId;
    if (ownerId !== null && (!ownerId.trim() || ownerId.length > 100))
      throw validationError('INVALID_OWNER', 'ownerId: an actor id of 1 to 100 characters, "me" or null', 'ownerId');
    const owner =
      ownerId === null
        ? null
        : {
            id: ownerId,
            name: (ownerId === cmd.actor.id ? cmd.actor.name : undefined) ?? cmd.ownerName?.trim() ?? ownerId,
          };
    return this.tx.run(async (tx) => {
      const r = await this.repo.lockRemittance(tx, cmd.remittanceId);
      if (!r) throw notFound('remittance', cmd.remittanceId);
      const updated = await this.queue.setOwner(tx, r.id, owner);
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'remittance.owner',
        entityType: 'remittance',
        entityId: r.id,
        payload: { ownerId: owner?.id ?? null, ownerName: owner?.name ?? null, previousOwnerId: r.ownerId },
      });
      return view(updated, await this.repo.entry(tx, r.entryId));
    });
  }

  async addComment(cmd: { actor: Actor; remittanceId: string; body: string }) {
    const body = cmd.body?.trim();
    if (!body || body.length > 4000)
      throw validationError('INVALID_COMMENT', 'body: a comment of 1 to 4000 characters', 'body');
    return this.tx.run(async (tx) => {
      const r = await this.repo.lockRemittance(tx, cmd.remittanceId);
      if (!r) throw notFound('remittance', cmd.remittanceId);
      const comment = await this.queue.addComment(tx, {
        remittanceId: r.id,
        authorId: cmd.actor.id,
        authorName: cmd.actor.name ?? cmd.actor.id,
        body,
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'remittance.comment',
        entityType: 'remittance',
        entityId: r.id,
        payload: { commentId: comment.id },
      });
      return commentView(comment);
    });
  }

  async comments(remittanceId: string, page: { after?: KeysetPosition; limit: number }) {
    await this.mustExist(remittanceId);
    const { items, next } = await this.queue.commentPage(remittanceId, page);
    return { items: items.map(commentView), next };
  }

  /**
   * Keeps a remittance voucher (the customer's proof of what they sent), once per content: the
   * same file again answers the voucher already kept. Its reference is what a fee reimbursement
   * cites.
   */
  async addVoucher(cmd: {
    actor: Actor;
    remittanceId: string;
    filename: string;
    contentType: string;
    content: Buffer;
  }) {
    const sha256 = createHash('sha256').update(cmd.content).digest('hex');
    return this.tx.run(async (tx) => {
      const r = await this.repo.lockRemittance(tx, cmd.remittanceId);
      if (!r) throw notFound('remittance', cmd.remittanceId);
      const { voucher, created } = await this.queue.addVoucher(tx, {
        remittanceId: r.id,
        sha256,
        filename: cmd.filename,
        contentType: cmd.contentType,
        content: cmd.content,
        uploadedBy: cmd.actor.id,
      });
      if (created)
        await this.audit.record(tx, {
          actor: cmd.actor,
          action: 'remittance.voucher',
          entityType: 'remittance',
          entityId: r.id,
          payload: { voucherId: voucher.id, reference: voucherReference(sha256), filename: voucher.filename },
        });
      return { ...voucherView(voucher), replayed: !created };
    });
  }

  async voucher(remittanceId: string, voucherId: string) {
    const v = await this.queue.voucherContent(remittanceId, voucherId);
    if (!v) throw notFound('voucher', voucherId);
    return { ...voucherView(v), content: v.content };
  }

  private async mustExist(id: string) {
    if (!(await this.repo.remittance(undefined, id))) throw notFound('remittance', id);
  }

  async detail(id: string) {
    const r = await this.repo.remittance(undefined, id);
    if (!r) throw notFound('remittance', id);
    const entry = (await this.repo.entry(undefined, r.entryId))!;
    const file = await this.prisma.statementFile.findUnique({ where: { id: entry.fileId } });
    const repayments = await this.prisma.repayment.findMany({
      where: { remittanceId: id },
      include: { bill: { select: { reference: true, billingCycle: true } } },
    });
    const [comments, vouchers] = await Promise.all([this.queue.latestComments(id, 100), this.queue.vouchers(id)]);
    return {
      ...view(r, entry),
      comments: comments.map(commentView),
      vouchers: vouchers.map(voucherView),
      entry: {
        ...entry,
        amount: bankAmount(entry.amount, entry.currency),
        instructedAmount: entry.instructedAmount
          ? bankAmount(entry.instructedAmount, entry.instructedCurrency ?? entry.currency)
          : null,
        chargesAmount: entry.chargesAmount
          ? bankAmount(entry.chargesAmount, entry.chargesCurrency ?? entry.currency)
          : null,
      },
      file: file
        ? {
            id: file.id,
            name: file.fileName,
            format: file.format,
            sourceId: file.sourceId,
            receivedAt: file.receivedAt,
          }
        : null,
      rawExcerpt: file ? await rawExcerpt(file.storedPath, entry.location) : null,
      suggestions: r.state === 'unmatched' ? await this.suggestions(r.customerId, entry) : [],
      repayments: repayments.map((p) => ({
        billReference: p.bill.reference,
        cycle: p.bill.billingCycle,
        amount: Money.fromStored(p.amount.toString(), p.currency).toString(),
        method: p.method,
        reversedAt: p.reversedAt,
      })),
    };
  }

  /** Ranked: the customer a rule pointed at, fuzzy remitter name, amount = one open bill, amount = a customer's oldest open bills. */
  async suggestions(
    pointedAt: string | null,
    e: { remitterName: string | null; amount: { toString(): string }; currency: string },
  ): Promise<Suggestion[]> {
    const out = new Map<string, Suggestion>();
    const add = (s: Suggestion) => {
      const prev = out.get(s.customerId);
      if (!prev || prev.score < s.score)
        out.set(s.customerId, prev ? { ...s, reason: `${s.reason}; ${prev.reason}` } : s);
    };
    if (pointedAt) {
      const c = await this.prisma.customer.findUnique({ where: { id: pointedAt } });
      if (c)
        add({ customerId: c.id, customerName: c.name, score: 0.8, reason: 'a matching rule pointed at this customer' });
    }
    const remitterTokens = e.remitterName ? tokens(e.remitterName) : [];
    const longest = [...remitterTokens].sort((a, b) => b.length - a.length)[0];
    if (longest) {
      const candidates = await this.prisma.customer.findMany({
        where: { name: { contains: longest, mode: 'insensitive' } },
        take: 50,
        select: { id: true, name: true },
      });
      for (const c of candidates) {
        const ct = new Set(tokens(c.name));
        const inter = remitterTokens.filter((t) => ct.has(t)).length;
        const score = inter / new Set([...remitterTokens, ...ct]).size;
        if (score >= 0.3)
          add({
            customerId: c.id,
            customerName: c.name,
            score: Math.round(score * 70) / 100,
            reason: `remitter name "${e.remitterName}" resembles "${c.name}"`,
          });
      }
    }
    const amount = e.amount.toString();
    const single = await this.prisma.$queryRaw<{ customerId: string; name: string; reference: string }[]>`
      SELECT b.customer_id::text AS "customerId", c.name, b.reference FROM bills b JOIN customers c ON c.id = b.customer_id
      WHERE b.status IN ('unsettled', 'partly_paid', 'overdue') AND b.currency = ${e.currency} AND b.amount - b.paid = ${amount}::numeric LIMIT 5`;
    for (const s of single)
      add({
        customerId: s.customerId,
        customerName: s.name,
        score: 0.5,
        reason: `the amount equals open bill ${s.reference}`,
      });
    const sums = await this.prisma.$queryRaw<{ customerId: string; name: string; n: number }[]>`
      SELECT x."customerId", c.name, x.n::int FROM (
        SELECT customer_id::text AS "customerId", customer_id, SUM(amount - paid) OVER w AS cum, ROW_NUMBER() OVER w AS n
        FROM bills WHERE status IN ('unsettled', 'partly_paid', 'overdue') AND currency = ${e.currency}
        WINDOW w AS (PARTITION BY customer_id ORDER BY issued_at, id)) x JOIN customers c ON c.id = x.customer_id
      WHERE x.cum = ${amount}::numeric AND x.n > 1 LIMIT 5`;
    for (const s of sums)
      add({
        customerId: s.customerId,
        customerName: s.name,
        score: 0.6,
        reason: `the amount equals the customer's ${s.n} oldest open bills`,
      });
    return [...out.values()].sort((a, b) => b.score - a.score).slice(0, 10);
  }

  async assign(cmd: {
    actor: Actor;
    remittanceId: string;
    customerId: string;
    rememberRemitterAccount?: boolean;
    note?: string;
  }) {
    return this.tx.run(async (tx) => {
      const { r, entry } = await this.lockUnmatched(tx, cmd.remittanceId);
      const customer = await this.customer(tx, cmd.customerId, r.currency);
      const item = this.itemFor(
        r,
        entry,
        customer,
        `assign:${r.id}`,
        Money.fromStored(r.bookedAmount.toString(), r.currency),
        Money.fromStored(r.remittedAmount.toString(), r.currency),
      );
      const outcome = (await this.crediting.creditAndSettle(tx, [item])).get(item.key)!;
      if (cmd.rememberRemitterAccount) {
        const account = normalizeAccount(entry.remitterAccount);
        if (!account)
          throw validationError(
            'NO_REMITTER_ACCOUNT',
            'rememberRemitterAccount: the remittance carries no remitter account',
            'rememberRemitterAccount',
          );
        const owner = await this.repo.rememberRemitter(tx, {
          account,
          customerId: customer.id,
          remitterName: entry.remitterName,
          learnedFromId: r.id,
          learnedBy: cmd.actor.name ?? cmd.actor.id,
        });
        if (owner !== customer.id)
          throw conflict(
            'REMITTER_ACCOUNT_KNOWN',
            `remitter account ${account} is already known for another customer (${owner})`,
          );
      }
      const updated = await this.repo.updateRemittance(tx, r.id, {
        state: 'credited',
        customerId: customer.id,
        rule: 'manual',
        confidence: '1',
        explanation: `assigned to ${customer.name} by ${cmd.actor.name ?? cmd.actor.id}${cmd.note ? `: ${cmd.note}` : ''} (was: ${r.explanation})`,
        feeReimbursed: item.fee.toString(),
        creditJournalId: outcome.creditJournalId,
        settlementJournalId: outcome.settlementJournalId,
        resolvedBy: cmd.actor.id,
        resolvedAt: new Date(),
        note: cmd.note,
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'remittance.assign',
        entityType: 'remittance',
        entityId: r.id,
        payload: {
          customerId: customer.id,
          amount: item.remitted.toString(),
          currency: r.currency,
          rememberRemitterAccount: !!cmd.rememberRemitterAccount,
          billsSettled: outcome.settled.length,
        },
      });
      return { ...view(updated, entry), settled: outcome.settled, balanceAfter: outcome.balanceAfter.toString() };
    });
  }

  async split(cmd: {
    actor: Actor;
    remittanceId: string;
    parts: { customerId: string; amount: string }[];
    note?: string;
  }) {
    if (!cmd.parts?.length || cmd.parts.length < 2)
      throw validationError('SPLIT_NEEDS_PARTS', 'parts: a split needs at least two parts', 'parts');
    return this.tx.run(async (tx) => {
      const { r, entry } = await this.lockUnmatched(tx, cmd.remittanceId);
      const ccy = r.currency;
      const remitted = Money.fromStored(r.remittedAmount.toString(), ccy);
      const booked = Money.fromStored(r.bookedAmount.toString(), ccy);
      const parts = cmd.parts.map((p, n) => ({ ...p, money: Money.of(p.amount, ccy, `parts[${n}].amount`) }));
      if (parts.some((p) => !p.money.isPositive()))
        throw validationError('SPLIT_PART_NOT_POSITIVE', 'parts: every part must be > 0', 'parts');
      const total = parts.reduce((s, p) => s.plus(p.money), Money.zero(ccy));
      if (!total.equals(remitted))
        throw validationError(
          'SPLIT_SUM_MISMATCH',
          `parts: they sum to ${total.toString()} but the remittance is ${remitted.toString()} ${ccy}`,
          'parts',
        );
      // the booked money is shared in proportion to the parts; each part's difference is its share of the fee
      const bookedParts = allocateByWeights(
        booked,
        parts.map((p) => p.money.toString()),
      );
      const items: CreditItem[] = [];
      for (const [n, p] of parts.entries()) {
        const customer = await this.customer(tx, p.customerId, ccy);
        items.push(this.itemFor(r, entry, customer, `split:${r.id}:${n}`, bookedParts[n], p.money));
      }
      const outcomes = await this.crediting.creditAndSettle(tx, items);
      const updated = await this.repo.updateRemittance(tx, r.id, {
        state: 'split',
        rule: 'manual',
        confidence: '1',
        resolvedBy: cmd.actor.id,
        resolvedAt: new Date(),
        note: cmd.note,
        feeReimbursed: remitted.minus(booked).toString(),
        explanation: `split by ${cmd.actor.name ?? cmd.actor.id} across ${items.map((i) => `${i.customer.name} ${i.remitted.toString()}`).join(', ')} (was: ${r.explanation})`,
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'remittance.split',
        entityType: 'remittance',
        entityId: r.id,
        payload: { parts: cmd.parts, currency: ccy },
      });
      return {
        ...view(updated, entry),
        parts: items.map((i) => ({
          customerId: i.customer.id,
          amount: i.remitted.toString(),
          settled: outcomes.get(i.key)!.settled,
        })),
      };
    });
  }

  async markForReturn(cmd: { actor: Actor; remittanceId: string; reason: string }) {
    if (!cmd.reason?.trim()) throw validationError('REASON_REQUIRED', 'reason: say why the money goes back', 'reason');
    return this.tx.run(async (tx) => {
      const { r, entry } = await this.lockUnmatched(tx, cmd.remittanceId);
      // the money stays in suspense until the bank's return shows up on a statement and closes it
      const updated = await this.repo.updateRemittance(tx, r.id, {
        state: 'return_requested',
        resolvedBy: cmd.actor.id,
        resolvedAt: new Date(),
        note: cmd.reason,
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'remittance.return_requested',
        entityType: 'remittance',
        entityId: r.id,
        payload: {
          reason: cmd.reason,
          amount: Money.fromStored(r.bookedAmount.toString(), r.currency).toString(),
          currency: r.currency,
        },
      });
      return view(updated, entry);
    });
  }

  /**
   * The bank showed no fees, but the customer's remittance voucher shows a larger amount: the
   * difference is reimbursed (bounded by the cap) and settles bills like any credit.
   */
  async recordFeeReimbursement(cmd: { actor: Actor; remittanceId: string; amount: string; voucherReference: string }) {
    if (!cmd.voucherReference?.trim())
      throw validationError('VOUCHER_REQUIRED', 'voucherReference: required', 'voucherReference');
    return this.tx.run(async (tx) => {
      const r = await this.repo.lockRemittance(tx, cmd.remittanceId);
      if (!r) throw notFound('remittance', cmd.remittanceId);
      if (r.state !== 'credited' || !r.customerId)
        throw conflict(
          'REMITTANCE_NOT_CREDITED',
          `remittance ${r.id} is ${r.state}: fees are reimbursed on credited remittances`,
        );
      const ccy = r.currency;
      const amount = Money.of(cmd.amount, ccy, 'amount');
      if (!amount.isPositive()) throw validationError('AMOUNT_NOT_POSITIVE', 'amount: must be > 0', 'amount');
      const existing = await tx.feeReimbursement.findUnique({
        where: { remittanceId_voucherReference: { remittanceId: r.id, voucherReference: cmd.voucherReference } },
      });
      if (existing) {
        if (!Money.fromStored(existing.amount.toString(), ccy).equals(amount))
          throw conflict(
            'VOUCHER_ALREADY_USED',
            `voucher ${cmd.voucherReference} was recorded with ${Money.fromStored(existing.amount.toString(), ccy).toString()} ${ccy}`,
          );
        return {
          id: existing.id,
          remittanceId: r.id,
          amount: amount.toString(),
          currency: ccy,
          voucherReference: existing.voucherReference,
          journalEntryId: existing.journalEntryId,
          replayed: true,
        };
      }
      const cap = this.config.feeReimbursementCaps[ccy];
      const totalFee = Money.fromStored(r.feeReimbursed.toString(), ccy).plus(amount);
      if (cap === undefined || totalFee.gt(Money.of(cap, ccy))) {
        throw new DomainError(
          'FEE_ABOVE_CAP',
          `amount: fees reimbursed on this remittance would reach ${totalFee.toString()} ${ccy}, above the cap ${cap ?? '(none set for ' + ccy + ')'}`,
          'unprocessable',
          'amount',
        );
      }
      const entry = (await this.repo.entry(tx, r.entryId))!;
      const customer = await this.customer(tx, r.customerId, ccy);
      const item: CreditItem = {
        ...this.itemFor(r, entry, customer, `fee-voucher:${r.id}:${cmd.voucherReference}`, amount, amount),
        source: feeExpense(ccy),
        fee: Money.zero(ccy),
        notify: false,
        description: `bank fee reimbursed against voucher ${cmd.voucherReference}`,
      };
      const outcome = (await this.crediting.creditAndSettle(tx, [item])).get(item.key)!;
      const row = await tx.feeReimbursement.create({
        data: {
          remittanceId: r.id,
          voucherReference: cmd.voucherReference,
          amount: amount.toString(),
          currency: ccy,
          journalEntryId: outcome.creditJournalId,
          createdBy: cmd.actor.id,
        },
      });
      await this.repo.updateRemittance(tx, r.id, {
        feeReimbursed: totalFee.toString(),
        remittedAmount: Money.fromStored(r.remittedAmount.toString(), ccy).plus(amount).toString(),
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'remittance.fee_reimbursement',
        entityType: 'remittance',
        entityId: r.id,
        payload: { amount: amount.toString(), currency: ccy, voucherReference: cmd.voucherReference },
      });
      return {
        id: row.id,
        remittanceId: r.id,
        amount: amount.toString(),
        currency: ccy,
        voucherReference: row.voucherReference,
        journalEntryId: row.journalEntryId,
        settled: outcome.settled,
        replayed: false,
      };
    });
  }

  private itemFor(
    r: { id: string; currency: string },
    entry: {
      collectionAccountId: string | null;
      valueDate: string | null;
      bookingDate: string | null;
      endToEndId: string | null;
      bankReference: string | null;
      remitterName: string | null;
    },
    customer: CustomerRecord,
    key: string,
    booked: Money,
    remitted: Money,
  ): CreditItem {
    return {
      remittanceId: r.id,
      key,
      customer,
      booked,
      remitted,
      fee: remitted.minus(booked),
      source: suspense(r.currency),
      receivedOn: entry.valueDate ?? entry.bookingDate ?? new Date().toISOString().slice(0, 10),
      paymentReference: entry.endToEndId ?? entry.bankReference,
      description: `unmatched remittance ${entry.bankReference ?? r.id} from ${entry.remitterName ?? 'unknown remitter'} resolved`,
    };
  }

  private async lockUnmatched(tx: Tx, id: string) {
    const r = await this.repo.lockRemittance(tx, id);
    if (!r) throw notFound('remittance', id);
    if (r.state !== 'unmatched')
      throw conflict('REMITTANCE_NOT_UNMATCHED', `remittance ${id} is ${r.state}, not in the unmatched queue`);
    if (r.flags.includes('return_without_original'))
      throw conflict(
        'REMITTANCE_IS_A_RETURN',
        `remittance ${id} is money that left the account; it cannot be credited`,
      );
    return { r, entry: (await this.repo.entry(tx, r.entryId))! };
  }

  private async customer(tx: Tx, id: string, ccy: string): Promise<CustomerRecord> {
    const [c] = await this.customers.byIds(tx, [id]);
    if (!c) throw notFound('customer', id);
    if (!c.currencies.includes(ccy))
      throw new DomainError(
        'CURRENCY_NOT_HELD',
        `customerId: ${c.name} holds no ${ccy} account`,
        'unprocessable',
        'customerId',
      );
    return c;
  }
}

function view(
  r: {
    id: string;
    entryId: string;
    state: string;
    customerId: string | null;
    rule: string;
    confidence: { toString(): string };
    explanation: string;
    flags: string[];
    currency: string;
    bookedAmount: { toString(): string };
    remittedAmount: { toString(): string };
    feeReimbursed: { toString(): string };
    createdAt: Date;
    resolvedBy: string | null;
    resolvedAt: Date | null;
    note: string | null;
    ownerId: string | null;
    ownerName: string | null;
    commentCount: number;
  },
  e?: {
    collectionAccountId: string | null;
    remitterName: string | null;
    remitterAccount: string | null;
    bookingDate: string | null;
    valueDate: string | null;
    bankReference: string | null;
    remittanceUnstructured: string | null;
    remittanceStructured: string | null;
    rail: string;
  } | null,
) {
  const m = (x: { toString(): string }) => Money.fromStored(x.toString(), r.currency).toString();
  return {
    id: r.id,
    entryId: r.entryId,
    state: r.state,
    customerId: r.customerId,
    rule: r.rule,
    confidence: Number(r.confidence.toString()),
    explanation: r.explanation,
    flags: r.flags,
    currency: r.currency,
    bookedAmount: m(r.bookedAmount),
    remittedAmount: m(r.remittedAmount),
    feeReimbursed: m(r.feeReimbursed),
    remitterName: e?.remitterName ?? null,
    remitterAccount: e?.remitterAccount ?? null,
    bankReference: e?.bankReference ?? null,
    rail: e?.rail ?? null,
    valueDate: e?.valueDate ?? e?.bookingDate ?? null,
    remittanceInformation: [e?.remittanceStructured, e?.remittanceUnstructured].filter(Boolean).join(' ') || null,
    createdAt: r.createdAt.toISOString(),
    resolvedBy: r.resolvedBy,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    note: r.note,
    collectionAccountId: e?.collectionAccountId ?? null,
    owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? r.ownerId } : null,
    commentCount: r.commentCount,
  };
}

/** The queue's filters as the API takes them: `owner` is "me", "none" or an actor id. */
export type QueueQuery = Omit<QueueFilter, 'state' | 'ownerId' | 'text'> & {
  state?: string;
  owner?: string;
  q?: string;
};

function queueFilter(actor: Actor, q: QueueQuery): QueueFilter {
  const { owner, q: text, state, ...rest } = q;
  if (rest.minAmount !== undefined && rest.maxAmount !== undefined && new Decimal(rest.minAmount).gt(rest.maxAmount))
    throw validationError('INVALID_AMOUNT_RANGE', 'maxAmount: below minAmount', 'maxAmount');
  if (rest.minAgeDays !== undefined && rest.maxAgeDays !== undefined && rest.minAgeDays > rest.maxAgeDays)
    throw validationError('INVALID_AGE_RANGE', 'maxAgeDays: below minAgeDays', 'maxAgeDays');
  return {
    ...rest,
    state: state ?? 'unmatched',
    ownerId: owner === undefined ? undefined : owner === 'none' ? null : owner === 'me' ? actor.id : owner,
    text: text?.trim() || undefined,
  };
}

/** `VOUCHER-` and the first 12 hex digits of the content's sha256: what a fee reimbursement cites. */
export const voucherReference = (sha256: string) => `VOUCHER-${sha256.slice(0, 12)}`;

function voucherView(v: VoucherRow) {
  return {
    id: v.id,
    reference: voucherReference(v.sha256),
    filename: v.filename,
    contentType: v.contentType,
    size: v.size,
    sha256: v.sha256,
    uploadedBy: v.uploadedBy,
    createdAt: v.createdAt.toISOString(),
  };
}

function commentView(c: { id: string; authorId: string; authorName: string; body: string; createdAt: Date }) {
  return {
    id: c.id,
    authorId: c.authorId,
    authorName: c.authorName,
    body: c.body,
    createdAt: c.createdAt.toISOString(),
  };
}

/** A bank's amount in its currency's scale; one finer than the currency allows is shown as the bank wrote it. */
function bankAmount(amount: { toString(): string }, currency: string): string {
  try {
    return Money.fromStored(amount.toString(), currency).toString();
  } catch {
    return amount.toString();
  }
}
