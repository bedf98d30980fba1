import { Injectable } from '@nestjs/common';
import type { SqlTx } from '@remitd/persistence';

export interface PaymentMethodRow {
  id: string;
  customerId: string;
  kind: 'card' | 'paypal';
  gatewayToken: string;
  brand: string;
  last4: string | null;
  expiry: string | null;
  isDefault: boolean;
  createdAt: Date;
}

export interface PaygAccountRow {
  customerId: string;
  paypalThreshold: string | null;
  preauthorizedAt: Date | null;
  inArrears: boolean;
  arrearsSince: Date | null;
  lastMethodId: string | null;
}

export type PaymentPurpose = 'payg_threshold' | 'payg_month_end' | 'bill';
export type PaymentStatus = 'pending' | 'retry_scheduled' | 'succeeded' | 'failed';

export interface GatewayPaymentRow {
  id: string;
  customerId: string;
  billId: string | null;
  paymentMethodId: string;
  channel: 'card' | 'paypal';
  gatewayToken: string;
  purpose: PaymentPurpose;
  amount: string;
  currency: string;
  status: PaymentStatus;
  attempt: number;
  idempotencyKey: string;
  gatewayChargeId: string | null;
  nextAttemptAt: Date | null;
  lastError: string | null;
  journalEntryId: string | null;
  forced: boolean;
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface DeductionCandidate {
  customerId: string;
  currency: string;
  methodId: string;
  channel: 'card' | 'paypal';
}

/** The thresholds a deduction run applies: per currency for cards, per account (else the range's top) for PayPal. */
export interface Thresholds {
  card: Record<string, string>;
  paypalDefault: Record<string, string>;
}

const METHOD_COLUMNS = `id::text, customer_id::text AS "customerId", kind, gateway_token AS "gatewayToken", brand, last4, expiry,
  is_default AS "isDefault", created_at AS "createdAt"`;

const PAYMENT_COLUMNS = `g.id::text, g.customer_id::text AS "customerId", g.bill_id::text AS "billId",
  g.payment_method_id::text AS "paymentMethodId", g.channel, pm.gateway_token AS "gatewayToken", g.purpose,
  g.amount::text, g.currency, g.status, g.attempt, g.idempotency_key AS "idempotencyKey",
  g.gateway_charge_id AS "gatewayChargeId", g.next_attempt_at AS "nextAttemptAt", g.last_error AS "lastError",
  g.journal_entry_id::text AS "journalEntryId", g.forced, g.created_at AS "createdAt", g.resolved_at AS "resolvedAt"`;

/**
 * A charge still to pay: not deducted yet, and not on a bill that something else settled or that
 * a payment with an unknown outcome is paying (seed 000: no duplicate payment meanwhile).
 */
const UNPAID_CHARGE = `c.gateway_payment_id IS NULL
  AND (c.bill_id IS NULL OR (EXISTS (SELECT 1 FROM bills b WHERE b.id = c.bill_id AND b.status <> 'settled')
       AND NOT EXISTS (SELECT 1 FROM gateway_payments gp WHERE gp.bill_id = c.bill_id AND gp.status = 'pending')))`;

/** Payment methods, pay-as-you-go accounts and gateway payments: the only code of payments that touches SQL. */
@Injectable()
export class PaymentsRepository {
  async customer(db: SqlTx, id: string): Promise<{ id: string; currency: string; creditControl: boolean } | null> {
    const rows = await db.$queryRaw<{ id: string; currency: string; creditControl: boolean }[]>`
      SELECT id::text, currency, credit_control AS "creditControl" FROM customers WHERE id = ${id}::uuid`;
    return rows[0] ?? null;
  }

  async bill(
    db: SqlTx,
    id: string,
  ): Promise<{
    id: string;
    customerId: string;
    reference: string;
    currency: string;
    status: string;
    outstanding: string;
  } | null> {
    const rows = await db.$queryRaw<
      { id: string; customerId: string; reference: string; currency: string; status: string; outstanding: string }[]
    >`
      SELECT id::text, customer_id::text AS "customerId", reference, currency, status, (amount - paid)::text AS outstanding
      FROM bills WHERE id = ${id}::uuid`;
    return rows[0] ?? null;
  }

  // ── payment methods ──────────────────────────────────────────────────────────────────────────
  async methods(db: SqlTx, customerId: string): Promise<PaymentMethodRow[]> {
    return db.$queryRawUnsafe<PaymentMethodRow[]>(
      `SELECT ${METHOD_COLUMNS} FROM payment_methods WHERE customer_id = $1::uuid AND removed_at IS NULL ORDER BY created_at, id`,
      customerId,
    );
  }

  async method(db: SqlTx, customerId: string, methodId: string): Promise<PaymentMethodRow | null> {
    const rows = await db.$queryRawUnsafe<PaymentMethodRow[]>(
      `SELECT ${METHOD_COLUMNS} FROM payment_methods WHERE id = $1::uuid AND customer_id = $2::uuid AND removed_at IS NULL`,
      methodId,
      customerId,
    );
    return rows[0] ?? null;
  }

  async defaultMethod(db: SqlTx, customerId: string): Promise<PaymentMethodRow | null> {
    const rows = await db.$queryRawUnsafe<PaymentMethodRow[]>(
      `SELECT ${METHOD_COLUMNS} FROM payment_methods WHERE customer_id = $1::uuid AND is_default AND removed_at IS NULL`,
      customerId,
    );
    return rows[0] ?? null;
  }

  /** Serialises changes to one customer's methods (the default moves between rows). */
  async lockCustomerMethods(tx: SqlTx, customerId: string): Promise<void> {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`payment-methods:${customerId}`}))::text`;
  }

  async tokenLinked(db: SqlTx, token: string): Promise<boolean> {
    const rows = await db.$queryRaw<{ one: number }[]>`
      SELECT 1 AS one FROM payment_methods WHERE gateway_token = ${token} AND removed_at IS NULL`;
    return rows.length > 0;
  }

  async insertMethod(
    tx: SqlTx,
    m: Omit<PaymentMethodRow, 'createdAt' | 'isDefault'> & { isDefault: boolean },
  ): Promise<PaymentMethodRow> {
    if (m.isDefault)
      await tx.$executeRaw`UPDATE payment_methods SET is_default = false WHERE customer_id = ${m.customerId}::uuid AND is_default`;
    const rows = await tx.$queryRawUnsafe<PaymentMethodRow[]>(
      `INSERT INTO payment_methods (id, customer_id, kind, gateway_token, brand, last4, expiry, is_default)
       VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8)
       RETURNING ${METHOD_COLUMNS}`,
      m.id,
      m.customerId,
      m.kind,
      m.gatewayToken,
      m.brand,
      m.last4,
      m.expiry,
      m.isDefault,
    );
    return rows[0];
  }

  async makeDefault(tx: SqlTx, customerId: string, methodId: string): Promise<void> {
    await tx.$executeRaw`
      UPDATE payment_methods SET is_default = false WHERE customer_id = ${customerId}::uuid AND is_default AND id <> ${methodId}::uuid`;
    await tx.$executeRaw`UPDATE payment_methods SET is_default = true WHERE id = ${methodId}::uuid`;
  }

  /** Unlinks a method; when it was the default, the most recently linked other method becomes it. */
  async removeMethod(tx: SqlTx, customerId: string, methodId: string): Promise<string | null> {
    await tx.$executeRaw`
      UPDATE payment_methods SET removed_at = now(), is_default = false WHERE id = ${methodId}::uuid AND customer_id = ${customerId}::uuid`;
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE payment_methods SET is_default = true
      WHERE id = (SELECT id FROM payment_methods WHERE customer_id = ${customerId}::uuid AND removed_at IS NULL
                  ORDER BY created_at DESC, id DESC LIMIT 1)
        AND NOT EXISTS (SELECT 1 FROM payment_methods WHERE customer_id = ${customerId}::uuid AND is_default AND removed_at IS NULL)
      RETURNING id::text`;
    return rows[0]?.id ?? null;
  }

  // ── pay-as-you-go accounts ───────────────────────────────────────────────────────────────────
  async account(db: SqlTx, customerId: string): Promise<PaygAccountRow | null> {
    const rows = await db.$queryRaw<PaygAccountRow[]>`
      SELECT customer_id::text AS "customerId", paypal_threshold::text AS "paypalThreshold", preauthorized_at AS "preauthorizedAt",
             in_arrears AS "inArrears", arrears_since AS "arrearsSince", last_method_id::text AS "lastMethodId"
      FROM payg_accounts WHERE customer_id = ${customerId}::uuid`;
    return rows[0] ?? null;
  }

  async setPaypalThreshold(tx: SqlTx, customerId: string, threshold: string | null): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO payg_accounts (customer_id, paypal_threshold) VALUES (${customerId}::uuid, ${threshold}::numeric)
      ON CONFLICT (customer_id) DO UPDATE SET paypal_threshold = EXCLUDED.paypal_threshold, updated_at = now()`;
  }

  async markPreauthorized(tx: SqlTx, customerId: string, at: Date): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO payg_accounts (customer_id, preauthorized_at) VALUES (${customerId}::uuid, ${at})
      ON CONFLICT (customer_id) DO UPDATE SET preauthorized_at = EXCLUDED.preauthorized_at, updated_at = now()`;
  }

  async setLastMethod(tx: SqlTx, customerId: string, methodId: string): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO payg_accounts (customer_id, last_method_id) VALUES (${customerId}::uuid, ${methodId}::uuid)
      ON CONFLICT (customer_id) DO UPDATE SET last_method_id = EXCLUDED.last_method_id, updated_at = now()`;
  }

  async markInArrears(tx: SqlTx, customerIds: string[], at: Date): Promise<void> {
    if (!customerIds.length) return;
    await tx.$executeRaw`
      INSERT INTO payg_accounts (customer_id, in_arrears, arrears_since)
      SELECT id, true, ${at} FROM unnest(${customerIds}::uuid[]) AS t(id)
      ON CONFLICT (customer_id) DO UPDATE SET in_arrears = true,
        arrears_since = COALESCE(payg_accounts.arrears_since, EXCLUDED.arrears_since), updated_at = now()`;
  }

  async clearArrears(tx: SqlTx, customerIds: string[]): Promise<void> {
    if (!customerIds.length) return;
    await tx.$executeRaw`
      UPDATE payg_accounts SET in_arrears = false, arrears_since = NULL, updated_at = now()
      WHERE customer_id = ANY(${customerIds}::uuid[]) AND in_arrears`;
  }

  async insertActivation(
    tx: SqlTx,
    a: { id: string; customerId: string; product: string; preauthorized: boolean },
  ): Promise<{ id: string; createdAt: Date }> {
    const rows = await tx.$queryRaw<{ id: string; createdAt: Date }[]>`
      INSERT INTO payg_activations (id, customer_id, product, preauthorized)
      VALUES (${a.id}::uuid, ${a.customerId}::uuid, ${a.product}, ${a.preauthorized})
      RETURNING id::text, created_at AS "createdAt"`;
    return rows[0];
  }

  /** What a pay-as-you-go customer owes and has not had deducted yet, per currency. */
  async unpaid(db: SqlTx, customerId: string): Promise<{ currency: string; amount: string }[]> {
    return db.$queryRawUnsafe<{ currency: string; amount: string }[]>(
      `SELECT c.currency, SUM(c.amount)::text AS amount FROM charges c
       WHERE c.customer_id = $1::uuid AND ${UNPAID_CHARGE} GROUP BY c.currency ORDER BY c.currency`,
      customerId,
    );
  }

  // ── gateway payments ─────────────────────────────────────────────────────────────────────────
  async payment(db: SqlTx, id: string, opts: { lock?: boolean } = {}): Promise<GatewayPaymentRow | null> {
    const rows = await db.$queryRawUnsafe<GatewayPaymentRow[]>(
      `SELECT ${PAYMENT_COLUMNS} FROM gateway_payments g JOIN payment_methods pm ON pm.id = g.payment_method_id
       WHERE g.id = $1::uuid ${opts.lock ? 'FOR UPDATE OF g' : ''}`,
      id,
    );
    return rows[0] ?? null;
  }

  async paymentByKey(db: SqlTx, idempotencyKey: string): Promise<GatewayPaymentRow | null> {
    const rows = await db.$queryRawUnsafe<GatewayPaymentRow[]>(
      `SELECT ${PAYMENT_COLUMNS} FROM gateway_payments g JOIN payment_methods pm ON pm.id = g.payment_method_id
       WHERE g.idempotency_key = $1`,
      idempotencyKey,
    );
    return rows[0] ?? null;
  }

  async customerPayments(db: SqlTx, customerId: string, limit: number): Promise<GatewayPaymentRow[]> {
    return db.$queryRawUnsafe<GatewayPaymentRow[]>(
      `SELECT ${PAYMENT_COLUMNS} FROM gateway_payments g JOIN payment_methods pm ON pm.id = g.payment_method_id
       WHERE g.customer_id = $1::uuid ORDER BY g.created_at DESC, g.id DESC LIMIT $2`,
      customerId,
      limit,
    );
  }

  /** Payments of a bill whose outcome is not known yet (seed 000: "do not make a duplicate payment during this time"). */
  async pendingForBill(db: SqlTx, billId: string): Promise<GatewayPaymentRow | null> {
    const rows = await db.$queryRawUnsafe<GatewayPaymentRow[]>(
      `SELECT ${PAYMENT_COLUMNS} FROM gateway_payments g JOIN payment_methods pm ON pm.id = g.payment_method_id
       WHERE g.bill_id = $1::uuid AND g.status = 'pending' ORDER BY g.created_at LIMIT 1`,
      billId,
    );
    return rows[0] ?? null;
  }

  async insertBillPayment(
    tx: SqlTx,
    p: {
      id: string;
      customerId: string;
      billId: string;
      methodId: string;
      channel: string;
      amount: string;
      currency: string;
      idempotencyKey: string;
      forced: boolean;
      createdBy: string;
    },
  ): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO gateway_payments (id, customer_id, bill_id, payment_method_id, channel, purpose, amount, currency, status,
                                    idempotency_key, forced, created_by)
      VALUES (${p.id}::uuid, ${p.customerId}::uuid, ${p.billId}::uuid, ${p.methodId}::uuid, ${p.channel}, 'bill',
              ${p.amount}::numeric, ${p.currency}, 'pending', ${p.idempotencyKey}, ${p.forced}, ${p.createdBy})`;
  }

  /**
   * Pay-as-you-go customers (not on credit control, not in arrears, with a default method) whose
   * unpaid charges should be deducted now, in customer id order after `after`: with `thresholds`,
   * those whose total reached their method's threshold; with `upToCycle` (month end), every one
   * with unpaid charges of that cycle or before.
   */
  async deductionCandidates(
    db: SqlTx,
    q: { thresholds?: Thresholds; upToCycle?: string; after: string | null; limit: number },
  ): Promise<DeductionCandidate[]> {
    const card = Object.entries(q.thresholds?.card ?? {});
    const paypal = Object.entries(q.thresholds?.paypalDefault ?? {});
    return db.$queryRawUnsafe<DeductionCandidate[]>(
      `WITH due AS (
         SELECT c.customer_id, c.currency, SUM(c.amount) AS total
         FROM charges c
         WHERE ${UNPAID_CHARGE} AND ($1::text IS NULL OR c.billing_cycle <= $1)
           AND ($2::uuid IS NULL OR c.customer_id > $2::uuid)
         GROUP BY c.customer_id, c.currency)
       SELECT d.customer_id::text AS "customerId", d.currency, pm.id::text AS "methodId", pm.kind AS channel
       FROM due d
       JOIN customers cu ON cu.id = d.customer_id AND NOT cu.credit_control
       JOIN payment_methods pm ON pm.customer_id = d.customer_id AND pm.is_default AND pm.removed_at IS NULL
       LEFT JOIN payg_accounts pa ON pa.customer_id = d.customer_id
       LEFT JOIN unnest($3::text[], $4::numeric[]) AS ct(currency, threshold) ON ct.currency = d.currency
       LEFT JOIN unnest($5::text[], $6::numeric[]) AS pt(currency, threshold) ON pt.currency = d.currency
       WHERE NOT COALESCE(pa.in_arrears, false)
         AND ($7::boolean = false OR d.total >= CASE pm.kind WHEN 'card' THEN ct.threshold
                                                  ELSE COALESCE(pa.paypal_threshold, pt.threshold) END)
       ORDER BY d.customer_id, d.currency
       LIMIT $8`,
      q.upToCycle ?? null,
      q.after,
      card.map(([c]) => c),
      card.map(([, t]) => t),
      paypal.map(([c]) => c),
      paypal.map(([, t]) => t),
      !!q.thresholds,
      q.limit,
    );
  }

  /**
   * Opens one pending deduction per candidate in one statement: the candidate's unpaid charges
   * (of `upToCycle` or before, for month end) are tied to it and its amount is their sum, so a
   * charge is deducted at most once. Returns the payments opened (a candidate whose charges
   * another run took meanwhile opens none).
   */
  async openDeductions(
    tx: SqlTx,
    purpose: PaymentPurpose,
    upToCycle: string | null,
    rows: (DeductionCandidate & { paymentId: string; idempotencyKey: string })[],
    createdBy: string,
  ): Promise<GatewayPaymentRow[]> {
    if (!rows.length) return [];
    const opened = await tx.$queryRawUnsafe<{ id: string }[]>(
      `WITH cand AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::text[])
           AS t(customer_id, currency, method_id, channel, payment_id, idem_key)),
       linked AS (
         UPDATE charges c SET gateway_payment_id = cand.payment_id
         FROM cand
         WHERE c.customer_id = cand.customer_id AND c.currency = cand.currency AND ${UNPAID_CHARGE}
           AND ($7::text IS NULL OR c.billing_cycle <= $7)
         RETURNING c.gateway_payment_id, c.amount),
       sums AS (SELECT gateway_payment_id, SUM(amount) AS total FROM linked GROUP BY gateway_payment_id)
       INSERT INTO gateway_payments (id, customer_id, payment_method_id, channel, purpose, amount, currency, status,
                                     idempotency_key, created_by)
       SELECT cand.payment_id, cand.customer_id, cand.method_id, cand.channel, $8, sums.total, cand.currency, 'pending',
              cand.idem_key, $9
       FROM cand JOIN sums ON sums.gateway_payment_id = cand.payment_id
       WHERE sums.total > 0
       RETURNING id::text`,
      rows.map((r) => r.customerId),
      rows.map((r) => r.currency),
      rows.map((r) => r.methodId),
      rows.map((r) => r.channel),
      rows.map((r) => r.paymentId),
      rows.map((r) => r.idempotencyKey),
      upToCycle,
      purpose,
      createdBy,
    );
    return this.paymentsByIds(
      tx,
      opened.map((o) => o.id),
    );
  }

  async paymentsByIds(db: SqlTx, ids: string[], opts: { lock?: boolean } = {}): Promise<GatewayPaymentRow[]> {
    if (!ids.length) return [];
    return db.$queryRawUnsafe<GatewayPaymentRow[]>(
      `SELECT ${PAYMENT_COLUMNS} FROM gateway_payments g JOIN payment_methods pm ON pm.id = g.payment_method_id
       WHERE g.id = ANY($1::uuid[]) ORDER BY g.id ${opts.lock ? 'FOR UPDATE OF g' : ''}`,
      ids,
    );
  }

  /** Payments to work on now: retries that are due (moved back to pending with their next key) and pending ones older than `staleBefore`. */
  async claimDue(tx: SqlTx, now: Date, staleBefore: Date, limit: number): Promise<GatewayPaymentRow[]> {
    const ids = await tx.$queryRaw<{ id: string }[]>`
      UPDATE gateway_payments g SET status = 'pending', attempt = g.attempt + 1,
             idempotency_key = g.id::text || ':' || (g.attempt + 1), next_attempt_at = NULL, updated_at = now()
      WHERE g.id IN (SELECT id FROM gateway_payments WHERE status = 'retry_scheduled' AND next_attempt_at <= ${now}
                     ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING g.id::text`;
    const stale = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM gateway_payments WHERE status = 'pending' AND updated_at < ${staleBefore}
      ORDER BY updated_at LIMIT ${limit}`;
    return this.paymentsByIds(
      tx,
      [...ids, ...stale].map((r) => r.id),
    );
  }

  /** pending → succeeded; returns the rows that moved (a payment resolved twice moves once). */
  async markSucceeded(tx: SqlTx, outcomes: { id: string; chargeId: string }[], at: Date): Promise<GatewayPaymentRow[]> {
    if (!outcomes.length) return [];
    const moved = await tx.$queryRaw<{ id: string }[]>`
      UPDATE gateway_payments g SET status = 'succeeded', gateway_charge_id = o.charge_id, resolved_at = ${at}, updated_at = now(),
             last_error = NULL
      FROM unnest(${outcomes.map((o) => o.id)}::uuid[], ${outcomes.map((o) => o.chargeId)}::text[]) AS o(id, charge_id)
      WHERE g.id = o.id AND g.status = 'pending'
      RETURNING g.id::text`;
    return this.paymentsByIds(
      tx,
      moved.map((m) => m.id),
    );
  }

  async setJournal(tx: SqlTx, rows: { id: string; journalEntryId: string | null }[]): Promise<void> {
    if (!rows.length) return;
    await tx.$executeRaw`
      UPDATE gateway_payments g SET journal_entry_id = r.j
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.journalEntryId)}::uuid[]) AS r(id, j)
      WHERE g.id = r.id`;
  }

  /**
   * pending → retry_scheduled (when a wait is left in `retryScheduleMs`) or failed; a failed
   * deduction gives its charges back (unpaid again). Returns the customers whose retries ran out.
   */
  async markDeclined(
    tx: SqlTx,
    declines: { id: string; reason: string }[],
    now: Date,
    retryScheduleMs: number[],
  ): Promise<{ failed: GatewayPaymentRow[]; retrying: GatewayPaymentRow[] }> {
    if (!declines.length) return { failed: [], retrying: [] };
    const rows = await this.paymentsByIds(
      tx,
      declines.map((d) => d.id),
      { lock: true },
    );
    const reason = new Map(declines.map((d) => [d.id, d.reason]));
    const failed: GatewayPaymentRow[] = [];
    const retrying: GatewayPaymentRow[] = [];
    for (const r of rows.filter((x) => x.status === 'pending')) {
      const wait = r.purpose === 'bill' ? undefined : retryScheduleMs[r.attempt - 1];
      if (wait === undefined) failed.push(r);
      else retrying.push({ ...r, nextAttemptAt: new Date(now.getTime() + wait) });
    }
    if (retrying.length)
      await tx.$executeRaw`
        UPDATE gateway_payments g SET status = 'retry_scheduled', next_attempt_at = r.at, last_error = r.reason, updated_at = now()
        FROM unnest(${retrying.map((r) => r.id)}::uuid[], ${retrying.map((r) => r.nextAttemptAt)}::timestamptz[],
                    ${retrying.map((r) => reason.get(r.id)!)}::text[]) AS r(id, at, reason)
        WHERE g.id = r.id`;
    if (failed.length) {
      const ids = failed.map((r) => r.id);
      await tx.$executeRaw`
        UPDATE gateway_payments g SET status = 'failed', resolved_at = ${now}, last_error = r.reason, updated_at = now()
        FROM unnest(${ids}::uuid[], ${failed.map((r) => reason.get(r.id)!)}::text[]) AS r(id, reason)
        WHERE g.id = r.id`;
      await tx.$executeRaw`UPDATE charges SET gateway_payment_id = NULL WHERE gateway_payment_id = ANY(${ids}::uuid[])`;
    }
    return { failed, retrying };
  }

  async touchPending(tx: SqlTx, ids: string[], reason: string): Promise<void> {
    if (!ids.length) return;
    await tx.$executeRaw`
      UPDATE gateway_payments SET last_error = ${reason}, updated_at = now() WHERE id = ANY(${ids}::uuid[]) AND status = 'pending'`;
  }

  async monthEndRun(db: SqlTx, cycle: string): Promise<{ finishedAt: Date | null } | null> {
    const rows = await db.$queryRaw<{ finishedAt: Date | null }[]>`
      SELECT finished_at AS "finishedAt" FROM payg_month_end_runs WHERE billing_cycle = ${cycle}`;
    return rows[0] ?? null;
  }

  async startMonthEndRun(tx: SqlTx, cycle: string): Promise<void> {
    await tx.$executeRaw`INSERT INTO payg_month_end_runs (billing_cycle) VALUES (${cycle}) ON CONFLICT DO NOTHING`;
  }

  async finishMonthEndRun(tx: SqlTx, cycle: string, payments: number): Promise<void> {
    await tx.$executeRaw`
      UPDATE payg_month_end_runs SET finished_at = now(), payments = payments + ${payments} WHERE billing_cycle = ${cycle}`;
  }
}
