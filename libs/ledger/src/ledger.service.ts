import { Injectable } from '@nestjs/common';
import { DomainError } from '@remitd/core';
import { Money } from '@remitd/money';
import type { SqlTx } from '@remitd/persistence';
import type { AccountRef } from './accounts';
import { LedgerRepository } from './ledger.repository';

export interface Leg {
  account: AccountRef;
  /** signed: negative leaves the account, positive enters it */
  amount: Money;
}

export interface BalanceGuard {
  account: AccountRef;
  /** the account's balance after the entry must stay ≥ this (e.g. 0, or −credit limit) */
  min: Money;
  code?: string;
  message?: string;
}

export interface JournalRequest {
  /** chosen by the caller when other rows must point at the journal before it is posted */
  id?: string;
  idempotencyKey: string;
  kind: string;
  description: string;
  metadata?: Record<string, unknown>;
  legs: readonly Leg[];
  guards?: readonly BalanceGuard[];
}

export interface JournalResult {
  journalEntryId: string;
  /** false when the idempotency key had already been posted: nothing moved this time */
  created: boolean;
  balances: Map<string, Money>;
}

/** A transfer between two accounts as two legs. */
export function transfer(from: AccountRef, to: AccountRef, amount: Money): Leg[] {
  return [
    { account: from, amount: amount.negated() },
    { account: to, amount },
  ];
}

/**
 * Posts double-entry journal entries. Legs must sum to zero per currency; each account holds
 * one currency; the journal is unique by idempotency key (a replay returns the first entry and
 * moves nothing); cached balances move in the same transaction, under row locks.
 */
@Injectable()
export class LedgerService {
  constructor(private readonly repo: LedgerRepository) {}

  async post(tx: SqlTx, req: JournalRequest): Promise<JournalResult> {
    return (await this.postMany(tx, [req]))[0];
  }

  /**
   * Posts many journals in a handful of set-based statements (the reconciliation hot path):
   * one insert of the journals, one of the postings, one balance update, whatever the count.
   * Results are in request order; `balances` holds every touched account's balance after all.
   */
  async postMany(tx: SqlTx, reqs: readonly JournalRequest[]): Promise<JournalResult[]> {
    if (!reqs.length) return [];
    const prepared = reqs.map((r) => ({ req: r, legs: validate(r) }));
    const keys = new Set<string>();
    for (const r of reqs) {
      if (keys.has(r.idempotencyKey))
        throw new DomainError(
          'JOURNAL_DUPLICATE_KEY',
          `journal key ${r.idempotencyKey} appears twice in one batch`,
          'unprocessable',
        );
      keys.add(r.idempotencyKey);
    }
    const created = await this.repo.insertJournals(tx, reqs);
    const replayed = reqs.filter((r) => !created.has(r.idempotencyKey)).map((r) => r.idempotencyKey);
    const existing = replayed.length ? await this.repo.journalIdsByKey(tx, replayed) : new Map<string, string>();
    const fresh = prepared.filter((p) => created.has(p.req.idempotencyKey));
    const accounts = fresh.flatMap((p) => [
      ...p.legs.map((l) => l.account),
      ...(p.req.guards ?? []).map((g) => g.account),
    ]);
    const balances = new Map<string, Money>();
    if (fresh.length) {
      const ids = await this.repo.ensureAccounts(tx, accounts);
      const after = await this.repo.applyPostings(
        tx,
        fresh.flatMap((p) =>
          p.legs.map((l) => ({
            journalId: created.get(p.req.idempotencyKey)!,
            accountId: ids.get(l.account.code)!,
            amount: l.amount,
          })),
        ),
      );
      for (const a of accounts) {
        if (balances.has(a.code)) continue;
        const b = after.get(ids.get(a.code)!);
        if (b !== undefined) balances.set(a.code, Money.fromStored(b, a.currency));
      }
      for (const p of fresh) {
        for (const g of p.req.guards ?? []) {
          const b = balances.get(g.account.code);
          if (b && b.lt(g.min)) {
            // Throwing rolls the whole transaction back: nothing of these journals stays.
            throw new DomainError(
              g.code ?? 'INSUFFICIENT_FUNDS',
              g.message ?? `${g.account.code} would fall to ${b.toString()} ${b.currency}, below ${g.min.toString()}`,
              'unprocessable',
            );
          }
        }
      }
    }
    return reqs.map((r) => {
      const id = created.get(r.idempotencyKey);
      return id
        ? { journalEntryId: id, created: true, balances }
        : { journalEntryId: existing.get(r.idempotencyKey)!, created: false, balances: new Map() };
    });
  }
}

function validate(req: JournalRequest): Leg[] {
  const legs = req.legs.filter((l) => !l.amount.isZero());
  if (legs.length < 2)
    throw new DomainError(
      'JOURNAL_TOO_FEW_LEGS',
      `journal ${req.idempotencyKey} needs two non-zero legs`,
      'unprocessable',
    );
  const totals = new Map<string, Money>();
  for (const l of legs) {
    if (l.amount.currency !== l.account.currency) {
      throw new DomainError(
        'JOURNAL_CURRENCY_MISMATCH',
        `account ${l.account.code} holds ${l.account.currency}, leg is ${l.amount.currency}`,
        'unprocessable',
      );
    }
    totals.set(l.amount.currency, totals.get(l.amount.currency)?.plus(l.amount) ?? l.amount);
  }
  for (const [ccy, t] of totals) {
    if (!t.isZero())
      throw new DomainError(
        'JOURNAL_UNBALANCED',
        `journal ${req.idempotencyKey} is off by ${t.toString()} ${ccy}`,
        'unprocessable',
      );
  }
  return legs;
}
