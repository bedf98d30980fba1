import { Injectable } from '@nestjs/common';
import { keysetPage, Prisma, PrismaService, type KeysetPosition, type SqlTx, type Tx } from '@remitd/persistence';
import type { ItemChoice } from './eligibility';

export type TaskStatus = 'draft' | 'running' | 'settling' | 'not_started' | 'closed' | 'completed';
/** a task in these states keeps its cycles: no other task may choose them */
export const OPEN_STATUSES: TaskStatus[] = ['draft', 'running', 'settling', 'not_started'];
/** a task in these states pays, so automatic write-off is off for its payer and accounts (seed 001) */
export const PAYING_STATUSES: TaskStatus[] = ['running', 'settling'];

export interface TaskRow {
  id: string;
  reference: string;
  name: string;
  payerCustomerId: string;
  currency: string;
  status: TaskStatus;
  settlePass: number;
  createdBy: string;
  createdByRole: string;
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export interface ItemRow {
  customerId: string;
  customerName: string;
  billingCycle: string;
  position: number;
  paid: string;
  billId: string | null;
  billReference: string | null;
  amount: string | null;
  billPaid: string | null;
  billStatus: string | null;
}

export interface CandidateRow {
  customerId: string;
  customerName: string;
  billingCycle: string;
  billId: string;
  billReference: string;
  amount: string;
  paid: string;
  status: string;
  taskId: string | null;
  taskReference: string | null;
}

const TASK_COLUMNS = `id::text, reference, name, payer_customer_id::text AS "payerCustomerId", currency, status,
  settle_pass AS "settlePass", created_by AS "createdBy", created_by_role AS "createdByRole", created_by_name AS "createdByName",
  created_at AS "createdAt", updated_at AS "updatedAt", completed_at AS "completedAt"`;

/** The only code that touches the settlement-task tables. */
@Injectable()
export class SettlementTaskRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The customers a payer manages through a valid (not ended) financial-management relationship. */
  async managedBy(tx: SqlTx | undefined, payerId: string): Promise<string[]> {
    const rows = await (tx ?? this.prisma).$queryRaw<{ id: string }[]>`
      SELECT member_customer_id::text AS id FROM financial_relationships
      WHERE main_customer_id = ${payerId}::uuid AND ended_at IS NULL`;
    return rows.map((r) => r.id);
  }

  /** Issued bills (as of `now`) of these account × cycle pairs in one currency. */
  async issuedBills(tx: SqlTx, items: readonly ItemChoice[], currency: string, now: Date) {
    if (!items.length) return [];
    return tx.$queryRaw<{ customerId: string; billingCycle: string; id: string }[]>`
      SELECT b.customer_id::text AS "customerId", b.billing_cycle AS "billingCycle", b.id::text
      FROM bills b
      JOIN unnest(${items.map((i) => i.customerId)}::uuid[], ${items.map((i) => i.billingCycle)}::text[]) AS s(customer_id, cycle)
        ON b.customer_id = s.customer_id AND b.billing_cycle = s.cycle
      WHERE b.currency = ${currency} AND b.issued_at <= ${now}`;
  }

  /** Items of other open tasks holding any of these account × cycle pairs. */
  async heldElsewhere(tx: SqlTx, items: readonly ItemChoice[], exceptTaskId: string | null) {
    if (!items.length) return [];
    return tx.$queryRaw<{ customerId: string; billingCycle: string; taskId: string; reference: string }[]>`
      SELECT i.customer_id::text AS "customerId", i.billing_cycle AS "billingCycle", t.id::text AS "taskId", t.reference
      FROM settlement_task_items i
      JOIN settlement_tasks t ON t.id = i.task_id
      JOIN unnest(${items.map((i) => i.customerId)}::uuid[], ${items.map((i) => i.billingCycle)}::text[]) AS s(customer_id, cycle)
        ON i.customer_id = s.customer_id AND i.billing_cycle = s.cycle
      WHERE i.open AND i.task_id IS DISTINCT FROM ${exceptTaskId}::uuid`;
  }

  async insertTask(
    tx: Tx,
    t: Pick<
      TaskRow,
      'id' | 'reference' | 'name' | 'payerCustomerId' | 'currency' | 'createdBy' | 'createdByRole' | 'createdByName'
    >,
  ): Promise<void> {
    await tx.settlementTask.create({ data: t });
  }

  /**
   * Replaces a task's items. Two creations racing for the same account × cycle meet on the
   * partial unique index: the second waits for the first to commit, then inserts nothing for
   * that pair (ON CONFLICT DO NOTHING); it returns how many rows went in, and the caller names
   * the winner in a 409.
   */
  async replaceItems(tx: SqlTx, taskId: string, items: readonly ItemChoice[]): Promise<number> {
    await tx.$executeRaw`DELETE FROM settlement_task_items WHERE task_id = ${taskId}::uuid`;
    return tx.$executeRaw`
      INSERT INTO settlement_task_items (task_id, customer_id, billing_cycle, position)
      SELECT ${taskId}::uuid, s.customer_id, s.cycle, s.position
      FROM unnest(${items.map((i) => i.customerId)}::uuid[], ${items.map((i) => i.billingCycle)}::text[],
                  ${items.map((_, n) => n + 1)}::int[]) AS s(customer_id, cycle, position)
      ON CONFLICT (customer_id, billing_cycle) WHERE open DO NOTHING`;
  }

  async lock(tx: SqlTx, id: string): Promise<TaskRow | null> {
    const rows = await tx.$queryRawUnsafe<TaskRow[]>(
      `SELECT ${TASK_COLUMNS} FROM settlement_tasks WHERE id = $1::uuid FOR UPDATE`,
      id,
    );
    return rows[0] ?? null;
  }

  async find(id: string, tx?: SqlTx): Promise<TaskRow | null> {
    const rows = await (tx ?? this.prisma).$queryRawUnsafe<TaskRow[]>(
      `SELECT ${TASK_COLUMNS} FROM settlement_tasks WHERE id = $1::uuid`,
      id,
    );
    return rows[0] ?? null;
  }

  /** Moves the task to `status`; closed and completed tasks release their cycles. */
  async setStatus(tx: SqlTx, id: string, status: TaskStatus, opts: { pass?: boolean } = {}): Promise<void> {
    const done = status === 'closed' || status === 'completed';
    await tx.$executeRaw`
      UPDATE settlement_tasks SET status = ${status}, updated_at = clock_timestamp(),
        completed_at = CASE WHEN ${status} = 'completed' THEN clock_timestamp() ELSE completed_at END,
        settle_pass = settle_pass + ${opts.pass ? 1 : 0}
      WHERE id = ${id}::uuid`;
    if (done) await tx.$executeRaw`UPDATE settlement_task_items SET open = false WHERE task_id = ${id}::uuid`;
  }

  async rename(tx: SqlTx, id: string, name: string): Promise<void> {
    await tx.$executeRaw`UPDATE settlement_tasks SET name = ${name}, updated_at = clock_timestamp() WHERE id = ${id}::uuid`;
  }

  async delete(tx: SqlTx, id: string): Promise<void> {
    await tx.$executeRaw`DELETE FROM settlement_tasks WHERE id = ${id}::uuid`;
  }

  async addEvent(
    tx: SqlTx,
    e: {
      taskId: string;
      from: TaskStatus | null;
      to: TaskStatus;
      actor: { id: string; role: string; name?: string | null };
      note?: string;
    },
  ): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO settlement_task_events (task_id, from_status, to_status, actor_id, actor_role, actor_name, note)
      VALUES (${e.taskId}::uuid, ${e.from}, ${e.to}, ${e.actor.id}, ${e.actor.role}, ${e.actor.name ?? null}, ${e.note ?? null})`;
  }

  /** Locks the bills of a task's items (id order, as every payment takes them). */
  async lockBills(tx: SqlTx, task: Pick<TaskRow, 'id' | 'currency'>): Promise<void> {
    await tx.$queryRaw`
      SELECT b.id FROM bills b
      JOIN settlement_task_items i ON b.customer_id = i.customer_id AND b.billing_cycle = i.billing_cycle
      WHERE i.task_id = ${task.id}::uuid AND b.currency = ${task.currency}
      ORDER BY b.id FOR UPDATE OF b`;
  }

  /** The task's items in its order, each with its bill in the task's currency. */
  async items(tx: SqlTx | undefined, task: Pick<TaskRow, 'id' | 'currency'>) {
    return (tx ?? this.prisma).$queryRawUnsafe<ItemRow[]>(
      `SELECT i.customer_id::text AS "customerId", c.name AS "customerName", i.billing_cycle AS "billingCycle",
              i.position, i.paid::text AS paid, b.id::text AS "billId", b.reference AS "billReference",
              b.amount::text AS amount, b.paid::text AS "billPaid", b.status AS "billStatus"
       FROM settlement_task_items i
       JOIN customers c ON c.id = i.customer_id
       LEFT JOIN bills b ON b.customer_id = i.customer_id AND b.billing_cycle = i.billing_cycle AND b.currency = $2
       WHERE i.task_id = $1::uuid
       ORDER BY i.position`,
      task.id,
      task.currency,
    );
  }

  async addPaid(tx: SqlTx, taskId: string, paid: { customerId: string; billingCycle: string; amount: string }[]) {
    if (!paid.length) return;
    await tx.$executeRaw`
      UPDATE settlement_task_items i SET paid = i.paid + p.amount
      FROM unnest(${paid.map((p) => p.customerId)}::uuid[], ${paid.map((p) => p.billingCycle)}::text[],
                  ${paid.map((p) => p.amount)}::numeric[]) AS p(customer_id, cycle, amount)
      WHERE i.task_id = ${taskId}::uuid AND i.customer_id = p.customer_id AND i.billing_cycle = p.cycle`;
  }

  events(taskId: string, tx?: SqlTx) {
    return (tx ?? this.prisma).$queryRaw<
      {
        fromStatus: string | null;
        toStatus: string;
        actorId: string;
        actorRole: string;
        actorName: string | null;
        note: string | null;
        at: Date;
      }[]
    >`
      SELECT from_status AS "fromStatus", to_status AS "toStatus", actor_id AS "actorId", actor_role AS "actorRole",
             actor_name AS "actorName", note, created_at AS at
      FROM settlement_task_events WHERE task_id = ${taskId}::uuid ORDER BY id`;
  }

  /** Tasks newest first (exact keyset on created_at, id), optionally of one payer. */
  async page(filter: { payerCustomerId?: string; status?: string }, page: { after?: KeysetPosition; limit: number }) {
    const where: Prisma.Sql[] = [];
    if (filter.payerCustomerId) where.push(Prisma.sql`payer_customer_id = ${filter.payerCustomerId}::uuid`);
    if (filter.status) where.push(Prisma.sql`status = ${filter.status}`);
    const { ids, next } = await keysetPage(
      this.prisma,
      { table: 'settlement_tasks', sortColumn: 'created_at', order: 'desc', where },
      page,
    );
    if (!ids.length) return { items: [] as TaskRow[], next };
    const rows = await this.prisma.$queryRawUnsafe<TaskRow[]>(
      `SELECT ${TASK_COLUMNS} FROM settlement_tasks WHERE id = ANY($1::uuid[])`,
      ids,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { items: ids.map((id) => byId.get(id)!), next };
  }

  /** Issued bills of these customers from `fromCycle` on, before `beforeCycle`, with the open task holding each. */
  candidates(customerIds: string[], currency: string, fromCycle: string, beforeCycle: string, now: Date) {
    return this.prisma.$queryRaw<CandidateRow[]>`
      SELECT b.customer_id::text AS "customerId", c.name AS "customerName", b.billing_cycle AS "billingCycle",
             b.id::text AS "billId", b.reference AS "billReference", b.amount::text AS amount, b.paid::text AS paid,
             b.status, t.id::text AS "taskId", t.reference AS "taskReference"
      FROM bills b
      JOIN customers c ON c.id = b.customer_id
      LEFT JOIN settlement_task_items i ON i.customer_id = b.customer_id AND i.billing_cycle = b.billing_cycle AND i.open
      LEFT JOIN settlement_tasks t ON t.id = i.task_id
      WHERE b.customer_id = ANY(${customerIds}::uuid[]) AND b.currency = ${currency}
        AND b.billing_cycle >= ${fromCycle} AND b.billing_cycle < ${beforeCycle} AND b.issued_at <= ${now}
      ORDER BY c.name, b.customer_id, b.billing_cycle DESC`;
  }

  /**
   * Whether any task is running or settling: almost never, so the crediting's hook asks this
   * (no parameters, the status index) before sending a batch's customer ids and references.
   */
  async anyRunningTask(tx: SqlTx): Promise<boolean> {
    const rows = await tx.$queryRaw<{ any: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM settlement_tasks WHERE status IN ('running', 'settling')) AS any`;
    return rows[0].any;
  }

  /** Of these customers, those a running (or settling) task covers, as payer or account, with one such task's reference. */
  async payingTasksCovering(tx: SqlTx | undefined, customerIds: string[]): Promise<Map<string, string>> {
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

  /** Running (or settling) tasks paid by these customers or named by these references, in id order. */
  async runningTasksFor(tx: SqlTx, payerIds: string[], references: string[]): Promise<{ id: string }[]> {
    if (!payerIds.length && !references.length) return [];
    return tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM settlement_tasks
      WHERE status IN ('running', 'settling')
        AND (payer_customer_id = ANY(${payerIds}::uuid[]) OR reference = ANY(${references}::text[]))
      ORDER BY id`;
  }

  /** Running tasks whose payer has cash to pay with: what a scheduler pass settles. */
  async runnableTaskIds(limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT t.id::text FROM settlement_tasks t
      JOIN ledger_accounts a ON a.code = 'customer:' || t.payer_customer_id || ':cash:' || t.currency
      WHERE t.status IN ('running', 'settling') AND a.balance > 0
      ORDER BY t.created_at, t.id LIMIT ${limit}`;
    return rows.map((r) => r.id);
  }

  /** The payer's exclusive bank account in the task's currency. */
  async exclusiveAccount(customerId: string, currency: string) {
    const rows = await this.prisma.$queryRaw<
      { number: string; bic: string | null; holder: string | null; bankName: string | null; collection: string }[]
    >`
      SELECT v.number, ca.bic, ca.account_holder_name AS holder, ca.bank_name AS "bankName", ca.name AS collection
      FROM virtual_accounts v JOIN collection_accounts ca ON ca.id = v.collection_account_id
      WHERE v.customer_id = ${customerId}::uuid AND v.currency = ${currency} AND v.status = 'active'
      ORDER BY v.created_at LIMIT 1`;
    return rows[0] ?? null;
  }
}
