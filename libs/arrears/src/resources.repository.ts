import { Injectable } from '@nestjs/common';
import { PrismaService, type SqlTx } from '@remitd/persistence';

export type BillingMode = 'monthly' | 'hourly';
export type ResourceStatus = 'active' | 'isolated' | 'released' | 'stopped' | 'terminated';
export type TimerKind =
  'expiry_warning' | 'expire' | 'overdue_warning' | 'release' | 'hourly_stop' | 'hourly_terminate';
export type ContactRole =
  'creator' | 'global_resource_collaborator' | 'financial_collaborator' | 'collaborator' | 'sub_account';

export interface ResourceRow {
  id: string;
  customerId: string;
  externalId: string;
  name: string;
  billingMode: BillingMode;
  currency: string;
  expiresAt: Date | null;
  autoRenew: boolean;
  /** decimal strings, as stored (4 places) */
  renewalPrice: string | null;
  hourlyPrice: string | null;
  status: ResourceStatus;
  statusChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface ResourceWrite {
  customerId: string;
  externalId: string;
  name: string;
  billingMode: BillingMode;
  currency: string;
  expiresAt: Date | null;
  autoRenew: boolean;
  renewalPrice: string | null;
  hourlyPrice: string | null;
}

export interface TimerRow {
  id: string;
  subjectId: string;
  kind: TimerKind;
  dueAt: Date;
  basis: Date | null;
  detail: Record<string, unknown>;
}

/** Seed 003's message types, as Message Subscription Management names them. */
export const MESSAGE_TYPES = [
  'expiration_warning',
  'overdue_warning',
  'release',
  'arrears_reminder',
  'stop',
  'restore',
  'termination',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export interface SubscriptionRow {
  messageType: MessageType;
  contactId: string;
  channels: ('email' | 'sms')[];
}

export interface ContactRow {
  id: string;
  customerId: string;
  name: string;
  role: ContactRole;
  email: string | null;
  phone: string | null;
  createdAt: Date;
}

const RESOURCE = `id::text, customer_id::text AS "customerId", external_id AS "externalId", name,
  billing_mode AS "billingMode", currency, expires_at AS "expiresAt", auto_renew AS "autoRenew",
  renewal_price::text AS "renewalPrice", hourly_price::text AS "hourlyPrice", status,
  status_changed_at AS "statusChangedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

const CONTACT = `id::text, customer_id::text AS "customerId", name, role, email, phone, created_at AS "createdAt"`;

/** Seed 003: expiration warnings 7, 5, 3 and 1 days before expiry and on the day. */
export const WARNING_DAYS_BEFORE = [7, 5, 3, 1, 0] as const;
/** Seed 003: "within 7 days after expiration" the isolated instance can be renewed; the 7th day included. */
export const ISOLATION_DAYS = 7;

/** Resources, their durable timers and the contacts who hear about them. The only SQL of the context's lifecycle. */
@Injectable()
export class ResourcesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Insert or update by the platform's id; null when that id belongs to another customer. */
  async upsert(tx: SqlTx, r: ResourceWrite): Promise<{ row: ResourceRow; created: boolean } | null> {
    const rows = await tx.$queryRawUnsafe<(ResourceRow & { created: boolean })[]>(
      `INSERT INTO resources (customer_id, external_id, name, billing_mode, currency, expires_at, auto_renew, renewal_price, hourly_price)
       VALUES ($1::uuid, $2, $3, $4, $5, $6::timestamptz, $7, $8::numeric, $9::numeric)
       ON CONFLICT (external_id) DO UPDATE SET
         name = EXCLUDED.name, auto_renew = EXCLUDED.auto_renew, renewal_price = EXCLUDED.renewal_price,
         hourly_price = EXCLUDED.hourly_price, updated_at = now()
       WHERE resources.customer_id = EXCLUDED.customer_id
       RETURNING ${RESOURCE}, (xmax = 0) AS created`,
      r.customerId,
      r.externalId,
      r.name,
      r.billingMode,
      r.currency,
      r.expiresAt,
      r.autoRenew,
      r.renewalPrice,
      r.hourlyPrice,
    );
    if (!rows[0]) return null;
    const { created, ...row } = rows[0];
    return { row, created };
  }

  async byId(tx: SqlTx | undefined, id: string, opts: { lock?: boolean } = {}): Promise<ResourceRow | null> {
    const rows = await (tx ?? this.prisma).$queryRawUnsafe<ResourceRow[]>(
      `SELECT ${RESOURCE} FROM resources WHERE id = $1::uuid${opts.lock ? ' FOR UPDATE' : ''}`,
      id,
    );
    return rows[0] ?? null;
  }

  /** One page, oldest first, by exact keyset (created_at, id). */
  async page(
    filter: { customerId?: string; status?: string },
    page: { after?: string; limit: number },
  ): Promise<{ items: ResourceRow[]; next: string | null }> {
    const rows = await this.prisma.$queryRawUnsafe<ResourceRow[]>(
      `SELECT ${RESOURCE} FROM resources
       WHERE ($1::uuid IS NULL OR customer_id = $1::uuid)
         AND ($2::text IS NULL OR status = $2)
         AND ($3::uuid IS NULL OR (created_at, id) > (SELECT a.created_at, a.id FROM resources a WHERE a.id = $3::uuid))
       ORDER BY created_at, id
       LIMIT $4`,
      filter.customerId ?? null,
      filter.status ?? null,
      page.after ?? null,
      page.limit + 1,
    );
    const items = rows.slice(0, page.limit);
    return { items, next: rows.length > page.limit ? items[items.length - 1].id : null };
  }

  /**
   * When each resource is released or terminated if nothing restores it: the pending release
   * timer of an isolated subscription (its current expiry), or the pending termination timer of
   * its customer and currency for a stopped pay-per-hour one. The timers are the truth, so the
   * console shows the time left in the billing time zone without knowing it.
   */
  async releaseTimes(tx: SqlTx | undefined, ids: string[]): Promise<Map<string, Date>> {
    if (ids.length === 0) return new Map();
    const rows = await (tx ?? this.prisma).$queryRaw<{ id: string; releaseAt: Date }[]>`
      SELECT r.id::text, t.due_at AS "releaseAt"
      FROM resources r
      JOIN LATERAL (
        SELECT min(due_at) AS due_at FROM lifecycle_timers t
        WHERE t.done_at IS NULL
          AND ((r.status = 'isolated' AND t.subject_id = r.id AND t.kind = 'release' AND t.basis = r.expires_at)
            OR (r.status = 'stopped' AND t.subject_id = r.customer_id AND t.kind = 'hourly_terminate'
                AND t.detail->>'currency' = r.currency))
      ) t ON t.due_at IS NOT NULL
      WHERE r.id = ANY(${ids}::uuid[])`;
    return new Map(rows.map((row) => [row.id, row.releaseAt]));
  }

  async setStatus(tx: SqlTx, id: string, status: ResourceStatus): Promise<void> {
    await tx.$executeRaw`
      UPDATE resources SET status = ${status}, status_changed_at = now(), updated_at = now() WHERE id = ${id}::uuid`;
  }

  /** The next period: one calendar month after `from` in the billing time zone (31 Jan → 28/29 Feb). */
  async extendOneMonth(tx: SqlTx, id: string, from: Date, timeZone: string): Promise<Date> {
    const [row] = await tx.$queryRaw<{ expiresAt: Date }[]>`
      UPDATE resources
      SET expires_at = ((${from}::timestamptz AT TIME ZONE ${timeZone}) + interval '1 month') AT TIME ZONE ${timeZone},
          updated_at = now()
      WHERE id = ${id}::uuid
      RETURNING expires_at AS "expiresAt"`;
    return row.expiresAt;
  }

  /** The customer's billing time zone: its billing entity's, else the default. */
  async timeZoneOf(tx: SqlTx, customerId: string, fallback: string): Promise<string> {
    const rows = await tx.$queryRaw<{ timeZone: string | null }[]>`
      SELECT be.time_zone AS "timeZone"
      FROM customers c LEFT JOIN billing_entities be ON be.id = c.billing_entity_id
      WHERE c.id = ${customerId}::uuid`;
    return rows[0]?.timeZone ?? fallback;
  }

  /**
   * The timers of one subscription period ending at `expiresAt`, in the billing time zone: a
   * warning at 09:00 local on each of the days 7, 5, 3, 1 before the expiry date and on the
   * date (never after the expiry itself), and the expiry. Warnings already past `notBefore`
   * are not scheduled (a resource reported three days before it expires gets no 7-day warning).
   */
  async scheduleSubscription(tx: SqlTx, id: string, expiresAt: Date, timeZone: string, notBefore: Date): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO lifecycle_timers (subject_id, kind, due_at, basis, detail)
      SELECT ${id}::uuid, 'expiry_warning', w.due, ${expiresAt}::timestamptz, jsonb_build_object('daysBefore', w.d)
      FROM (
        SELECT d, LEAST(((((${expiresAt}::timestamptz AT TIME ZONE ${timeZone})::date - d) + time '09:00') AT TIME ZONE ${timeZone}),
                        ${expiresAt}::timestamptz) AS due
        FROM unnest(${[...WARNING_DAYS_BEFORE]}::int[]) AS d
      ) w
      WHERE w.due >= ${notBefore}::timestamptz
      UNION ALL
      SELECT ${id}::uuid, 'expire', ${expiresAt}::timestamptz, ${expiresAt}::timestamptz, '{}'::jsonb
      ON CONFLICT (subject_id, kind, due_at) DO NOTHING`;
  }

  /**
   * After isolation: an overdue warning on each of the 7 days after the expiry (same local time),
   * and the release at the start of the 8th local day (seed 003: "not renewed within 7 days
   * (including the 7th day)").
   */
  async scheduleIsolation(tx: SqlTx, id: string, expiresAt: Date, timeZone: string): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO lifecycle_timers (subject_id, kind, due_at, basis, detail)
      SELECT ${id}::uuid, 'overdue_warning',
             ((${expiresAt}::timestamptz AT TIME ZONE ${timeZone}) + d * interval '1 day') AT TIME ZONE ${timeZone},
             ${expiresAt}::timestamptz, jsonb_build_object('daysAfter', d)
      FROM generate_series(1, ${ISOLATION_DAYS}::int) AS d
      UNION ALL
      SELECT ${id}::uuid, 'release',
             (((${expiresAt}::timestamptz AT TIME ZONE ${timeZone})::date + ${ISOLATION_DAYS + 1}::int)::timestamp) AT TIME ZONE ${timeZone},
             ${expiresAt}::timestamptz, '{}'::jsonb
      ON CONFLICT (subject_id, kind, due_at) DO NOTHING`;
  }

  /** One timer `days` calendar days after `from` in the billing time zone (`days` 0: at `from`). */
  async scheduleAfterDays(
    tx: SqlTx,
    t: {
      subjectId: string;
      kind: TimerKind;
      from: Date;
      days: number;
      timeZone: string;
      detail?: Record<string, unknown>;
    },
  ): Promise<Date> {
    const [row] = await tx.$queryRaw<{ dueAt: Date }[]>`
      INSERT INTO lifecycle_timers (subject_id, kind, due_at, basis, detail)
      VALUES (${t.subjectId}::uuid, ${t.kind},
              ((${t.from}::timestamptz AT TIME ZONE ${t.timeZone}) + ${t.days}::int * interval '1 day') AT TIME ZONE ${t.timeZone},
              ${t.from}::timestamptz, ${JSON.stringify(t.detail ?? {})}::jsonb)
      ON CONFLICT (subject_id, kind, due_at) DO UPDATE SET kind = EXCLUDED.kind
      RETURNING due_at AS "dueAt"`;
    return row.dueAt;
  }

  /** One timer at exactly `dueAt` (seed 003: stop "after 24 hours" is a duration, not a calendar day). */
  async scheduleAt(
    tx: SqlTx,
    t: { subjectId: string; kind: TimerKind; dueAt: Date; basis: Date; detail?: Record<string, unknown> },
  ): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO lifecycle_timers (subject_id, kind, due_at, basis, detail)
      VALUES (${t.subjectId}::uuid, ${t.kind}, ${t.dueAt}::timestamptz, ${t.basis}::timestamptz, ${JSON.stringify(t.detail ?? {})}::jsonb)
      ON CONFLICT (subject_id, kind, due_at) DO NOTHING`;
  }

  /**
   * Claims the earliest due timer no other replica holds. The caller's transaction does the
   * effect and `finish`es it, so a crash leaves it due and another replica fires it once.
   * On the same instant a warning goes before the expiry it warns of.
   */
  async claimDue(tx: SqlTx, now: Date): Promise<TimerRow | null> {
    const rows = await tx.$queryRaw<TimerRow[]>`
      SELECT id::text, subject_id::text AS "subjectId", kind, due_at AS "dueAt", basis, detail
      FROM lifecycle_timers
      WHERE done_at IS NULL AND due_at <= ${now}::timestamptz
      ORDER BY due_at, CASE kind WHEN 'expiry_warning' THEN 0 WHEN 'expire' THEN 1 ELSE 2 END, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED`;
    return rows[0] ?? null;
  }

  /**
   * The warnings pass, set-based (a day of warnings over a million subscriptions must take
   * seconds, not a transaction per timer): claims up to `limit` due expiry and overdue warnings
   * (SKIP LOCKED), queues one message per recipient and channel for those whose resource is still
   * in the state and period they were computed for, and marks all of them done, in one statement.
   * Recipients: the contacts in the warning's roles; a customer without an e-mail creator
   * contact has its own e-mail as the creator's (as ResourceLifecycleService.tellContacts).
   * Returns how many were warned and how many were stale.
   */
  async fireWarnings(
    tx: SqlTx,
    now: Date,
    limit: number,
    roles: { expiring: readonly string[]; overdue: readonly string[] },
    defaultTimeZone: string,
  ): Promise<{ warned: number; stale: number }> {
    const [row] = await tx.$queryRaw<{ warned: number; stale: number }[]>`
      WITH due AS (
        SELECT t.id, t.subject_id, t.kind, t.due_at, t.basis, t.detail
        FROM lifecycle_timers t
        WHERE t.done_at IS NULL AND t.due_at <= ${now}::timestamptz AND t.kind IN ('expiry_warning', 'overdue_warning')
        ORDER BY t.due_at, t.id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ), live AS (
        SELECT due.id AS timer_id, due.kind, due.due_at, due.detail, r.id, r.customer_id, r.name, r.external_id,
               r.currency, r.expires_at, trim_scale(r.renewal_price)::text AS renewal_price,
               c.name AS customer_name, c.email AS customer_email,
               COALESCE(be.time_zone, ${defaultTimeZone}) AS time_zone
        FROM due
        JOIN resources r ON r.id = due.subject_id AND r.expires_at = due.basis
          AND r.status = CASE due.kind WHEN 'expiry_warning' THEN 'active' ELSE 'isolated' END
        JOIN customers c ON c.id = r.customer_id
        LEFT JOIN billing_entities be ON be.id = c.billing_entity_id
      ), typed AS (
        SELECT l.*, CASE l.kind WHEN 'expiry_warning' THEN 'expiration_warning' ELSE 'overdue_warning' END AS message_type,
               EXISTS (SELECT 1 FROM message_subscriptions s WHERE s.customer_id = l.customer_id
                         AND s.message_type = CASE l.kind WHEN 'expiry_warning' THEN 'expiration_warning' ELSE 'overdue_warning' END) AS chosen
        FROM live l
      ), recipients AS (
        -- the customer's chosen recipients and channels for the message type
        SELECT l.*, m.id::text AS contact_key, m.email, m.phone, s.channels
        FROM typed l
        JOIN message_subscriptions s ON s.customer_id = l.customer_id AND s.message_type = l.message_type
        JOIN message_contacts m ON m.id = s.contact_id
        WHERE l.chosen
        UNION ALL
        -- else the seed's roles, every channel they have
        SELECT l.*, m.id::text, m.email, m.phone, ARRAY['email', 'sms']
        FROM typed l JOIN message_contacts m ON m.customer_id = l.customer_id
          AND m.role = ANY(CASE l.kind WHEN 'expiry_warning' THEN ${[...roles.expiring]}::text[] ELSE ${[...roles.overdue]}::text[] END)
        WHERE NOT l.chosen
        UNION ALL
        SELECT l.*, 'customer', l.customer_email, NULL, ARRAY['email']
        FROM typed l
        WHERE NOT l.chosen
          AND NOT EXISTS (SELECT 1 FROM message_contacts m WHERE m.customer_id = l.customer_id AND m.role = 'creator' AND m.email IS NOT NULL)
      ), messages AS (
        SELECT x.*, ch.channel, ch.recipient
        FROM recipients x
        CROSS JOIN LATERAL (VALUES ('email', x.email), ('sms', x.phone)) AS ch(channel, recipient)
        WHERE ch.recipient IS NOT NULL AND ch.channel = ANY(x.channels)
      ), queued AS (
        INSERT INTO notifications (id, dedupe_key, channel, recipient, template, payload)
        SELECT gen_random_uuid(),
               CASE kind WHEN 'expiry_warning' THEN 'resource:' || id || ':expiring:' || to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                         ELSE 'resource:' || id || ':overdue:' || to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ':' || (detail->>'daysAfter') END
                 || ':' || contact_key || ':' || channel,
               channel, recipient, 'resource-lifecycle',
               jsonb_strip_nulls(jsonb_build_object(
                 'event', CASE kind WHEN 'expiry_warning' THEN 'expiring' ELSE 'overdue' END,
                 'customerName', customer_name, 'resourceName', name, 'externalId', external_id, 'currency', currency,
                 'expiresOn', to_char((expires_at AT TIME ZONE time_zone)::date, 'YYYY-MM-DD'),
                 'days', COALESCE(detail->'daysBefore', detail->'daysAfter'),
                 'amount', renewal_price))
        FROM messages
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING 1
      ), done AS (
        UPDATE lifecycle_timers t
        SET done_at = now(), outcome = CASE WHEN EXISTS (SELECT 1 FROM live WHERE live.timer_id = t.id)
                                            THEN CASE t.kind WHEN 'expiry_warning' THEN 'warned' ELSE 'overdue_warned' END
                                            ELSE 'stale' END
        FROM due WHERE t.id = due.id
        RETURNING t.outcome
      )
      SELECT count(*) FILTER (WHERE outcome <> 'stale')::int AS warned, count(*) FILTER (WHERE outcome = 'stale')::int AS stale
      FROM done, (SELECT count(*) FROM queued) q`;
    return row;
  }

  async finish(tx: SqlTx, id: string, outcome: string): Promise<void> {
    await tx.$executeRaw`UPDATE lifecycle_timers SET done_at = now(), outcome = ${outcome} WHERE id = ${id}::uuid`;
  }

  async timersOf(subjectId: string): Promise<(TimerRow & { doneAt: Date | null; outcome: string | null })[]> {
    return this.prisma.$queryRaw`
      SELECT id::text, subject_id::text AS "subjectId", kind, due_at AS "dueAt", basis, detail, done_at AS "doneAt", outcome
      FROM lifecycle_timers WHERE subject_id = ${subjectId}::uuid ORDER BY due_at, kind`;
  }

  async customerBrief(tx: SqlTx, customerId: string): Promise<{ id: string; name: string; email: string } | null> {
    const rows = await tx.$queryRaw<{ id: string; name: string; email: string }[]>`
      SELECT id::text, name, email FROM customers WHERE id = ${customerId}::uuid`;
    return rows[0] ?? null;
  }

  async customerCurrency(tx: SqlTx, customerId: string): Promise<string> {
    const rows = await tx.$queryRaw<
      { currency: string }[]
    >`SELECT currency FROM customers WHERE id = ${customerId}::uuid`;
    return rows[0].currency;
  }

  /** The customer's chosen recipients of a message type, with their channels; none: the seed's roles. */
  async subscribers(
    tx: SqlTx,
    customerId: string,
    messageType: MessageType,
  ): Promise<(ContactRow & { channels: ('email' | 'sms')[] })[]> {
    return tx.$queryRawUnsafe(
      `SELECT m.id::text, m.customer_id::text AS "customerId", m.name, m.role, m.email, m.phone, m.created_at AS "createdAt", s.channels
       FROM message_subscriptions s JOIN message_contacts m ON m.id = s.contact_id
       WHERE s.customer_id = $1::uuid AND s.message_type = $2
       ORDER BY m.created_at, m.id`,
      customerId,
      messageType,
    );
  }

  /** Replaces who gets a message type (an empty list: back to the seed's roles). */
  async setSubscriptions(
    tx: SqlTx,
    customerId: string,
    messageType: MessageType,
    recipients: { contactId: string; channels: string[] }[],
  ): Promise<void> {
    await tx.$executeRaw`DELETE FROM message_subscriptions WHERE customer_id = ${customerId}::uuid AND message_type = ${messageType}`;
    if (!recipients.length) return;
    await tx.$executeRaw`
      INSERT INTO message_subscriptions (customer_id, message_type, contact_id, channels)
      SELECT ${customerId}::uuid, ${messageType}, c, ARRAY(SELECT jsonb_array_elements_text(ch))
      FROM unnest(${recipients.map((r) => r.contactId)}::uuid[]) WITH ORDINALITY AS x(c, n)
      JOIN jsonb_array_elements(${JSON.stringify(recipients.map((r) => r.channels))}::jsonb) WITH ORDINALITY AS y(ch, n) USING (n)`;
  }

  async subscriptions(customerId: string, tx?: SqlTx): Promise<SubscriptionRow[]> {
    return (tx ?? this.prisma).$queryRaw<SubscriptionRow[]>`
      SELECT message_type AS "messageType", contact_id::text AS "contactId", channels
      FROM message_subscriptions WHERE customer_id = ${customerId}::uuid ORDER BY message_type, contact_id`;
  }

  async addContact(tx: SqlTx, c: Omit<ContactRow, 'id' | 'createdAt'>): Promise<ContactRow> {
    const rows = await tx.$queryRawUnsafe<ContactRow[]>(
      `INSERT INTO message_contacts (customer_id, name, role, email, phone) VALUES ($1::uuid, $2, $3, $4, $5)
       RETURNING ${CONTACT}`,
      c.customerId,
      c.name,
      c.role,
      c.email,
      c.phone,
    );
    return rows[0];
  }

  async contacts(tx: SqlTx | undefined, customerId: string, roles?: readonly ContactRole[]): Promise<ContactRow[]> {
    return (tx ?? this.prisma).$queryRawUnsafe<ContactRow[]>(
      `SELECT ${CONTACT} FROM message_contacts
       WHERE customer_id = $1::uuid AND ($2::text[] IS NULL OR role = ANY($2::text[]))
       ORDER BY created_at, id`,
      customerId,
      roles ? [...roles] : null,
    );
  }
}
