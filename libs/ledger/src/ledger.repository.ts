import { Injectable } from '@nestjs/common';
import { DomainError } from '@remitd/core';
import { MAX_INTEGER_DIGITS, Money } from '@remitd/money';
import { afterCommit, PrismaService, type SqlTx, type Tx } from '@remitd/persistence';
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

/** Bound of the process-wide code → id cache (one entry is about 200 bytes). */
const KNOWN_ACCOUNTS_MAX = 200_000;

/** Only place the ledger touches SQL. Set-based statements: one round trip per step, not per row. */
@Injectable()
export class LedgerRepository {
  /** code → id of accounts known to exist: accounts are never deleted and codes never change. */
  private readonly known = new Map<string, string>();
  /** code → id learned inside a transaction that has not committed yet */
  private readonly txIds = new WeakMap<SqlTx, Map<string, string>>();
  /** ids of accounts a transaction already holds the row lock of */
  private readonly txLocked = new WeakMap<SqlTx, Set<string>>();

  constructor(private readonly prisma: PrismaService) {}

  /** Creates missing accounts and returns code → id. */
  async ensureAccounts(tx: SqlTx, refs: readonly AccountRef[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    const inTx = this.idsIn(tx);
    let unknown = [...new Map(refs.map((r) => [r.code, r])).values()].filter((r) => {
      const id = this.known.get(r.code) ?? inTx.get(r.code);
      if (id) result.set(r.code, id);
      return !id;
    });
    if (!unknown.length) return result;
    // most accounts exist already (a customer's are opened with their virtual account): a
    // plain indexed read, and an insert only for the rest
    for (const [code, id] of await this.idsByCode(
      tx,
      unknown.map((r) => r.code),
    ))
      result.set(code, id);
    unknown = unknown.filter((r) => !result.has(r.code));
    if (!unknown.length) return result;
    const ids = await this.insertMissing(tx, unknown);
    // A concurrent transaction may have inserted an account after this statement's snapshot
    // was taken (ON CONFLICT waited for it): read those in a new statement.
    const missing = unknown.filter((r) => !ids.has(r.code)).map((r) => r.code);
    if (missing.length) for (const [code, id] of await this.idsByCode(tx, missing)) ids.set(code, id);
    for (const [code, id] of ids) result.set(code, id);
    return result;
  }

  /** code → id of those of these accounts that exist (as this statement sees them) */
  private async idsByCode(tx: SqlTx, codes: readonly string[]): Promise<Map<string, string>> {
    const rows = await tx.$queryRaw<{ id: string; code: string }[]>`
      SELECT id::text, code FROM ledger_accounts WHERE code = ANY(${codes}::text[])`;
    this.learn(tx, rows);
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  /** Inserts the accounts that do not exist yet; returns code → id of those this transaction inserted. */
  private async insertMissing(tx: SqlTx, refs: readonly AccountRef[]): Promise<Map<string, string>> {
    const rows = await tx.$queryRaw<{ id: string; code: string }[]>`
      INSERT INTO ledger_accounts (id, code, kind, currency, customer_id)
      SELECT gen_random_uuid(), code, kind, currency, customer_id
      FROM unnest(${refs.map((r) => r.code)}::text[], ${refs.map((r) => r.kind)}::text[],
                  ${refs.map((r) => r.currency)}::text[], ${refs.map((r) => r.customerId ?? null)}::uuid[]) AS t(code, kind, currency, customer_id)
      ON CONFLICT (code) DO NOTHING
      RETURNING id::text, code`;
    this.learn(tx, rows);
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  /**
   * Ids are usable at once inside the transaction that read or inserted them, and by everyone
   * once it commits (an id it inserted may still roll back, and postings have no foreign key to
   * catch a stale one).
   */
  private learn(tx: SqlTx, rows: readonly { id: string; code: string }[]): void {
    if (!rows.length) return;
    const inTx = this.idsIn(tx);
    for (const r of rows) inTx.set(r.code, r.id);
    afterCommit(tx, () => {
      if (this.known.size + rows.length > KNOWN_ACCOUNTS_MAX) this.known.clear();
      for (const r of rows) this.known.set(r.code, r.id);
    });
  }

  private idsIn(tx: SqlTx): Map<string, string> {
    let m = this.txIds.get(tx);
    if (!m) this.txIds.set(tx, (m = new Map()));
    return m;
  }

  /** Inserts the journals whose idempotency keys are new; returns key → id of those inserted. */
  async insertJournals(
    tx: SqlTx,
    js: readonly { id?: string; idempotencyKey: string; kind: string; description: string; metadata?: unknown }[],
  ): Promise<Map<string, string>> {
    const rows = await tx.$queryRaw<{ id: string; key: string }[]>`
      INSERT INTO journal_entries (id, idempotency_key, kind, description, metadata)
      SELECT COALESCE(t.i, gen_random_uuid()), t.k, t.kd, t.d, m.metadata
      FROM unnest(${js.map((j) => j.id ?? null)}::uuid[], ${js.map((j) => j.idempotencyKey)}::text[], ${js.map((j) => j.kind)}::text[],
                  ${js.map((j) => j.description)}::text[]) WITH ORDINALITY AS t(i, k, kd, d, n)
      JOIN jsonb_array_elements(${JSON.stringify(js.map((j) => j.metadata ?? {}))}::jsonb) WITH ORDINALITY AS m(metadata, n) USING (n)
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id::text, idempotency_key AS key`;
    return new Map(rows.map((r) => [r.key, r.id]));
  }

  async journalIdsByKey(tx: SqlTx, keys: readonly string[]): Promise<Map<string, string>> {
    const rows = await tx.$queryRaw<{ id: string; key: string }[]>`
      SELECT id::text, idempotency_key AS key FROM journal_entries WHERE idempotency_key = ANY(${[...keys]}::text[])`;
    return new Map(rows.map((r) => [r.key, r.id]));
  }

  /**
   * Locks the touched accounts in id order (no deadlocks between concurrent journals), inserts
   * the postings and moves the cached balances in the same transaction. Returns new balances.
   */
  async applyPostings(
    tx: SqlTx,
    postings: readonly { journalId: string; accountId: string; amount: Money }[],
  ): Promise<Map<string, string>> {
    // postings first (no foreign keys, no locks needed), then the balances: the accounts every
    // credit touches (bank clearing, fees) stay locked only from here to the commit
    await tx.$executeRaw`
      INSERT INTO postings (journal_entry_id, ledger_account_id, amount, currency)
      SELECT j, a, m, c
      FROM unnest(${postings.map((p) => p.journalId)}::uuid[], ${postings.map((p) => p.accountId)}::uuid[],
                  ${postings.map((p) => p.amount.toString())}::numeric[], ${postings.map((p) => p.amount.currency)}::text[]) AS t(j, a, m, c)`;
    const deltas = new Map<string, Money>();
    for (const p of postings) deltas.set(p.accountId, deltas.get(p.accountId)?.plus(p.amount) ?? p.amount);
    const held = this.txLocked.get(tx);
    const toLock = [...deltas.keys()].filter((id) => !held?.has(id)).sort();
    if (toLock.length)
      await tx.$queryRaw`SELECT id FROM ledger_accounts WHERE id = ANY(${toLock}::uuid[]) ORDER BY id FOR UPDATE`;
    const updated = await tx.$queryRaw<{ id: string; balance: string }[]>`
      UPDATE ledger_accounts a SET balance = a.balance + d.delta
      FROM unnest(${[...deltas.keys()]}::uuid[], ${[...deltas.values()].map((m) => m.toString())}::numeric[]) AS d(id, delta)
      WHERE a.id = d.id AND a.id = ANY(${[...deltas.keys()]}::uuid[])
      RETURNING a.id::text, a.balance::text`.catch((err: unknown) => {
      // a balance beyond numeric(20,4): the amount is refused (4xx), the transaction rolls back
      if (isNumericOverflow(err)) throw balanceTooLarge();
      throw err;
    });
    return new Map(updated.map((r) => [r.id, r.balance]));
  }

  async balanceOf(code: string, tx?: Tx): Promise<string | null> {
    const row = await (tx ?? this.prisma).ledgerAccount.findUnique({ where: { code }, select: { balance: true } });
    return row ? row.balance.toString() : null;
  }

  /**
   * Creates missing accounts and locks them (id order), returning code → balance: for callers
   * that must compute with the balances before posting (settlement after crediting).
   *
   * With `skipLocked`, accounts another transaction holds are left out of the result instead of
   * waited for (the reconciliation batch defers those customers' entries to a later batch).
   */
  async lockBalances(
    tx: SqlTx,
    refs: readonly AccountRef[],
    opts: { skipLocked?: boolean } = {},
  ): Promise<Map<string, string>> {
    if (!refs.length) return new Map();
    const unique = [...new Map(refs.map((r) => [r.code, r])).values()];
    if (!opts.skipLocked) await this.ensureAccounts(tx, unique);
    const rows = await tx.$queryRawUnsafe<{ id: string; code: string; balance: string }[]>(
      `SELECT id::text, code, balance::text FROM ledger_accounts WHERE code = ANY($1::text[]) ORDER BY id FOR UPDATE${opts.skipLocked ? ' SKIP LOCKED' : ''}`,
      unique.map((r) => r.code),
    );
    const out = new Map(rows.map((r) => [r.code, r.balance]));
    const locked = [...rows];
    const absent = unique.filter((r) => !out.has(r.code));
    if (absent.length) {
      // skipLocked: absent means locked elsewhere or not opened yet; an account this
      // transaction inserts is its own until commit
      for (const [code, id] of await this.insertMissing(tx, absent)) {
        out.set(code, '0');
        locked.push({ id, code, balance: '0' });
      }
    }
    this.learn(tx, locked);
    let held = this.txLocked.get(tx);
    if (!held) this.txLocked.set(tx, (held = new Set()));
    for (const r of locked) held.add(r.id);
    return out;
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

  /**
   * Every posting on the customer's own accounts (cash, refund, stored-value cards, receivables)
   * in a date range, in posting order, with each account's balance after it.
   */
  async customerPostings(customerId: string, range: { from?: Date; to?: Date }): Promise<CustomerPostingRow[]> {
    const from = range.from ?? null;
    const to = range.to ?? null;
    return this.prisma.$queryRaw<CustomerPostingRow[]>`
      SELECT m.*, x."fromBank", x."feeReimbursed" FROM (
        SELECT p.id AS "postingId", p.journal_entry_id::text AS "journalEntryId", j.kind AS "journalKind", j.description,
               COALESCE(j.metadata->'recordedBy'->>'name', j.metadata->'recordedBy'->>'id') AS "recordedBy",
               p.created_at AS "createdAt", a.code AS "accountCode", a.kind AS "accountKind", p.currency, p.amount::text AS amount,
               (SUM(p.amount) OVER (PARTITION BY a.id ORDER BY p.id))::text AS "balanceAfter"
        FROM postings p
        JOIN ledger_accounts a ON a.id = p.ledger_account_id
        JOIN journal_entries j ON j.id = p.journal_entry_id
        WHERE a.customer_id = ${customerId}::uuid
      ) m
      CROSS JOIN LATERAL (
        SELECT COALESCE(-SUM(o.amount) FILTER (WHERE oa.kind IN ('bank_clearing', 'suspense')), 0)::text AS "fromBank",
               COALESCE(-SUM(o.amount) FILTER (WHERE oa.kind = 'fee_reimbursement'), 0)::text AS "feeReimbursed"
        FROM postings o JOIN ledger_accounts oa ON oa.id = o.ledger_account_id
        WHERE o.journal_entry_id = m."journalEntryId"::uuid AND o.currency = m.currency
      ) x
      WHERE (${from}::timestamptz IS NULL OR m."createdAt" >= ${from}::timestamptz)
        AND (${to}::timestamptz IS NULL OR m."createdAt" < ${to}::timestamptz)
      ORDER BY m."postingId"`;
  }

  /** Each of the customer's own accounts with its balance at the start and at the end of a range. */
  async customerAccountBalances(
    customerId: string,
    range: { from?: Date; to?: Date },
  ): Promise<CustomerAccountBalanceRow[]> {
    const from = range.from ?? null;
    const to = range.to ?? null;
    return this.prisma.$queryRaw<CustomerAccountBalanceRow[]>`
      SELECT a.code, a.kind, a.currency,
             COALESCE(SUM(p.amount) FILTER (WHERE ${from}::timestamptz IS NOT NULL AND p.created_at < ${from}::timestamptz), 0)::text AS opening,
             COALESCE(SUM(p.amount) FILTER (WHERE ${to}::timestamptz IS NULL OR p.created_at < ${to}::timestamptz), 0)::text AS closing
      FROM ledger_accounts a
      LEFT JOIN postings p ON p.ledger_account_id = a.id
      WHERE a.customer_id = ${customerId}::uuid
      GROUP BY a.id, a.code, a.kind, a.currency
      ORDER BY a.code`;
  }

  /** Cached balances of every account the customers hold (cash, refund, cards, receivables). */
  async customersAccounts(
    customerIds: readonly string[],
  ): Promise<{ customerId: string; code: string; kind: string; currency: string; balance: string }[]> {
    if (!customerIds.length) return [];
    return this.prisma.$queryRaw`
      SELECT customer_id::text AS "customerId", code, kind, currency, balance::text AS balance
      FROM ledger_accounts
      WHERE customer_id = ANY(${[...customerIds]}::uuid[])
      ORDER BY code`;
  }

  async movements(accountCode: string, range: { from?: Date; to?: Date }, page: { afterId?: bigint; limit: number }) {
    return this.prisma.$queryRaw<
      {
        id: bigint;
        journalEntryId: string;
        kind: string;
        description: string;
        amount: string;
        createdAt: Date;
        runningBalance: string;
      }[]
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

/** PostgreSQL's numeric_value_out_of_range (22003), as node-postgres or Prisma report it. */
function isNumericOverflow(err: unknown): boolean {
  const e = err as { code?: unknown; meta?: { code?: unknown }; message?: unknown } | null;
  return (
    e?.code === '22003' || e?.meta?.code === '22003' || /\b22003\b|numeric field overflow/.test(String(e?.message))
  );
}

/** One posting on one of a customer's own accounts, with what the whole journal did around it. */
export interface CustomerPostingRow {
  postingId: bigint;
  journalEntryId: string;
  journalKind: string;
  description: string;
  recordedBy: string | null;
  createdAt: Date;
  accountCode: string;
  accountKind: string;
  currency: string;
  amount: string;
  balanceAfter: string;
  /** money that came from the bank (clearing or suspense) in the same journal */
  fromBank: string;
  /** bank fees the provider reimbursed in the same journal */
  feeReimbursed: string;
}

export interface CustomerAccountBalanceRow {
  code: string;
  kind: string;
  currency: string;
  opening: string;
  closing: string;
}

const balanceTooLarge = () =>
  new DomainError(
    'BALANCE_TOO_LARGE',
    `amount: a ledger balance would reach ${MAX_INTEGER_DIGITS} digits before the decimal point`,
    'unprocessable',
    'amount',
  );
