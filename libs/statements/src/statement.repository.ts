import { Injectable } from '@nestjs/common';
import { notFound } from '@remitd/core';
import { inListOrder, keysetPage, Prisma, PrismaService, type KeysetPosition, type SqlTx } from '@remitd/persistence';
import type { StatementHeader } from './statement-events';
import type { ParsedEntry } from './statement.model';

export interface EntryRow {
  naturalKey: string;
  entry: ParsedEntry;
  /** amount normalised to the currency scale */
  amount: string;
  instructedAmount: string | null;
  chargesAmount: string | null;
}

const ENTRY_COLUMNS: [string, string][] = [
  ['natural_key', 'text'],
  ['direction', 'text'],
  ['amount', 'numeric'],
  ['currency', 'text'],
  ['booking_date', 'text'],
  ['value_date', 'text'],
  ['status', 'text'],
  ['bank_reference', 'text'],
  ['end_to_end_id', 'text'],
  ['uetr', 'text'],
  ['remitter_name', 'text'],
  ['remitter_account', 'text'],
  ['remitter_bic', 'text'],
  ['credited_account', 'text'],
  ['remittance_unstructured', 'text'],
  ['remittance_structured', 'text'],
  ['instructed_amount', 'numeric'],
  ['instructed_currency', 'text'],
  ['charges_amount', 'numeric'],
  ['charges_currency', 'text'],
  ['bank_transaction_code', 'text'],
  ['rail', 'text'],
  ['reversal', 'bool'],
  ['return_reason_code', 'text'],
  ['original_reference', 'text'],
  ['change_code', 'text'],
  ['location', 'text'],
  ['additional_info', 'text'],
];

/**
 * An entry stored under a key and a new one under the same key are the same transfer when they
 * agree in direction, amount, currency and (where both have one) value date; the new one's value
 * date is its booking date when it has none. `sameTransfer` is the same rule for the rows
 * `existingEntries` reads.
 */
const SAME_TRANSFER_SQL = `statement_entries.direction = EXCLUDED.direction AND statement_entries.amount = EXCLUDED.amount
      AND statement_entries.currency = EXCLUDED.currency
      AND (statement_entries.value_date IS NULL OR COALESCE(EXCLUDED.value_date, EXCLUDED.booking_date) IS NULL
           OR statement_entries.value_date = COALESCE(EXCLUDED.value_date, EXCLUDED.booking_date))`;

// Static SQL with positional array parameters: one round trip per batch, whatever its size.
// The same transfer seen again (camt.052 pending → camt.053 booked) only moves forward to BOOK.
// Every entry that is (now) booked joins the reconciliation queue in the same statement, unless
// it is held: an entry of an account that is no collection account waits for finance.
const INSERT_ENTRIES_SQL = `
  WITH upserted AS (
  INSERT INTO statement_entries (id, account_key, collection_account_id, file_id, statement_id, format, hold, ${ENTRY_COLUMNS.map((c) => c[0]).join(', ')})
  SELECT gen_random_uuid(), $1, $2::uuid, $3::uuid, $4::uuid, $5, CASE WHEN $2::uuid IS NULL THEN 'unknown_account' END, t.*
  FROM unnest(${ENTRY_COLUMNS.map((c, i) => `$${i + 6}::${c[1]}[]`).join(', ')}) AS t(${ENTRY_COLUMNS.map((c) => c[0]).join(', ')})
  ON CONFLICT (account_key, natural_key) DO UPDATE
    SET status = EXCLUDED.status, booking_date = EXCLUDED.booking_date, value_date = COALESCE(EXCLUDED.value_date, statement_entries.value_date),
        updated_at = now()
    WHERE statement_entries.status <> 'BOOK' AND EXCLUDED.status = 'BOOK'
      -- only the same transfer is booked by a later report: one that differs under the same key
      -- is left alone here, and the caller keeps it as an entry of its own
      AND ${SAME_TRANSFER_SQL}
  RETURNING id, natural_key, status, hold, (xmax = 0) AS inserted
  ), queued AS (
    INSERT INTO reconcile_queue (entry_id) SELECT id FROM upserted WHERE status = 'BOOK' AND hold IS NULL
  )
  SELECT id::text, natural_key AS "naturalKey", inserted FROM upserted`;

// The ingestion transaction runs on the file's claim connection with node-postgres directly
// (SqlTx): the whole file is one transaction on the connection whose death also releases the
// claim, and the hot path skips the ORM's per-call copies of every batch (half the memory of a
// 100 MB file).

async function one<T>(db: SqlTx, text: string, values: unknown[]): Promise<T> {
  return (await db.$queryRawUnsafe<T[]>(text, ...values))[0];
}

@Injectable()
export class StatementRepository {
  constructor(private readonly prisma: PrismaService) {}

  findFileBySha(sha256: string) {
    return this.prisma.statementFile.findUnique({ where: { sha256 } });
  }

  /** logs item 11: a file whose content was already received, kept for the list of files. */
  recordDuplicate(d: { duplicateOfId: string; sourceId: string; fileName: string; size: number }) {
    return this.prisma.statementFileDuplicate.create({
      data: { duplicateOfId: d.duplicateOfId, sourceId: d.sourceId, fileName: d.fileName, size: BigInt(d.size) },
      select: { id: true },
    });
  }

  /**
   * The same statement (account, format, reference, sequence, currency, opening and closing
   * balances and dates, number of entries) already received in another file: a re-sent statement.
   */
  async sameStatementElsewhere(db: SqlTx, statementId: string) {
    const rows = await db.$queryRawUnsafe<{ id: string; fileId: string; fileName: string }[]>(
      `
      SELECT o.id::text, o.file_id::text AS "fileId", f.file_name AS "fileName"
      FROM statements s
      JOIN statements o ON o.account_key = s.account_key AND o.file_id <> s.file_id
      JOIN statement_files f ON f.id = o.file_id
      WHERE s.id = $1::uuid AND (s.statement_ref IS NOT NULL OR s.sequence_number IS NOT NULL)
        AND o.format = s.format
        AND o.statement_ref IS NOT DISTINCT FROM s.statement_ref
        AND o.sequence_number IS NOT DISTINCT FROM s.sequence_number
        AND o.currency IS NOT DISTINCT FROM s.currency
        AND o.opening_balance IS NOT DISTINCT FROM s.opening_balance
        AND o.opening_date IS NOT DISTINCT FROM s.opening_date
        AND o.closing_balance IS NOT DISTINCT FROM s.closing_balance
        AND o.closing_date IS NOT DISTINCT FROM s.closing_date
        AND o.entry_count = s.entry_count
      ORDER BY o.created_at
      LIMIT 1`,
      statementId,
    );
    return rows[0] ?? null;
  }

  createFile(
    db: SqlTx,
    f: {
      sha256: string;
      sourceId: string;
      fileName: string;
      size: number;
      format: string | null;
      storedPath: string;
      status: string;
      error?: string;
      errorLocation?: string | null;
    },
  ) {
    return one<{ id: string }>(
      db,
      `
      INSERT INTO statement_files (id, sha256, source_id, file_name, size, format, status, error, error_location, stored_path, processed_at)
      VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $6 = 'ingested' THEN NULL ELSE now() END) RETURNING id::text`,
      [
        f.sha256,
        f.sourceId,
        f.fileName,
        f.size,
        f.format,
        f.status,
        f.error ?? null,
        f.errorLocation ?? null,
        f.storedPath,
      ],
    );
  }

  async finishFile(
    db: SqlTx,
    id: string,
    c: { statementCount: number; entryCount: number; newEntryCount: number },
  ): Promise<void> {
    await db.$queryRawUnsafe(
      `UPDATE statement_files SET statement_count = $2, entry_count = $3, new_entry_count = $4, processed_at = now() WHERE id = $1::uuid`,
      id,
      c.statementCount,
      c.entryCount,
      c.newEntryCount,
    );
  }

  createStatement(
    db: SqlTx,
    fileId: string,
    index: number,
    h: StatementHeader,
    accountKey: string,
    collectionAccountId: string | null,
  ) {
    return one<{ id: string }>(
      db,
      `
      INSERT INTO statements (id, file_id, index_in_file, format, account_key, collection_account_id, message_id, statement_ref, sequence_number,
                              currency, opening_balance, opening_date, entry_count)
      VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4, $5::uuid, $6, $7, $8, $9, $10::numeric, $11, 0) RETURNING id::text`,
      [
        fileId,
        index,
        h.format,
        accountKey,
        collectionAccountId,
        h.messageId,
        h.statementId,
        h.sequenceNumber,
        h.accountCurrency ?? h.openingBalance?.currency ?? null,
        h.openingBalance?.signedAmount ?? null,
        h.openingBalance?.date ?? h.fromDate ?? null,
      ],
    );
  }

  async finishStatement(
    db: SqlTx,
    id: string,
    s: {
      closingBalance: string | null;
      closingDate: string | null;
      balanced: boolean | null;
      entryCount: number;
      warnings: string[];
      currency: string | null;
    },
  ): Promise<void> {
    await db.$queryRawUnsafe(
      `
      UPDATE statements SET closing_balance = $2::numeric, closing_date = $3, balanced = $4, entry_count = $5, warnings = $6::jsonb, currency = COALESCE($7, currency)
      WHERE id = $1::uuid`,
      id,
      s.closingBalance,
      s.closingDate,
      s.balanced,
      s.entryCount,
      JSON.stringify(s.warnings),
      s.currency,
    );
  }

  /** The statement this one should continue from: the latest earlier end-of-day statement of the account. */
  async previousStatement(
    db: SqlTx,
    accountKey: string,
    currency: string | null,
    beforeId: string,
    openingDate: string | null,
  ) {
    const rows = await db.$queryRawUnsafe<
      {
        id: string;
        closingBalance: string | null;
        closingDate: string | null;
        sequenceNumber: string | null;
        statementRef: string | null;
      }[]
    >(
      `
      SELECT s.id::text, s.closing_balance::text AS "closingBalance", s.closing_date AS "closingDate", s.sequence_number AS "sequenceNumber", s.statement_ref AS "statementRef"
      FROM statements s
      WHERE s.account_key = $1 AND s.id <> $2::uuid AND s.format IN ('camt.053', 'mt940')
        AND s.closing_balance IS NOT NULL AND ($3::text IS NULL OR s.currency = $3)
        AND ($4::text IS NULL OR s.closing_date <= $4)
      ORDER BY s.closing_date DESC NULLS LAST, s.created_at DESC
      LIMIT 1`,
      accountKey,
      beforeId,
      currency,
      openingDate,
    );
    return rows[0] ?? null;
  }

  async insertEntries(
    db: SqlTx,
    ctx: {
      accountKey: string;
      collectionAccountId: string | null;
      fileId: string;
      statementId: string;
      format: string;
    },
    rows: readonly EntryRow[],
  ): Promise<{ inserted: number; upgraded: number; insertedKeys: Map<string, string>; written: Set<string> }> {
    const col = <T>(f: (r: EntryRow) => T) => rows.map(f);
    const arrays = [
      col((r) => r.naturalKey),
      col((r) => r.entry.direction),
      col((r) => r.amount),
      col((r) => r.entry.amount.currency),
      col((r) => r.entry.bookingDate),
      col((r) => r.entry.valueDate),
      col((r) => r.entry.status),
      col((r) => r.entry.bankReference),
      col((r) => r.entry.endToEndId),
      col((r) => r.entry.uetr),
      col((r) => r.entry.remitterName),
      col((r) => r.entry.remitterAccount),
      col((r) => r.entry.remitterBic),
      col((r) => r.entry.creditedAccount),
      col((r) => r.entry.remittanceUnstructured),
      col((r) => r.entry.remittanceStructured),
      col((r) => r.instructedAmount),
      col((r) => r.entry.instructedAmount?.currency ?? null),
      col((r) => r.chargesAmount),
      col((r) => r.entry.charges?.currency ?? null),
      col((r) => r.entry.bankTransactionCode),
      col((r) => r.entry.rail),
      col((r) => r.entry.reversal),
      col((r) => r.entry.returnReasonCode),
      col((r) => r.entry.originalReference),
      col((r) => r.entry.changeCode),
      col((r) => r.entry.location),
      col((r) => r.entry.additionalInfo),
    ];
    const result = await db.$queryRawUnsafe<{ id: string; naturalKey: string; inserted: boolean }[]>(
      INSERT_ENTRIES_SQL,
      ctx.accountKey,
      ctx.collectionAccountId,
      ctx.fileId,
      ctx.statementId,
      ctx.format,
      ...arrays,
    );
    const inserted = result.filter((r) => r.inserted);
    return {
      inserted: inserted.length,
      upgraded: result.length - inserted.length,
      insertedKeys: new Map(inserted.map((r) => [r.naturalKey, r.id])),
      // the keys this statement inserted or booked; any other key was stored already
      written: new Set(result.map((r) => r.naturalKey)),
    };
  }

  /** Entries already stored under these keys: what a new entry with the same key must agree with. */
  existingEntries(db: SqlTx, accountKey: string, keys: string[]) {
    return db.$queryRawUnsafe<
      {
        id: string;
        naturalKey: string;
        direction: string;
        amount: string;
        currency: string;
        valueDate: string | null;
      }[]
    >(
      // one index probe per key: with natural_key = ANY(...) as a filter, the planner (whose
      // statistics lag behind a file being ingested) scanned every entry of the account for each
      // batch, so a 100,000-entry file spent 1.6 s here; OFFSET 0 keeps the probe a nested loop
      `SELECT e.id::text, e.natural_key AS "naturalKey", e.direction, e.amount::text, e.currency, e.value_date AS "valueDate"
       FROM unnest($2::text[]) AS k(key)
       CROSS JOIN LATERAL (
         SELECT id, natural_key, direction, amount, currency, value_date FROM statement_entries
         WHERE account_key = $1 AND natural_key = k.key OFFSET 0
       ) e`,
      accountKey,
      keys,
    );
  }

  async createAlert(
    db: SqlTx,
    a: {
      kind: string;
      accountKey: string;
      statementId?: string | null;
      fileId?: string | null;
      message: string;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    await db.$queryRawUnsafe(
      `INSERT INTO statement_alerts (id, kind, account_key, statement_id, file_id, message, details) VALUES (gen_random_uuid(), $1, $2, $3::uuid, $4::uuid, $5, $6::jsonb)`,
      a.kind,
      a.accountKey,
      a.statementId ?? null,
      a.fileId ?? null,
      a.message,
      JSON.stringify(a.details ?? {}),
    );
  }

  /** fresh planner statistics for a table a large file has just changed */
  async analyze(table: 'reconcile_queue' | 'statement_entries'): Promise<void> {
    await this.prisma.$executeRawUnsafe(`ANALYZE ${table}`);
  }

  collectionAccountsByKey() {
    return this.prisma.collectionAccount.findMany({ select: { id: true, iban: true, accountNumber: true } });
  }

  /**
   * Ingestion of an unknown account's statement (shared) and finance assigning that account
   * (exclusive) take turns: entries are never held after their account was assigned.
   */
  async lockAccountKey(db: SqlTx, accountKey: string, mode: 'shared' | 'exclusive'): Promise<void> {
    const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
    await db.$queryRawUnsafe(`SELECT true AS locked FROM ${fn}(hashtext($1))`, `statement-account:${accountKey}`);
  }

  async aliasOf(db: SqlTx, accountKey: string): Promise<string | null> {
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT collection_account_id::text AS id FROM collection_account_aliases WHERE account_key = $1`,
      accountKey,
    );
    return rows[0]?.id ?? null;
  }

  async createAlias(db: SqlTx, a: { accountKey: string; collectionAccountId: string; assignedBy: string }) {
    await db.$queryRawUnsafe(
      `INSERT INTO collection_account_aliases (account_key, collection_account_id, assigned_by) VALUES ($1, $2::uuid, $3)
       ON CONFLICT (account_key) DO NOTHING`,
      a.accountKey,
      a.collectionAccountId,
      a.assignedBy,
    );
  }

  async collectionAccount(db: SqlTx, id: string) {
    const rows = await db.$queryRawUnsafe<{ id: string; iban: string | null; accountNumber: string }[]>(
      `SELECT id::text, iban, account_number AS "accountNumber" FROM collection_accounts WHERE id = $1::uuid`,
      id,
    );
    return rows[0] ?? null;
  }

  /** Whether statements of this account were ever received. */
  async accountSeen(db: SqlTx, accountKey: string): Promise<boolean> {
    const rows = await db.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM statements WHERE account_key = $1 LIMIT 1`,
      accountKey,
    );
    return rows.length > 0;
  }

  /**
   * The held entries of an assigned account become the collection account's: booked ones join the
   * reconciliation queue (reconciled like any other), pending ones when they are booked.
   */
  async releaseHeldEntries(
    db: SqlTx,
    accountKey: string,
    collectionAccountId: string,
    by: string,
  ): Promise<{ released: number; queued: number }> {
    const rows = await db.$queryRawUnsafe<{ released: number; queued: number }[]>(
      `
      WITH released AS (
        UPDATE statement_entries SET collection_account_id = $2::uuid, hold = NULL, updated_at = now()
        WHERE account_key = $1 AND hold = 'unknown_account'
        RETURNING id, status
      ), queued AS (
        INSERT INTO reconcile_queue (entry_id) SELECT id FROM released WHERE status = 'BOOK' ORDER BY id
        ON CONFLICT (entry_id) DO NOTHING
        RETURNING entry_id
      ), statements AS (
        UPDATE statements SET collection_account_id = $2::uuid WHERE account_key = $1 AND collection_account_id IS NULL
      ), alerts AS (
        UPDATE statement_alerts SET acknowledged_at = now(), acknowledged_by = $3
        WHERE account_key = $1 AND kind = 'unknown_collection_account' AND acknowledged_at IS NULL
      )
      SELECT (SELECT count(*) FROM released)::int AS released, (SELECT count(*) FROM queued)::int AS queued`,
      accountKey,
      collectionAccountId,
      by,
    );
    return rows[0];
  }

  async fileForUpdate(db: SqlTx, id: string) {
    const rows = await db.$queryRawUnsafe<
      { id: string; fileName: string; status: string; rejectedAt: Date | null; rejectionReason: string | null }[]
    >(
      `SELECT id::text, file_name AS "fileName", status, rejected_at AS "rejectedAt", rejection_reason AS "rejectionReason"
       FROM statement_files WHERE id = $1::uuid FOR UPDATE`,
      id,
    );
    return rows[0] ?? null;
  }

  /** The file's held entries are never credited; the file says who rejected it and why. */
  async rejectHeldEntries(db: SqlTx, fileId: string, by: string, reason: string): Promise<number> {
    const rows = await db.$queryRawUnsafe<{ rejected: number }[]>(
      `
      WITH rejected AS (
        UPDATE statement_entries SET hold = 'rejected', updated_at = now()
        WHERE file_id = $1::uuid AND hold = 'unknown_account'
        RETURNING id
      ), file AS (
        UPDATE statement_files SET rejected_at = now(), rejected_by = $2, rejection_reason = $3 WHERE id = $1::uuid
      )
      SELECT count(*)::int AS rejected FROM rejected`,
      fileId,
      by,
      reason,
    );
    return rows[0].rejected;
  }

  /** Accounts with held entries: what they hold per currency and in which files. */
  unknownAccounts() {
    return this.prisma.$queryRawUnsafe<
      {
        accountKey: string;
        currency: string;
        entries: number;
        booked: number;
        credits: string;
        debits: string;
        fileIds: string[];
        firstSeenAt: Date;
      }[]
    >(
      `SELECT account_key AS "accountKey", currency, count(*)::int AS entries, count(*) FILTER (WHERE status = 'BOOK')::int AS booked,
              COALESCE(sum(amount) FILTER (WHERE direction = 'CRDT' AND status = 'BOOK'), 0)::text AS credits,
              COALESCE(sum(amount) FILTER (WHERE direction = 'DBIT' AND status = 'BOOK'), 0)::text AS debits,
              array_agg(DISTINCT file_id::text) AS "fileIds", min(created_at) AS "firstSeenAt"
       FROM statement_entries WHERE hold = 'unknown_account'
       GROUP BY account_key, currency
       ORDER BY min(created_at), account_key, currency`,
    );
  }

  /** Held entries of one account, by id: exact keyset pages however many share a timestamp. */
  heldEntries(accountKey: string, limit: number, afterId?: string) {
    return this.prisma.statementEntry.findMany({
      where: { accountKey, hold: 'unknown_account', ...(afterId ? { id: { gt: afterId } } : {}) },
      orderBy: { id: 'asc' },
      take: limit,
    });
  }

  /** Accounts finance assigned to a collection account: account key → collection account id. */
  async collectionAccountAliases(): Promise<Map<string, string>> {
    const rows = await this.prisma.collectionAccountAlias.findMany();
    return new Map(rows.map((r) => [r.accountKey, r.collectionAccountId]));
  }

  /** Bank files, newest first (exact keyset on received_at, id). */
  /**
   * Files received, newest first (exact keyset on received_at, id): ingested and quarantined
   * ones, and (logs item 11) duplicates, each naming the file it duplicates.
   */
  async listFiles(filter: { status?: string }, page: { after?: KeysetPosition; limit: number }) {
    const where = filter.status ? [Prisma.sql`status = ${filter.status}`] : [];
    const { ids, next } = await keysetPage(
      this.prisma,
      {
        table: `(SELECT id, received_at, status FROM statement_files
                 UNION ALL SELECT id, received_at, 'duplicate' FROM statement_file_duplicates) AS files`,
        sortColumn: 'received_at',
        order: 'desc',
        where,
      },
      page,
    );
    if (!ids.length) return { items: [], next };
    const files = await this.prisma.statementFile.findMany({ where: { id: { in: ids } } });
    const duplicates = await this.prisma.statementFileDuplicate.findMany({ where: { id: { in: ids } } });
    const originals = new Map(
      (
        await this.prisma.statementFile.findMany({
          where: { id: { in: [...new Set(duplicates.map((d) => d.duplicateOfId))] } },
          select: { id: true, fileName: true, status: true, sha256: true, format: true, storedPath: true },
        })
      ).map((o) => [o.id, o]),
    );
    const rows: (((typeof files)[number] & { duplicateOf: null }) | DuplicateFileItem)[] = [
      ...files.map((f) => ({ ...f, duplicateOf: null })),
      ...duplicates.map((d): DuplicateFileItem => {
        const of = originals.get(d.duplicateOfId);
        return {
          id: d.id,
          status: 'duplicate',
          sourceId: d.sourceId,
          fileName: d.fileName,
          size: d.size,
          receivedAt: d.receivedAt,
          processedAt: d.receivedAt,
          sha256: of?.sha256 ?? null,
          format: of?.format ?? null,
          // the same shape as a file row: nothing of a duplicate was read or stored again
          error: null,
          errorLocation: null,
          storedPath: of?.storedPath ?? null,
          statementCount: 0,
          entryCount: 0,
          newEntryCount: 0,
          rejectedAt: null,
          rejectedBy: null,
          rejectionReason: null,
          duplicateOf: { id: d.duplicateOfId, fileName: of?.fileName ?? null, status: of?.status ?? null },
        };
      }),
    ];
    return { items: inListOrder(ids, rows), next };
  }

  /** Statement alerts, newest first (exact keyset on created_at, id). */
  async listAlerts(filter: { open: boolean }, page: { after?: KeysetPosition; limit: number }) {
    const where = filter.open ? [Prisma.sql`acknowledged_at IS NULL`] : [];
    const { ids, next } = await keysetPage(
      this.prisma,
      { table: 'statement_alerts', sortColumn: 'created_at', order: 'desc', where },
      page,
    );
    const rows = ids.length ? await this.prisma.statementAlert.findMany({ where: { id: { in: ids } } }) : [];
    return { items: inListOrder(ids, rows), next };
  }

  /** An unknown alert is a 404, not a failed update. */
  async acknowledgeAlert(id: string, by: string) {
    const acknowledged = await this.prisma.statementAlert.updateMany({
      where: { id },
      data: { acknowledgedAt: new Date(), acknowledgedBy: by },
    });
    if (acknowledged.count === 0) throw notFound('statement alert', id);
    return (await this.prisma.statementAlert.findUnique({ where: { id } }))!;
  }
}

/** A file listed with status `duplicate`: its content is `duplicateOf`'s, which was ingested (or quarantined) once. */
export interface DuplicateFileItem {
  id: string;
  status: 'duplicate';
  sourceId: string;
  fileName: string;
  size: bigint;
  receivedAt: Date;
  processedAt: Date;
  sha256: string | null;
  format: string | null;
  error: null;
  errorLocation: null;
  storedPath: string | null;
  statementCount: number;
  entryCount: number;
  newEntryCount: number;
  rejectedAt: null;
  rejectedBy: null;
  rejectionReason: null;
  duplicateOf: { id: string; fileName: string | null; status: string | null };
}
