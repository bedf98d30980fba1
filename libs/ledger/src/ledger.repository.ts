import { Injectable } from '@nestjs/common';
import { Money } from '@remitd/money';
import { afterCommit, PrismaService, type Tx } from '@remitd/persistence';
import type { AccountRef } from './accounts';

export interface BalanceMismatch {
  accountId: string;
  code: string;
  cached: string;
  sumOfPostings: string;
}

export interface UnbalancedJournal {
  journalEntryId: string;
  currency: string;
  total: string;
}

/** Only place the ledger touches SQL. Set-based statements: one round trip per step, not per row. */
@Injectable()
export class LedgerRepository {
  /** code → id of accounts known to exist: accounts are never deleted and codes never change. */
  private readonly known = new Map<string, string>();

  constructor(private readonly prisma: PrismaService) {}

  /** Creates missing accounts and returns code → id. */
  async ensureAccounts(tx: Tx, refs: readonly AccountRef[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    const unique = [...new Map(refs.map((r) => [r.code, r])).values()].filter((r) => {
      const id = this.known.get(r.code);
      if (id) result.set(r.code, id);
      return !id;
    });
    if (!unique.length) return result;
    const rows = await tx.$queryRaw<{ id: string; code: string }[]>`
      WITH input AS (
        SELECT * FROM unnest(${unique.map((r) => r.code)}::text[], ${unique.map((r) => r.kind)}::text[],
                             ${unique.map((r) => r.currency)}::text[], ${unique.map((r) => r.customerId ?? null)}::uuid[])
          AS t(code, kind, currency, customer_id)
      ), ins AS (
        INSERT INTO ledger_accounts (id, code, kind, currency, customer_id)
        SELECT gen_random_uuid(), code, kind, currency, customer_id FROM input
        ON CONFLICT (code) DO NOTHING
        RETURNING id, code
      )
      SELECT id::text, code FROM ins
      UNION ALL
      SELECT a.id::text, a.code FROM ledger_accounts a JOIN input i ON i.code = a.code`;
    const ids = new Map(rows.map((r) => [r.code, r.id]));
    // A concurrent transaction may have inserted an account after this statement's snapshot
    // was taken (ON CONFLICT waited for it): read those in a new statement.
    const missing = unique.filter((r) => !ids.has(r.code)).map((r) => r.code);
    if (missing.length) {
      const more = await tx.$queryRaw<{ id: string; code: string }[]>`
        SELECT id::text, code FROM ledger_accounts WHERE code = ANY(${missing}::text[])`;
      for (const r of more) ids.set(r.code, r.id);
    }
    for (const [code, id] of ids) result.set(code, id);
    // remembered only once the transaction commits: a row it inserted may still roll back (and
    // postings have no foreign key to catch a stale id)
    afterCommit(tx, () => {
      for (const [code, id] of ids) this.known.set(code, id);
    });
    return result;
  }

  /** Inserts the journals whose idempotency keys are new; returns key → id of those inserted. */
  async insertJournals(
    tx: Tx,
    js: readonly { id?: string; idempotencyKey: string; kind: string; description: string; metadata?: unknown }[],
  ): Promise<Map<string, string>> {
    const rows = await tx.$queryRaw<{ id: string; key: string }[]>`
      INSERT INTO journal_entries (id, idempotency_key, kind, description, metadata)
      SELECT COALESCE(i, gen_random_uuid()), k, kd, d, m::jsonb
      FROM unnest(${js.map((j) => j.id ?? null)}::uuid[], ${js.map((j) => j.idempotencyKey)}::text[], ${js.map((j) => j.kind)}::text[], ${js.map((j) => j.description)}::text[],
                  ${js.map((j) => JSON.stringify(j.metadata ?? {}))}::text[]) AS t(i, k, kd, d, m)
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id::text, idempotency_key AS key`;
    return new Map(rows.map((r) => [r.key, r.id]));
  }

  async journalIdsByKey(tx: Tx, keys: readonly string[]): Promise<Map<string, string>> {
    const rows = await tx.$queryRaw<{ id: string; key: string }[]>`
      SELECT id::text, idempotency_key AS key FROM journal_entries WHERE idempotency_key = ANY(${[...keys]}::text[])`;
    return new Map(rows.map((r) => [r.key, r.id]));
  }

  /**
   * Locks the touched accounts in id order (no deadlocks between concurrent journals), inserts
   * the postings and moves the cached balances in the same transaction. Returns new balances.
   */
  async applyPostings(
    tx: Tx,
    postings: readonly { journalId: string; accountId: string; amount: Money }[],
  ): Promise<Map<string, string>> {
    const ids = [...new Set(postings.map((p) => p.accountId))].sort();
    await tx.$queryRaw`SELECT id FROM ledger_accounts WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
    await tx.$executeRaw`
      INSERT INTO postings (journal_entry_id, ledger_account_id, amount, currency)
      SELECT j, a, m, c
      FROM unnest(${postings.map((p) => p.journalId)}::uuid[], ${postings.map((p) => p.accountId)}::uuid[],
                  ${postings.map((p) => p.amount.toString())}::numeric[], ${postings.map((p) => p.amount.currency)}::text[]) AS t(j, a, m, c)`;
    const deltas = new Map<string, Money>();
    for (const p of postings) deltas.set(p.accountId, deltas.get(p.accountId)?.plus(p.amount) ?? p.amount);
    const updated = await tx.$queryRaw<{ id: string; balance: string }[]>`
      UPDATE ledger_accounts a SET balance = a.balance + d.delta
      FROM unnest(${[...deltas.keys()]}::uuid[], ${[...deltas.values()].map((m) => m.toString())}::numeric[]) AS d(id, delta)
      WHERE a.id = d.id AND a.id = ANY(${[...deltas.keys()]}::uuid[])
      RETURNING a.id::text, a.balance::text`;
    return new Map(updated.map((r) => [r.id, r.balance]));
  }

  async balanceOf(code: string, tx?: Tx): Promise<string | null> {
    const row = await (tx ?? this.prisma).ledgerAccount.findUnique({ where: { code }, select: { balance: true } });
    return row ? row.balance.toString() : null;
  }

  /**
   * Creates missing accounts and locks them (id order), returning their balances: for callers
   * that must compute with the balances before posting (settlement after crediting).
   */
  async lockBalances(tx: Tx, refs: readonly AccountRef[]): Promise<Map<string, string>> {
    if (!refs.length) return new Map();
    await this.ensureAccounts(tx, refs);
    const rows = await tx.$queryRaw<{ code: string; balance: string }[]>`
      SELECT code, balance::text FROM ledger_accounts WHERE code = ANY(${refs.map((r) => r.code)}::text[]) ORDER BY id FOR UPDATE`;
    return new Map(rows.map((r) => [r.code, r.balance]));
  }

  /** Every cached balance must equal the sum of its postings. */
  async balanceMismatches(): Promise<BalanceMismatch[]> {
    return this.prisma.$queryRaw<BalanceMismatch[]>`
      SELECT a.id::text AS "accountId", a.code, a.balance::text AS cached, COALESCE(s.total, 0)::text AS "sumOfPostings"
      FROM ledger_accounts a
      LEFT JOIN (SELECT ledger_account_id, SUM(amount) total FROM postings GROUP BY ledger_account_id) s ON s.ledger_account_id = a.id
      WHERE a.balance <> COALESCE(s.total, 0)`;
  }

  /** Every journal entry's postings must sum to zero per currency. */
  async unbalancedJournals(): Promise<UnbalancedJournal[]> {
    return this.prisma.$queryRaw<UnbalancedJournal[]>`
      SELECT journal_entry_id::text AS "journalEntryId", currency, SUM(amount)::text AS total
      FROM postings GROUP BY journal_entry_id, currency HAVING SUM(amount) <> 0`;
  }

  /** Postings whose journal or account does not exist (the table has no foreign keys, for speed). */
  async orphanPostings(): Promise<number> {
    const r = await this.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) n FROM postings p
      WHERE NOT EXISTS (SELECT 1 FROM journal_entries j WHERE j.id = p.journal_entry_id)
         OR NOT EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.id = p.ledger_account_id)`;
    return Number(r[0].n);
  }

  async postingCurrencyMismatches(): Promise<number> {
    const r = await this.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) n FROM postings p JOIN ledger_accounts a ON a.id = p.ledger_account_id WHERE p.currency <> a.currency`;
    return Number(r[0].n);
  }

  async movements(accountCode: string, range: { from?: Date; to?: Date }, page: { afterId?: bigint; limit: number }) {
    return this.prisma.$queryRaw<
      { id: bigint; journalEntryId: string; kind: string; description: string; amount: string; createdAt: Date; runningBalance: string }[]
    >`
      SELECT p.id, p.journal_entry_id::text AS "journalEntryId", j.kind, j.description, p.amount::text, p.created_at AS "createdAt",
             (SUM(p.amount) OVER (ORDER BY p.id))::text AS "runningBalance"
      FROM postings p JOIN ledger_accounts a ON a.id = p.ledger_account_id JOIN journal_entries j ON j.id = p.journal_entry_id
      WHERE a.code = ${accountCode}
      ORDER BY p.id`.then((rows) =>
      rows
        .filter((r) => (!range.from || r.createdAt >= range.from) && (!range.to || r.createdAt < range.to))
        .filter((r) => !page.afterId || r.id > page.afterId)
        .slice(0, page.limit),
    );
  }
}
