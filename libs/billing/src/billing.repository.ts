import { Injectable, Optional } from '@nestjs/common';
import {
  inListOrder,
  keysetPage,
  keysetRows,
  lagTolerantClient,
  Prisma,
  PrismaService,
  ReadReplica,
  SqlTransactions,
  type KeysetPosition,
  type SqlTx,
  type Tx,
} from '@remitd/persistence';

export interface BillRow {
  id: string;
  customerId: string;
  reference: string;
  billingCycle: string;
  issuedAt: Date;
  dueDate: string | null;
  /** the payment terms in force when the bill was issued (none recorded on bills issued before they were) */
  settlementCycle: string;
  paymentTermDays: number | null;
  paymentTermKind: string | null;
  currency: string;
  amount: string;
  paid: string;
  status: string;
}

const BILL_COLUMNS = `id::text, customer_id::text AS "customerId", reference, billing_cycle AS "billingCycle", issued_at AS "issuedAt", due_date AS "dueDate",
  settlement_cycle AS "settlementCycle", payment_term_days AS "paymentTermDays", payment_term_kind AS "paymentTermKind",
  currency, amount::text, paid::text, status`;

@Injectable()
export class BillingRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: SqlTransactions,
    @Optional() private readonly replica?: ReadReplica,
  ) {}

  /**
   * A page of bills, oldest issued first (exact keyset on issued_at, id). Statuses are matched as
   * of `today`: an unpaid bill past its due date counts as overdue before the sweep marks it.
   */
  async billPage(
    filter: { customerId?: string; statuses?: string[]; billingCycle?: string; today: string },
    page: { after?: KeysetPosition; limit: number },
  ) {
    const where: Prisma.Sql[] = [];
    if (filter.customerId) where.push(Prisma.sql`customer_id = ${filter.customerId}::uuid`);
    if (filter.billingCycle) where.push(Prisma.sql`billing_cycle = ${filter.billingCycle}`);
    if (filter.statuses)
      where.push(Prisma.sql`CASE WHEN status IN ('unsettled', 'partly_paid') AND due_date < ${filter.today}
                                 THEN 'overdue' ELSE status END = ANY(${filter.statuses}::text[])`);
    // a hot read (the console's and members' open bills): one prepared statement, no ORM
    // a list page tolerates lag: the read replica when the request allows it (issue 19)
    const { rows, next } = await keysetRows<BillRow>(
      lagTolerantClient(this.replica, this.sql.reads),
      { table: 'bills', sortColumn: 'issued_at', order: 'asc', where, columns: BILL_COLUMNS },
      page,
    );
    return { items: rows, next };
  }

  /** A page of repayment records, oldest first (exact keyset on created_at, id). */
  async repaymentPage(
    filter: {
      customerId?: string;
      billId?: string;
      method?: string;
      from?: Date;
      to?: Date;
      /** only repayments of bills of this cycle or later */
      fromCycle: string;
    },
    page: { after?: KeysetPosition; limit: number },
  ) {
    const where: Prisma.Sql[] = [
      Prisma.sql`bill_id IN (SELECT b.id FROM bills b WHERE b.billing_cycle >= ${filter.fromCycle})`,
    ];
    if (filter.from) where.push(Prisma.sql`created_at >= ${filter.from}`);
    if (filter.to) where.push(Prisma.sql`created_at < ${filter.to}`);
    if (filter.customerId) where.push(Prisma.sql`customer_id = ${filter.customerId}::uuid`);
    if (filter.billId) where.push(Prisma.sql`bill_id = ${filter.billId}::uuid`);
    if (filter.method) where.push(Prisma.sql`method = ${filter.method}`);
    const db = lagTolerantClient(this.replica, this.prisma);
    const { ids, next } = await keysetPage(
      db,
      { table: 'repayments', sortColumn: 'created_at', order: 'asc', where },
      page,
    );
    const rows = ids.length
      ? await db.repayment.findMany({
          where: { id: { in: ids } },
          include: { bill: { select: { reference: true, billingCycle: true } } },
        })
      : [];
    return { items: inListOrder(ids, rows), next };
  }

  /** Issued, unpaid bills (locked) of these customers. */
  lockOpenBills(tx: SqlTx, customerIds: string[], onlyBillIds?: string[]): Promise<BillRow[]> {
    if (!customerIds.length) return Promise.resolve([]);
    return tx.$queryRawUnsafe<BillRow[]>(
      `SELECT ${BILL_COLUMNS} FROM bills WHERE customer_id = ANY($1::uuid[]) AND status IN ('unsettled', 'partly_paid', 'overdue') AND issued_at <= now()
       ${onlyBillIds ? 'AND id = ANY($2::uuid[])' : ''} ORDER BY id FOR UPDATE`,
      customerIds,
      ...(onlyBillIds ? [onlyBillIds] : []),
    );
  }

  /**
   * The bill, with its customer's payment lock (`customerPaymentLock`) taken in the same
   * statement: the first step of a manual payment, one round trip instead of two.
   */
  async billTakingPaymentLock(tx: SqlTx, id: string): Promise<BillRow | null> {
    const rows = await tx.$queryRawUnsafe<(BillRow & { paymentLock?: string })[]>(
      `SELECT ${BILL_COLUMNS}, pg_advisory_xact_lock(hashtext('payment:' || customer_id::text))::text AS "paymentLock"
       FROM bills WHERE id = $1::uuid`,
      id,
    );
    if (!rows[0]) return null;
    delete rows[0].paymentLock;
    return rows[0];
  }

  async bill(id: string, tx?: SqlTx): Promise<BillRow | null> {
    const rows = await (tx ?? this.prisma).$queryRawUnsafe<BillRow[]>(
      `SELECT ${BILL_COLUMNS} FROM bills WHERE id = $1::uuid`,
      id,
    );
    return rows[0] ?? null;
  }

  /** Stored-value cards with their ledger balances. */
  cards(tx: Tx | undefined, customerIds: string[]) {
    if (!customerIds.length) return Promise.resolve([]);
    return (tx ?? this.prisma).$queryRaw<
      { id: string; customerId: string; currency: string; validMonth: string; balance: string }[]
    >`
      SELECT c.id::text, c.customer_id::text AS "customerId", c.currency, c.valid_month AS "validMonth", COALESCE(a.balance, 0)::text AS balance
      FROM stored_value_cards c
      LEFT JOIN ledger_accounts a ON a.code = 'customer:' || c.customer_id || ':card:' || c.id || ':' || c.currency
      WHERE c.customer_id = ANY(${customerIds}::uuid[])`;
  }

  openRefunds(tx: Tx | undefined, customerIds: string[]) {
    if (!customerIds.length) return Promise.resolve([]);
    return (tx ?? this.prisma).$queryRaw<
      { id: string; customerId: string; billingCycle: string; currency: string; remaining: string; createdAt: Date }[]
    >`
      SELECT id::text, customer_id::text AS "customerId", billing_cycle AS "billingCycle", currency, remaining::text, created_at AS "createdAt"
      FROM refunds WHERE customer_id = ANY(${customerIds}::uuid[]) AND remaining > 0 ORDER BY created_at, id FOR UPDATE`;
  }

  async useRefunds(tx: SqlTx, used: { id: string; amount: string }[]): Promise<void> {
    if (!used.length) return;
    await tx.$executeRaw`
      UPDATE refunds r SET remaining = r.remaining - u.amount
      FROM unnest(${used.map((u) => u.id)}::uuid[], ${used.map((u) => u.amount)}::numeric[]) AS u(id, amount) WHERE r.id = u.id AND r.id = ANY(${used.map((u) => u.id)}::uuid[])`;
  }

  /** Whether a manual payment currently holds the customer (auto write-off pauses meanwhile). */
  async tryCustomerPaymentLock(tx: Tx, customerId: string): Promise<boolean> {
    const r = await tx.$queryRaw<
      { ok: boolean }[]
    >`SELECT pg_try_advisory_xact_lock(hashtext('payment:' || ${customerId})) AS ok`;
    return r[0].ok;
  }

  /** tryCustomerPaymentLock for many customers in one statement: the ids now held (until commit). */
  async tryCustomerPaymentLocks(tx: Tx, customerIds: string[]): Promise<Set<string>> {
    if (!customerIds.length) return new Set();
    const rows = await tx.$queryRaw<{ id: string; ok: boolean }[]>`
      SELECT t.id, pg_try_advisory_xact_lock(hashtext('payment:' || t.id)) AS ok FROM unnest(${customerIds}::text[]) AS t(id)`;
    return new Set(rows.filter((r) => r.ok).map((r) => r.id));
  }

  /**
   * Of these customers, those a running (or settling) unified settlement task covers, as its payer
   * or one of its accounts, with the task's reference: automatic write-off is off for them (seed 001).
   */
  async inPayingSettlementTask(tx: Tx | undefined, customerIds: string[]): Promise<Map<string, string>> {
    if (!customerIds.length) return new Map();
    const rows = await (tx ?? this.prisma).$queryRaw<{ customerId: string; reference: string }[]>`
      SELECT x.customer_id::text AS "customerId", min(x.reference) AS reference FROM (
        SELECT t.payer_customer_id AS customer_id, t.reference FROM settlement_tasks t
        WHERE t.status IN ('running', 'settling') AND t.payer_customer_id = ANY(${customerIds}::uuid[])
        UNION ALL
        SELECT i.customer_id, t.reference FROM settlement_task_items i JOIN settlement_tasks t ON t.id = i.task_id
        WHERE t.status IN ('running', 'settling') AND i.customer_id = ANY(${customerIds}::uuid[])
      ) x GROUP BY x.customer_id`;
    return new Map(rows.map((r) => [r.customerId, r.reference]));
  }

  async customerPaymentLock(tx: SqlTx, customerId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('payment:' || ${customerId}))`;
  }
}
