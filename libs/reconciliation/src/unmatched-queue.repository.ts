import { Injectable, Logger, Optional } from '@nestjs/common';
import {
  inListOrder,
  keysetPage,
  lagTolerantClient,
  listenToChannel,
  Prisma,
  PrismaService,
  ReadReplica,
  type ChannelListener,
  type KeysetPosition,
  type SqlTx,
  type Tx,
} from '@remitd/persistence';

/** The queue's filters, already validated; all optional but the state. */
export interface QueueFilter {
  state: string;
  flag?: string;
  currency?: string;
  customerId?: string;
  /** decimal strings, on the remitted amount */
  minAmount?: string;
  maxAmount?: string;
  rail?: string;
  collectionAccountId?: string;
  /** whole days since the remittance reached remitd: at least / at most */
  minAgeDays?: number;
  maxAgeDays?: number;
  /** an actor id, or null: nobody owns it */
  ownerId?: string | null;
  /** text in the remitter's name, the bank reference, the end-to-end id or the remittance information */
  text?: string;
}

export const QUEUE_SORTS = ['oldest', 'newest', 'amount_desc', 'amount_asc'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

const SORTS: Record<QueueSort, { sortColumn: string; sortType: 'timestamptz' | 'numeric'; order: 'asc' | 'desc' }> = {
  oldest: { sortColumn: 'created_at', sortType: 'timestamptz', order: 'asc' },
  newest: { sortColumn: 'created_at', sortType: 'timestamptz', order: 'desc' },
  amount_desc: { sortColumn: 'remitted_amount', sortType: 'numeric', order: 'desc' },
  amount_asc: { sortColumn: 'remitted_amount', sortType: 'numeric', order: 'asc' },
};

export interface CommentRow {
  id: string;
  remittanceId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

export interface VoucherRow {
  id: string;
  remittanceId: string;
  sha256: string;
  filename: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  createdAt: Date;
}

const VOUCHER_COLUMNS = Prisma.sql`id::text, remittance_id::text AS "remittanceId", sha256, filename, content_type AS "contentType",
  size, uploaded_by AS "uploadedBy", created_at AS "createdAt"`;
const COMMENT_COLUMNS = Prisma.sql`id::text, remittance_id::text AS "remittanceId", author_id AS "authorId", author_name AS "authorName",
  body, created_at AS "createdAt"`;

/** What a remittance event on channel remitd_events carries (migration *_queue_owner_comments_vouchers_events). */
export interface RemittanceEvent {
  type: 'remittance';
  kind: 'insert' | 'update';
  id: string;
  state: string;
  customerId: string | null;
  currency: string;
  /** PostgreSQL's numeric text (4 decimals): scale it to the currency before showing it */
  remittedAmount: string;
  ownerId: string | null;
  at: string;
}

const EVENTS_CHANNEL = 'remitd_events';

/** The unmatched queue's reads and writes beyond crediting: filters, owner, comments, vouchers, live events, dashboard. */
@Injectable()
export class UnmatchedQueueRepository {
  private static readonly logger = new Logger('UnmatchedQueueRepository');

  constructor(
    private readonly prisma: PrismaService,
    @Optional() private readonly replica?: ReadReplica,
  ) {}

  /** list pages, counts and dashboards tolerate lag: the read replica when the request allows it */
  private get reads(): PrismaService {
    return lagTolerantClient(this.replica, this.prisma);
  }

  /** The conditions of a filter, on `remittances` (the entry's fields through its primary key). */
  private where(filter: QueueFilter, now: Date): Prisma.Sql[] {
    const where = [Prisma.sql`state = ${filter.state}`];
    if (filter.flag) where.push(Prisma.sql`${filter.flag} = ANY(flags)`);
    if (filter.currency) where.push(Prisma.sql`currency = ${filter.currency}`);
    if (filter.customerId) where.push(Prisma.sql`customer_id = ${filter.customerId}::uuid`);
    if (filter.minAmount !== undefined) where.push(Prisma.sql`remitted_amount >= ${filter.minAmount}::numeric`);
    if (filter.maxAmount !== undefined) where.push(Prisma.sql`remitted_amount <= ${filter.maxAmount}::numeric`);
    // age in whole days: at least n days ⇔ created n days ago or earlier; at most n ⇔ less than n+1 days ago
    if (filter.minAgeDays !== undefined)
      where.push(Prisma.sql`created_at <= ${now}::timestamptz - ${filter.minAgeDays}::int * interval '1 day'`);
    if (filter.maxAgeDays !== undefined)
      where.push(Prisma.sql`created_at > ${now}::timestamptz - (${filter.maxAgeDays}::int + 1) * interval '1 day'`);
    if (filter.ownerId === null) where.push(Prisma.sql`owner_id IS NULL`);
    else if (filter.ownerId !== undefined) where.push(Prisma.sql`owner_id = ${filter.ownerId}`);
    const entry: Prisma.Sql[] = [];
    if (filter.rail) entry.push(Prisma.sql`e.rail = ${filter.rail}`);
    if (filter.collectionAccountId)
      entry.push(Prisma.sql`e.collection_account_id = ${filter.collectionAccountId}::uuid`);
    if (filter.text) {
      const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      entry.push(Prisma.sql`(e.remitter_name ILIKE ${like} OR e.bank_reference ILIKE ${like} OR e.end_to_end_id ILIKE ${like}
        OR e.remittance_unstructured ILIKE ${like} OR e.remittance_structured ILIKE ${like})`);
    }
    if (entry.length)
      where.push(
        Prisma.sql`EXISTS (SELECT 1 FROM statement_entries e WHERE e.id = remittances.entry_id AND ${Prisma.join(entry, ' AND ')})`,
      );
    return where;
  }

  /** A page of the queue in the chosen order, exact keyset on (sort value, id). */
  async page(filter: QueueFilter, sort: QueueSort, now: Date, page: { after?: KeysetPosition; limit: number }) {
    const db = this.reads;
    const { ids, next } = await keysetPage(
      db,
      { table: 'remittances', ...SORTS[sort], where: this.where(filter, now) },
      page,
    );
    const rows = ids.length ? await db.remittance.findMany({ where: { id: { in: ids } } }) : [];
    const entries = rows.length
      ? await db.statementEntry.findMany({ where: { id: { in: rows.map((r) => r.entryId) } } })
      : [];
    return { items: inListOrder(ids, rows), entries: new Map(entries.map((e) => [e.id, e])), next };
  }

  /** Counts of the whole filtered queue, per currency with the sum of the remitted amounts. */
  async summary(filter: QueueFilter, me: string, now: Date) {
    const rows = await this.reads.$queryRaw<
      { currency: string; n: number; amount: string; oldest: Date | null; mine: number; unowned: number }[]
    >`
      SELECT currency, count(*)::int AS n, sum(remitted_amount)::text AS amount, min(created_at) AS oldest,
        (count(*) FILTER (WHERE owner_id = ${me}))::int AS mine, (count(*) FILTER (WHERE owner_id IS NULL))::int AS unowned
      FROM remittances
      WHERE ${Prisma.join(this.where(filter, now), ' AND ')}
      GROUP BY currency
      ORDER BY currency`;
    return rows;
  }

  async setOwner(tx: Tx, id: string, owner: { id: string; name: string } | null) {
    return tx.remittance.update({
      where: { id },
      data: {
        ownerId: owner?.id ?? null,
        ownerName: owner?.name ?? null,
        ownedAt: owner ? new Date() : null,
        updatedAt: new Date(),
      },
    });
  }

  async addComment(
    tx: SqlTx,
    c: { remittanceId: string; authorId: string; authorName: string; body: string },
  ): Promise<CommentRow> {
    const [row] = await tx.$queryRaw<CommentRow[]>`
      INSERT INTO remittance_comments (id, remittance_id, author_id, author_name, body)
      VALUES (gen_random_uuid(), ${c.remittanceId}::uuid, ${c.authorId}, ${c.authorName}, ${c.body})
      RETURNING ${COMMENT_COLUMNS}`;
    await tx.$executeRaw`UPDATE remittances SET comment_count = comment_count + 1 WHERE id = ${c.remittanceId}::uuid`;
    return row;
  }

  /** A remittance's comments, oldest first (keyset on created_at, id). */
  async commentPage(remittanceId: string, page: { after?: KeysetPosition; limit: number }) {
    const { ids, next } = await keysetPage(
      this.prisma,
      {
        table: 'remittance_comments',
        sortColumn: 'created_at',
        order: 'asc',
        where: [Prisma.sql`remittance_id = ${remittanceId}::uuid`],
      },
      page,
    );
    const rows = ids.length
      ? await this.prisma.$queryRaw<CommentRow[]>`
          SELECT ${COMMENT_COLUMNS} FROM remittance_comments WHERE id = ANY(${ids}::uuid[])`
      : [];
    return { items: inListOrder(ids, rows), next };
  }

  /** The latest comments of a remittance, in the order they were written. */
  async latestComments(remittanceId: string, limit: number): Promise<CommentRow[]> {
    const rows = await this.prisma.$queryRaw<CommentRow[]>`
      SELECT ${COMMENT_COLUMNS} FROM remittance_comments WHERE remittance_id = ${remittanceId}::uuid
      ORDER BY created_at DESC, id DESC LIMIT ${limit}`;
    return rows.reverse();
  }

  /** Stores a voucher once per (remittance, content); `created` is false when it was there already. */
  async addVoucher(
    tx: SqlTx,
    v: {
      remittanceId: string;
      sha256: string;
      filename: string;
      contentType: string;
      content: Buffer;
      uploadedBy: string;
    },
  ): Promise<{ voucher: VoucherRow; created: boolean }> {
    const inserted = await tx.$queryRaw<VoucherRow[]>`
      INSERT INTO remittance_vouchers (id, remittance_id, sha256, filename, content_type, size, content, uploaded_by)
      VALUES (gen_random_uuid(), ${v.remittanceId}::uuid, ${v.sha256}, ${v.filename}, ${v.contentType}, ${v.content.length},
              ${v.content}, ${v.uploadedBy})
      ON CONFLICT (remittance_id, sha256) DO NOTHING
      RETURNING ${VOUCHER_COLUMNS}`;
    if (inserted[0]) return { voucher: inserted[0], created: true };
    const [existing] = await tx.$queryRaw<VoucherRow[]>`
      SELECT ${VOUCHER_COLUMNS} FROM remittance_vouchers WHERE remittance_id = ${v.remittanceId}::uuid AND sha256 = ${v.sha256}`;
    return { voucher: existing, created: false };
  }

  vouchers(remittanceId: string): Promise<VoucherRow[]> {
    return this.prisma.$queryRaw<VoucherRow[]>`
      SELECT ${VOUCHER_COLUMNS} FROM remittance_vouchers WHERE remittance_id = ${remittanceId}::uuid ORDER BY created_at, id`;
  }

  async voucherContent(remittanceId: string, id: string) {
    const rows = await this.prisma.$queryRaw<(VoucherRow & { content: Buffer })[]>`
      SELECT ${VOUCHER_COLUMNS}, content FROM remittance_vouchers WHERE remittance_id = ${remittanceId}::uuid AND id = ${id}::uuid`;
    return rows[0] ?? null;
  }

  /** Bank-side details of entries by id (the remittances' raw side). */
  async entries(ids: string[]) {
    if (!ids.length) return new Map();
    const rows = await this.prisma.statementEntry.findMany({ where: { id: { in: ids } } });
    return new Map(rows.map((e) => [e.id, e]));
  }

  /**
   * Money received per currency since `from` (what reached the collection accounts: neither
   * debits, nor reversals, nor returns of money that left, whose flags may be NULL).
   */
  inflowSince(from: Date) {
    return this.reads.$queryRaw<{ currency: string; amount: string; count: number }[]>`
      SELECT currency, sum(remitted_amount)::text AS amount, count(*)::int AS count
      FROM remittances
      WHERE created_at >= ${from}::timestamptz AND state NOT IN ('debit', 'reversal')
        AND NOT coalesce('return_without_original' = ANY(flags), false)
      GROUP BY currency ORDER BY currency`;
  }

  /**
   * Per day of the window (in `timeZone`), the remittances that arrived that day: credited by a
   * rule on arrival (no flag: a flag is why an item waits for a person), resolved by a person
   * (assign, split, return), still unmatched. Debits, reversals and returns of money that left
   * are not inflow. Flags are NULL rather than empty on rows written by the batch insert.
   */
  matchingByDay(timeZone: string, days: number, now: Date) {
    return this.reads.$queryRaw<{ day: string; automatic: number; manual: number; unmatched: number }[]>`
      WITH days AS (
        SELECT d::date AS day, (d::date::timestamp AT TIME ZONE ${timeZone}) AS day_start,
               ((d::date + 1)::timestamp AT TIME ZONE ${timeZone}) AS day_end
        FROM generate_series((${now}::timestamptz AT TIME ZONE ${timeZone})::date - (${days}::int - 1),
                             (${now}::timestamptz AT TIME ZONE ${timeZone})::date, interval '1 day') d
      )
      SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
        (count(r.id) FILTER (WHERE coalesce(cardinality(r.flags), 0) = 0))::int AS automatic,
        (count(r.id) FILTER (WHERE r.resolved_by IS NOT NULL))::int AS manual,
        (count(r.id) FILTER (WHERE r.state = 'unmatched'))::int AS unmatched
      FROM days
      LEFT JOIN remittances r
        ON r.created_at >= days.day_start AND r.created_at < days.day_end
        AND r.state NOT IN ('debit', 'reversal') AND NOT coalesce('return_without_original' = ANY(r.flags), false)
      GROUP BY days.day
      ORDER BY days.day`;
  }

  /**
   * The queue at the end of each day of the window (now, for today), rebuilt from when each item
   * arrived and left: the items still unmatched, those a person resolved since the window began,
   * and those a bank reversal took off the queue (they left when last updated).
   */
  queueByDay(timeZone: string, days: number, now: Date) {
    return this.reads.$queryRaw<{ day: string; open: number; oldestAgeDays: number | null }[]>`
      WITH days AS (
        SELECT d::date AS day,
               least(((d::date + 1)::timestamp AT TIME ZONE ${timeZone}), ${now}::timestamptz) AS day_end
        FROM generate_series((${now}::timestamptz AT TIME ZONE ${timeZone})::date - (${days}::int - 1),
                             (${now}::timestamptz AT TIME ZONE ${timeZone})::date, interval '1 day') d
      ),
      since AS (
        SELECT ((${now}::timestamptz AT TIME ZONE ${timeZone})::date - (${days}::int - 1))::timestamp AT TIME ZONE ${timeZone} AS at
      ),
      queued AS (
        SELECT created_at, NULL::timestamptz AS left_at FROM remittances WHERE state = 'unmatched'
        UNION ALL
        SELECT created_at, resolved_at FROM remittances, since WHERE resolved_at >= since.at
        UNION ALL
        SELECT created_at, updated_at FROM remittances, since
        WHERE state = 'reversed' AND credit_journal_id IS NULL AND resolved_at IS NULL AND updated_at >= since.at
      )
      SELECT to_char(days.day, 'YYYY-MM-DD') AS day, count(q.created_at)::int AS open,
        floor(extract(epoch FROM max(days.day_end - q.created_at)) / 86400)::int AS "oldestAgeDays"
      FROM days
      LEFT JOIN queued q ON q.created_at < days.day_end AND (q.left_at IS NULL OR q.left_at >= days.day_end)
      GROUP BY days.day
      ORDER BY days.day`;
  }

  /** The start of today in the time zone, as an instant. */
  async startOfToday(timeZone: string, now: Date): Promise<Date> {
    const [row] = await this.prisma.$queryRaw<{ at: Date }[]>`
      SELECT ((${now}::timestamptz AT TIME ZONE ${timeZone})::date::timestamp AT TIME ZONE ${timeZone}) AS at`;
    return row.at;
  }

  /**
   * Remittance events as they commit (a trigger NOTIFYs on channel remitd_events). `onUp` when
   * listening starts, `onDown` when the connection is lost (events may then be missed). One
   * connection; reconnects until `stop()`.
   */
  watchEvents(handlers: { onEvent(event: RemittanceEvent): void; onUp(): void; onDown(): void }): ChannelListener {
    const onPayload = (payload: string) => {
      try {
        handlers.onEvent(JSON.parse(payload) as RemittanceEvent);
      } catch (e) {
        UnmatchedQueueRepository.logger.warn(`unreadable remittance event: ${(e as Error).message}`);
      }
    };
    return listenToChannel(
      this.prisma.url,
      EVENTS_CHANNEL,
      { onPayload, onUp: handlers.onUp, onDown: handlers.onDown },
      UnmatchedQueueRepository.logger,
    );
  }
}
