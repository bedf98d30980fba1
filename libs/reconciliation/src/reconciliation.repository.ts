import { Injectable } from '@nestjs/common';
import {
  inListOrder,
  keysetPage,
  Prisma,
  PrismaService,
  type KeysetPosition,
  type SqlTx,
  type Tx,
} from '@remitd/persistence';

/** A remitter account learned when a remittance was assigned (matching rule 2). */
export interface KnownRemitterAccount {
  id: string;
  account: string;
  customerId: string;
  remitterName: string | null;
  learnedFromId: string | null;
  learnedBy: string;
  createdAt: Date;
}

const KNOWN_REMITTER_COLUMNS = Prisma.sql`id::text, account, customer_id::text AS "customerId", remitter_name AS "remitterName",
  learned_from_id::text AS "learnedFromId", learned_by AS "learnedBy", created_at AS "createdAt"`;

export interface PendingEntry {
  id: string;
  accountKey: string;
  collectionAccountId: string | null;
  fileId: string;
  direction: 'CRDT' | 'DBIT';
  amount: string;
  currency: string;
  bookingDate: string | null;
  valueDate: string | null;
  bankReference: string | null;
  endToEndId: string | null;
  remitterName: string | null;
  remitterAccount: string | null;
  creditedAccount: string | null;
  remittanceUnstructured: string | null;
  remittanceStructured: string | null;
  instructedAmount: string | null;
  instructedCurrency: string | null;
  chargesAmount: string | null;
  chargesCurrency: string | null;
  rail: string;
  reversal: boolean;
  returnReasonCode: string | null;
  originalReference: string | null;
  additionalInfo: string | null;
}

export interface RemittanceInsert {
  id: string;
  entryId: string;
  state: string;
  customerId: string | null;
  rule: string;
  confidence: string;
  explanation: string;
  flags: string[];
  currency: string;
  bookedAmount: string;
  remittedAmount: string;
  feeReimbursed: string;
  creditJournalId: string | null;
  settlementJournalId: string | null;
}

// `x.id = ANY(ids)` next to the join on unnest(): gives the planner an index condition, so
// updates touch the rows by primary key instead of hashing the whole table.
const ENTRY_SELECT = `e.id::text, e.account_key AS "accountKey", e.collection_account_id::text AS "collectionAccountId", e.file_id::text AS "fileId",
  e.direction, e.amount::text, e.currency, e.booking_date AS "bookingDate", e.value_date AS "valueDate", e.bank_reference AS "bankReference",
  e.end_to_end_id AS "endToEndId", e.remitter_name AS "remitterName", e.remitter_account AS "remitterAccount", e.credited_account AS "creditedAccount",
  e.remittance_unstructured AS "remittanceUnstructured", e.remittance_structured AS "remittanceStructured", e.instructed_amount::text AS "instructedAmount",
  e.instructed_currency AS "instructedCurrency", e.charges_amount::text AS "chargesAmount", e.charges_currency AS "chargesCurrency", e.rail, e.reversal,
  e.return_reason_code AS "returnReasonCode", e.original_reference AS "originalReference", e.additional_info AS "additionalInfo"`;

/** Set-based SQL for the reconciliation hot path: a fixed number of round trips per batch. */
@Injectable()
export class ReconciliationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A page of remittances in one state, oldest first (exact keyset on created_at, id). */
  async remittancePage(
    filter: { state: string; flag?: string; currency?: string; customerId?: string },
    page: { after?: KeysetPosition; limit: number },
  ) {
    const where = [Prisma.sql`state = ${filter.state}`];
    if (filter.flag) where.push(Prisma.sql`${filter.flag} = ANY(flags)`);
    if (filter.currency) where.push(Prisma.sql`currency = ${filter.currency}`);
    if (filter.customerId) where.push(Prisma.sql`customer_id = ${filter.customerId}::uuid`);
    const { ids, next } = await keysetPage(
      this.prisma,
      { table: 'remittances', sortColumn: 'created_at', order: 'asc', where },
      page,
    );
    const rows = ids.length ? await this.prisma.remittance.findMany({ where: { id: { in: ids } } }) : [];
    return { items: inListOrder(ids, rows), next };
  }

  private db(tx: SqlTx | undefined): SqlTx {
    return tx ?? this.prisma;
  }

  /** Queued entries in arrival order, claimed for this transaction: other replicas skip them. */
  claimPending(tx: SqlTx, limit: number): Promise<PendingEntry[]> {
    // the queue rows are locked first and only the claimed ones joined: joined before the lock,
    // every entry another worker holds was read and then skipped (three workers: 6,000 entries
    // read for 2,000 claimed)
    return tx.$queryRawUnsafe<PendingEntry[]>(
      `WITH q AS (SELECT seq, entry_id FROM reconcile_queue ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
       SELECT ${ENTRY_SELECT} FROM q JOIN statement_entries e ON e.id = q.entry_id ORDER BY q.seq`,
      limit,
    );
  }

  /** These entries, claimed, if they are still queued and no other transaction holds them. */
  lockPending(tx: SqlTx, ids: string[]): Promise<PendingEntry[]> {
    return tx.$queryRawUnsafe<PendingEntry[]>(
      `SELECT ${ENTRY_SELECT} FROM reconcile_queue q JOIN statement_entries e ON e.id = q.entry_id
       WHERE q.entry_id = ANY($1::uuid[])
       ORDER BY q.seq FOR UPDATE OF q SKIP LOCKED`,
      ids,
    );
  }

  /** When these bank files were received (file-to-credit latency on /metrics). */
  async filesReceivedAt(fileIds: string[]): Promise<Map<string, Date>> {
    const rows = await this.prisma.$queryRawUnsafe<{ id: string; receivedAt: Date }[]>(
      `SELECT id::text, received_at AS "receivedAt" FROM statement_files WHERE id = ANY($1::uuid[])`,
      fileIds,
    );
    return new Map(rows.map((r) => [r.id, r.receivedAt]));
  }

  /** For the dry run: entries of one file, without claiming anything. */
  entriesOfFile(fileId: string): Promise<PendingEntry[]> {
    return this.prisma.$queryRawUnsafe<PendingEntry[]>(
      `SELECT ${ENTRY_SELECT} FROM statement_entries e WHERE e.file_id = $1::uuid ORDER BY e.created_at, e.id`,
      fileId,
    );
  }

  async virtualAccounts(tx: SqlTx | undefined, numbers: string[]) {
    if (!numbers.length) return [];
    return this.db(tx).$queryRaw<
      { number: string; customerId: string; currency: string; collectionAccountId: string }[]
    >`
      SELECT number, customer_id::text AS "customerId", currency, collection_account_id::text AS "collectionAccountId"
      FROM virtual_accounts WHERE number = ANY(${numbers}::text[])`;
  }

  async knownRemitters(tx: SqlTx | undefined, accounts: string[]) {
    if (!accounts.length) return [];
    return this.db(tx).$queryRaw<{ account: string; customerId: string; createdAt: Date; learnedBy: string }[]>`
      SELECT account, customer_id::text AS "customerId", created_at AS "createdAt", learned_by AS "learnedBy" FROM known_remitter_accounts WHERE account = ANY(${accounts}::text[])`;
  }

  /** A customer's remembered remitter accounts, oldest first (keyset on learned time, id). */
  async knownRemitterPage(customerId: string, page: { after?: KeysetPosition; limit: number }) {
    const { ids, next } = await keysetPage(
      this.prisma,
      {
        table: 'known_remitter_accounts',
        sortColumn: 'created_at',
        order: 'asc',
        where: [Prisma.sql`customer_id = ${customerId}::uuid`],
      },
      page,
    );
    const rows = ids.length
      ? await this.prisma.$queryRaw<KnownRemitterAccount[]>`
          SELECT ${KNOWN_REMITTER_COLUMNS} FROM known_remitter_accounts WHERE id = ANY(${ids}::uuid[])`
      : [];
    return { items: inListOrder(ids, rows), next };
  }

  /** Forgets one remembered account of this customer; null when the customer has no such account. */
  async forgetRemitter(tx: SqlTx, customerId: string, id: string): Promise<KnownRemitterAccount | null> {
    const rows = await tx.$queryRaw<KnownRemitterAccount[]>`
      DELETE FROM known_remitter_accounts
      WHERE id = ${id}::uuid AND customer_id = ${customerId}::uuid
      RETURNING ${KNOWN_REMITTER_COLUMNS}`;
    return rows[0] ?? null;
  }

  async customersByReference(tx: SqlTx | undefined, refs: string[]) {
    if (!refs.length) return [];
    return this.db(tx).$queryRaw<
      { id: string; reference: string }[]
    >`SELECT id::text, reference FROM customers WHERE reference = ANY(${refs}::text[])`;
  }

  async billsByReference(tx: SqlTx | undefined, refs: string[]) {
    if (!refs.length) return [];
    return this.db(tx).$queryRaw<
      { reference: string; customerId: string }[]
    >`SELECT reference, customer_id::text AS "customerId" FROM bills WHERE reference = ANY(${refs}::text[])`;
  }

  async insertRemittances(tx: SqlTx, rows: RemittanceInsert[]): Promise<void> {
    if (!rows.length) return;
    const col = <T>(f: (r: RemittanceInsert) => T) => rows.map(f);
    await tx.$executeRaw`
      INSERT INTO remittances (id, entry_id, state, customer_id, rule, confidence, explanation, flags, currency, booked_amount, remitted_amount,
                               fee_reimbursed, credit_journal_id, settlement_journal_id)
      SELECT id, entry_id, state, customer_id, rule, confidence, explanation, string_to_array(NULLIF(flags, ''), ','), currency, booked, remitted, fee, cj, sj
      FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.entryId)}::uuid[], ${col((r) => r.state)}::text[], ${col((r) => r.customerId)}::uuid[],
                  ${col((r) => r.rule)}::text[], ${col((r) => r.confidence)}::numeric[], ${col((r) => r.explanation)}::text[],
                  ${col((r) => r.flags.join(','))}::text[], ${col((r) => r.currency)}::text[], ${col((r) => r.bookedAmount)}::numeric[],
                  ${col((r) => r.remittedAmount)}::numeric[], ${col((r) => r.feeReimbursed)}::numeric[], ${col((r) => r.creditJournalId)}::uuid[],
                  ${col((r) => r.settlementJournalId)}::uuid[])
        AS t(id, entry_id, state, customer_id, rule, confidence, explanation, flags, currency, booked, remitted, fee, cj, sj)`;
  }

  /** Reconciled: off the queue (their remittance rows, written in the same transaction, say how). */
  async dequeue(tx: SqlTx, entryIds: string[]): Promise<void> {
    if (!entryIds.length) return;
    await tx.$executeRaw`DELETE FROM reconcile_queue WHERE entry_id = ANY(${entryIds}::uuid[])`;
  }

  /** The credit a reversal undoes: by the original reference, the bank reference, the end-to-end id, else remitter + amount. */
  async findOriginal(
    tx: Tx,
    e: PendingEntry,
  ): Promise<{ remittanceId: string; entryId: string; state: string } | null> {
    const rows = await tx.$queryRaw<{ remittanceId: string; entryId: string; state: string }[]>`
      SELECT r.id::text AS "remittanceId", o.id::text AS "entryId", r.state
      FROM statement_entries o JOIN remittances r ON r.entry_id = o.id
      WHERE o.account_key = ${e.accountKey} AND o.direction = 'CRDT' AND NOT o.reversal AND o.id <> ${e.id}::uuid
        AND r.state IN ('credited', 'unmatched', 'return_requested')
        AND (
          (${e.originalReference}::text IS NOT NULL AND o.bank_reference = ${e.originalReference})
          OR (${e.bankReference}::text IS NOT NULL AND o.bank_reference = ${e.bankReference})
          OR (${e.endToEndId}::text IS NOT NULL AND o.end_to_end_id = ${e.endToEndId})
          OR (${e.remitterAccount}::text IS NOT NULL AND o.remitter_account = ${e.remitterAccount} AND o.amount = ${e.amount}::numeric AND o.currency = ${e.currency})
        )
      ORDER BY
        (${e.originalReference}::text IS NOT NULL AND o.bank_reference = ${e.originalReference}) DESC,
        (${e.bankReference}::text IS NOT NULL AND o.bank_reference = ${e.bankReference}) DESC,
        (${e.endToEndId}::text IS NOT NULL AND o.end_to_end_id = ${e.endToEndId}) DESC,
        o.created_at DESC
      LIMIT 1
      FOR UPDATE OF r`;
    return rows[0] ?? null;
  }

  remittance(tx: Tx | undefined, id: string) {
    return (tx ?? this.prisma).remittance.findUnique({ where: { id } });
  }

  async lockRemittance(tx: Tx, id: string) {
    await tx.$queryRaw`SELECT id FROM remittances WHERE id = ${id}::uuid FOR UPDATE`;
    return tx.remittance.findUnique({ where: { id } });
  }

  updateRemittance(tx: Tx, id: string, data: Prisma.RemittanceUpdateInput) {
    return tx.remittance.update({ where: { id }, data: { ...data, updatedAt: new Date() } });
  }

  activeRepaymentsOf(tx: Tx, remittanceId: string) {
    return tx.repayment.findMany({
      where: { remittanceId, reversedAt: null },
      include: { bill: true },
      orderBy: [{ bill: { issuedAt: 'desc' } }],
    });
  }

  async markRepaymentsReversed(tx: Tx, ids: string[], journalId: string): Promise<void> {
    await tx.repayment.updateMany({
      where: { id: { in: ids } },
      data: { reversedAt: new Date(), reversalJournalId: journalId },
    });
  }

  entry(tx: Tx | undefined, id: string) {
    return (tx ?? this.prisma).statementEntry.findUnique({ where: { id } });
  }

  async rememberRemitter(
    tx: Tx,
    r: { account: string; customerId: string; remitterName: string | null; learnedFromId: string; learnedBy: string },
  ) {
    const rows = await tx.$queryRaw<{ customerId: string }[]>`
      INSERT INTO known_remitter_accounts (id, account, customer_id, remitter_name, learned_from_id, learned_by)
      VALUES (gen_random_uuid(), ${r.account}, ${r.customerId}::uuid, ${r.remitterName}, ${r.learnedFromId}::uuid, ${r.learnedBy})
      ON CONFLICT (account) DO UPDATE SET account = EXCLUDED.account
      RETURNING customer_id::text AS "customerId"`;
    return rows[0].customerId;
  }
}
