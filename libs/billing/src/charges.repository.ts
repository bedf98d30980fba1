import { Injectable } from '@nestjs/common';
import { inListOrder, keysetPage, Prisma, type KeysetPosition, type SqlTx } from '@remitd/persistence';
import { isQuarterEnd, nextCycle } from './cycles';

/**
 * The lock between recording charges and issuing a cycle (issue 11 item 4). Both are
 * transaction-scoped advisory locks named after the cycle: recording a charge takes it shared
 * (charges of one cycle never wait for each other), issuance takes it exclusive. So issuance
 * starts only once every charge transaction of the cycle already under way has committed or
 * rolled back, and a charge arriving meanwhile waits until issuance has committed, then finds the
 * cycle issued and goes to the next open cycle.
 */
const chargesOfCycle = (cycle: string) => `charges:${cycle}`;

export interface NewCharge {
  customerId: string;
  billingCycle: string;
  deferredFromCycle: string | null;
  product: string;
  usage: string;
  amount: string;
  currency: string;
  /** the service period billed ("YYYY-MM-DD"), both or neither */
  servicePeriodStart?: string | null;
  servicePeriodEnd?: string | null;
  /** the stored-value card named when the order was placed (seed 000: otherwise no card pays it) */
  storedValueCardId?: string | null;
}

export interface ChargeRow extends NewCharge {
  id: string;
  createdAt: Date;
}

export interface ListedCharge extends ChargeRow {
  billId: string | null;
}

export interface TermsInUse {
  days: number;
  kind: string;
  billingEntityId: string | null;
  /** the entity's holidays ("YYYY-MM-DD"), for business days only */
  holidays: string[];
}

export interface DueDateOfTerms {
  days: number;
  kind: string;
  billingEntityId: string | null;
  due: string;
}

export interface IssuedBill {
  id: string;
  customerId: string;
}

const CARD_COLUMNS = Prisma.raw(`to_char(service_period_start, 'YYYY-MM-DD') AS "servicePeriodStart",
  to_char(service_period_end, 'YYYY-MM-DD') AS "servicePeriodEnd", stored_value_card_id::text AS "storedValueCardId"`);

@Injectable()
export class ChargesRepository {
  /** Shared: charges may be recorded for `cycle` while this transaction lasts; issuance waits. */
  async lockCycleForCharges(tx: SqlTx, cycle: string): Promise<void> {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${chargesOfCycle(cycle)}))::text`;
  }

  /** Exclusive: no charge of `cycle` is being recorded while this transaction lasts. */
  async lockCycleForIssuance(tx: SqlTx, cycle: string): Promise<void> {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${chargesOfCycle(cycle)}))::text`;
  }

  /** Whether issuance of `cycle` has begun (committed): its bills are then fixed. */
  async cycleIssued(tx: SqlTx, cycle: string): Promise<boolean> {
    const rows = await tx.$queryRaw<
      { one: number }[]
    >`SELECT 1 AS one FROM billing_runs WHERE billing_cycle = ${cycle}`;
    return rows.length > 0;
  }

  /**
   * The first cycle from `cycle` on whose issuance has not begun, holding its shared lock until
   * the transaction ends (so it cannot be issued before the caller's charges are committed).
   */
  async openCycleFrom(tx: SqlTx, cycle: string, following: (cycle: string) => string = nextCycle): Promise<string> {
    for (let candidate = cycle; ; candidate = following(candidate)) {
      await this.lockCycleForCharges(tx, candidate);
      if (!(await this.cycleIssued(tx, candidate))) return candidate;
    }
  }

  async insert(tx: SqlTx, charge: NewCharge): Promise<ChargeRow> {
    const rows = await tx.$queryRaw<ChargeRow[]>`
      INSERT INTO charges (id, customer_id, billing_cycle, deferred_from_cycle, product, usage, amount, currency,
                           service_period_start, service_period_end, stored_value_card_id)
      VALUES (gen_random_uuid(), ${charge.customerId}::uuid, ${charge.billingCycle}, ${charge.deferredFromCycle},
              ${charge.product}, ${charge.usage}, ${charge.amount}::numeric, ${charge.currency},
              ${charge.servicePeriodStart ?? null}::date, ${charge.servicePeriodEnd ?? null}::date,
              ${charge.storedValueCardId ?? null}::uuid)
      RETURNING id::text, customer_id::text AS "customerId", billing_cycle AS "billingCycle",
                deferred_from_cycle AS "deferredFromCycle", product, usage, amount::text, currency, created_at AS "createdAt",
                ${CARD_COLUMNS}`;
    return rows[0];
  }

  /**
   * Turns the unbilled charges of `cycle` into bills and bill lines in one statement: the charges
   * are read once (FOR UPDATE), and both each bill's amount and its lines come from that one set,
   * so a bill's amount is always the sum of its lines. Call under lockCycleForIssuance.
   * `dueDates` maps payment terms (days, kind, billing entity: its holidays) to the due date; each
   * bill records the terms it was issued under. On a quarter's last cycle a quarterly customer's
   * bill is a quarterly one (its charges of the quarter were recorded on that cycle).
   */
  async issueCycle(tx: SqlTx, cycle: string, issuedAt: Date, dueDates: DueDateOfTerms[]): Promise<IssuedBill[]> {
    const quarterEnd = isQuarterEnd(cycle);
    return tx.$queryRaw<IssuedBill[]>`
      WITH pending AS (
        SELECT c.id, c.customer_id, c.currency, c.product, c.usage, c.amount
        FROM charges c
        WHERE c.billing_cycle = ${cycle} AND c.bill_id IS NULL
        FOR UPDATE),
      new_bills AS (
        INSERT INTO bills (id, customer_id, reference, billing_cycle, issued_at, due_date,
                           settlement_cycle, payment_term_days, payment_term_kind, currency, amount)
        SELECT gen_random_uuid(), p.customer_id,
               'B-' || replace(${cycle}, '-', '') || '-' || cu.reference || CASE WHEN p.currency <> cu.currency THEN '-' || p.currency ELSE '' END,
               ${cycle}, ${issuedAt}, t.due,
               CASE WHEN cu.settlement_cycle = 'quarterly' AND ${quarterEnd} THEN 'quarterly' ELSE 'monthly' END,
               cu.payment_term_days, cu.payment_term_kind, p.currency, SUM(p.amount)
        FROM pending p
        JOIN customers cu ON cu.id = p.customer_id
        LEFT JOIN unnest(${dueDates.map((d) => d.days)}::int[], ${dueDates.map((d) => d.kind)}::text[],
                         ${dueDates.map((d) => d.billingEntityId ?? '')}::text[], ${dueDates.map((d) => d.due)}::text[])
                  AS t(days, kind, entity, due)
          ON t.days = cu.payment_term_days AND t.kind = cu.payment_term_kind
             AND t.entity = coalesce(cu.billing_entity_id::text, '')
        GROUP BY p.customer_id, cu.reference, cu.currency, cu.settlement_cycle, cu.payment_term_days,
                 cu.payment_term_kind, p.currency, t.due
        ON CONFLICT (customer_id, billing_cycle, currency) DO NOTHING
        RETURNING id, customer_id, currency),
      billed AS (
        UPDATE charges c SET bill_id = b.id
        FROM pending p
        JOIN new_bills b ON b.customer_id = p.customer_id AND b.currency = p.currency
        WHERE c.id = p.id
        RETURNING c.bill_id, c.product, c.usage, c.amount),
      lines AS (
        INSERT INTO bill_lines (id, bill_id, product, usage, amount)
        SELECT gen_random_uuid(), bill_id, product, usage, amount
        FROM billed)
      SELECT id::text, customer_id::text AS "customerId" FROM new_bills`;
  }

  /**
   * Every payment term in use (of all customers, or of those whose bills of `cycle` have no due
   * date yet), with the holidays of the customer's billing entity for business days.
   */
  async termsInUse(tx: SqlTx, opts: { billsWithoutDueDateOf?: string } = {}): Promise<TermsInUse[]> {
    const customers = opts.billsWithoutDueDateOf
      ? Prisma.sql`SELECT DISTINCT cu.payment_term_days, cu.payment_term_kind, cu.billing_entity_id
                   FROM bills b JOIN customers cu ON cu.id = b.customer_id
                   WHERE b.billing_cycle = ${opts.billsWithoutDueDateOf} AND b.due_date IS NULL`
      : Prisma.sql`SELECT DISTINCT payment_term_days, payment_term_kind, billing_entity_id FROM customers`;
    return tx.$queryRaw<TermsInUse[]>`
      SELECT t.payment_term_days AS days, t.payment_term_kind AS kind, t.billing_entity_id::text AS "billingEntityId",
             ARRAY(SELECT h.date FROM billing_entity_holidays h
                   WHERE h.billing_entity_id = t.billing_entity_id AND t.payment_term_kind = 'business'
                   ORDER BY h.date) AS holidays
      FROM (${customers}) AS t`;
  }

  /** Sets the due date of `cycle`'s bills that have none, from their customer's terms. */
  async setMissingDueDates(tx: SqlTx, cycle: string, dueDates: DueDateOfTerms[]): Promise<void> {
    if (!dueDates.length) return;
    await tx.$executeRaw`
      UPDATE bills b
      SET due_date = t.due, payment_term_days = cu.payment_term_days, payment_term_kind = cu.payment_term_kind
      FROM customers cu,
           unnest(${dueDates.map((d) => d.days)}::int[], ${dueDates.map((d) => d.kind)}::text[],
                  ${dueDates.map((d) => d.billingEntityId ?? '')}::text[], ${dueDates.map((d) => d.due)}::text[])
             AS t(days, kind, entity, due)
      WHERE b.billing_cycle = ${cycle} AND b.due_date IS NULL AND cu.id = b.customer_id
        AND cu.payment_term_days = t.days AND cu.payment_term_kind = t.kind
        AND coalesce(cu.billing_entity_id::text, '') = t.entity`;
  }

  /**
   * Unbilled charges of cycles whose issuance has begun: charges recorded for an issued cycle
   * before the lock existed, or whose bill was already there when the cycle was issued again.
   * With the lock, none appear any more.
   */
  async strandedCycles(tx: SqlTx): Promise<string[]> {
    const rows = await tx.$queryRaw<{ cycle: string }[]>`
      SELECT DISTINCT c.billing_cycle AS cycle
      FROM charges c
      JOIN billing_runs r ON r.billing_cycle = c.billing_cycle
      WHERE c.bill_id IS NULL
      ORDER BY 1`;
    return rows.map((r) => r.cycle);
  }

  /** Moves the unbilled charges of issued cycle `from` into `to`, remembering where they came from. */
  async defer(tx: SqlTx, from: string, to: string): Promise<number> {
    return tx.$executeRaw`
      UPDATE charges SET billing_cycle = ${to}, deferred_from_cycle = COALESCE(deferred_from_cycle, ${from})
      WHERE billing_cycle = ${from} AND bill_id IS NULL`;
  }

  /** A customer's charges, oldest recorded first (exact keyset on created_at, id); `billed` filters on having a bill. */
  async page(
    db: SqlTx,
    filter: { customerId: string; billed?: boolean },
    page: { after?: KeysetPosition; limit: number },
  ): Promise<{ items: ListedCharge[]; next: KeysetPosition | null }> {
    const where: Prisma.Sql[] = [Prisma.sql`customer_id = ${filter.customerId}::uuid`];
    if (filter.billed !== undefined)
      where.push(filter.billed ? Prisma.sql`bill_id IS NOT NULL` : Prisma.sql`bill_id IS NULL`);
    const { ids, next } = await keysetPage(
      db,
      { table: 'charges', sortColumn: 'created_at', order: 'asc', where },
      page,
    );
    if (!ids.length) return { items: [], next };
    const rows = await db.$queryRaw<ListedCharge[]>`
      SELECT id::text, customer_id::text AS "customerId", billing_cycle AS "billingCycle",
             deferred_from_cycle AS "deferredFromCycle", product, usage, amount::text, currency,
             bill_id::text AS "billId", created_at AS "createdAt", ${CARD_COLUMNS}
      FROM charges
      WHERE id = ANY(${ids}::uuid[])`;
    return { items: inListOrder(ids, rows), next };
  }

  /**
   * What each stored-value card may pay of each bill (seed 000): the lines whose order named the
   * card and whose service period lies within one month. Bills without charges (imported) are
   * absent from `billsWithCharges`: only the card's month limits them.
   */
  async cardPayable(
    db: SqlTx,
    billIds: string[],
  ): Promise<{ billsWithCharges: Set<string>; payable: Map<string, string> }> {
    if (!billIds.length) return { billsWithCharges: new Set(), payable: new Map() };
    const rows = await db.$queryRaw<{ billId: string; cardId: string | null; amount: string }[]>`
      SELECT bill_id::text AS "billId", stored_value_card_id::text AS "cardId", sum(amount)::text AS amount
      FROM charges
      WHERE bill_id = ANY(${billIds}::uuid[])
        AND (stored_value_card_id IS NULL
             OR service_period_start IS NULL
             OR date_trunc('month', service_period_start) = date_trunc('month', service_period_end))
      GROUP BY 1, 2
      UNION ALL
      SELECT DISTINCT bill_id::text, NULL, '0' FROM charges WHERE bill_id = ANY(${billIds}::uuid[])`;
    const payable = new Map<string, string>();
    for (const r of rows) if (r.cardId) payable.set(`${r.billId}:${r.cardId}`, r.amount);
    return { billsWithCharges: new Set(rows.map((r) => r.billId)), payable };
  }

  /** Whether `cycle` holds charges not yet on a bill. */
  async hasUnbilled(db: SqlTx, cycle: string): Promise<boolean> {
    const rows = await db.$queryRaw<{ one: number }[]>`
      SELECT 1 AS one FROM charges WHERE billing_cycle = ${cycle} AND bill_id IS NULL LIMIT 1`;
    return rows.length > 0;
  }

  /** Cycles up to `upTo` (inclusive) with unbilled charges and no billing run yet, oldest first. */
  async unissuedCyclesWithCharges(tx: SqlTx, upTo: string): Promise<string[]> {
    const rows = await tx.$queryRaw<{ cycle: string }[]>`
      SELECT DISTINCT c.billing_cycle AS cycle
      FROM charges c
      WHERE c.bill_id IS NULL AND c.billing_cycle <= ${upTo}
        AND NOT EXISTS (SELECT 1 FROM billing_runs r WHERE r.billing_cycle = c.billing_cycle)
      ORDER BY 1`;
    return rows.map((r) => r.cycle);
  }
}
