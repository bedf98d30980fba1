import { Injectable, Optional } from '@nestjs/common';
import {
  inListOrder,
  keysetPage,
  lagTolerantClient,
  Prisma,
  PrismaService,
  ReadReplica,
  SqlTransactions,
  type KeysetPosition,
  type SqlTx,
  type Tx,
} from '@remitd/persistence';

/**
 * The one read model of a customer, shared by crediting, billing and the API. Amounts are
 * decimal strings (scale them with Money at the edge); `currencies` are the customer's own plus
 * those of its active virtual accounts.
 */
export interface CustomerRecord {
  id: string;
  reference: string;
  name: string;
  email: string;
  currency: string;
  currencies: string[];
  creditControl: boolean;
  creditLimit: string;
  frozenAmount: string;
  autoWriteOff: boolean;
  partialLastBill: boolean;
  writeOffPastBills: boolean;
  /** payment terms (seed 000): settlement cycle + payment period of N calendar or business days */
  settlementCycle: 'monthly' | 'quarterly';
  paymentTermDays: number;
  paymentTermKind: 'calendar' | 'business';
  /** the provider's entity the customer contracts with (seed 002) */
  billingEntityId: string | null;
  /** the language of the customer's console and e-mails (issue 17) */
  locale: CustomerLocale;
  createdAt: Date;
}

export const CUSTOMER_LOCALES = ['en', 'zh'] as const;
export type CustomerLocale = (typeof CUSTOMER_LOCALES)[number];

/** One of a customer's ledger accounts with its cached balance (a decimal string, unscaled). */
export interface CustomerAccountRecord {
  customerId: string;
  code: string;
  kind: string;
  currency: string;
  balance: string;
  validMonth: string | null;
}

export type CustomerWrite = Pick<
  CustomerRecord,
  | 'reference'
  | 'name'
  | 'email'
  | 'currency'
  | 'creditControl'
  | 'autoWriteOff'
  | 'partialLastBill'
  | 'writeOffPastBills'
  | 'billingEntityId'
  | 'locale'
> & { creditLimit: string; frozenAmount: string };

export type CustomerChanges = Partial<
  Pick<
    CustomerRecord,
    | 'name'
    | 'email'
    | 'creditControl'
    | 'autoWriteOff'
    | 'partialLastBill'
    | 'writeOffPastBills'
    | 'billingEntityId'
    | 'settlementCycle'
    | 'paymentTermDays'
    | 'paymentTermKind'
    | 'locale'
  >
> & { creditLimit?: string; frozenAmount?: string };

// currencies: an indexed subquery per customer, not a join and GROUP BY over every virtual account
const CUSTOMER_COLUMNS = `c.id::text, c.reference, c.name, c.email, c.currency,
  ARRAY(SELECT v.currency::text FROM virtual_accounts v
        WHERE v.customer_id = c.id AND v.status = 'active') AS currencies,
  c.credit_control AS "creditControl", c.credit_limit::text AS "creditLimit",
  c.frozen_amount::text AS "frozenAmount", c.auto_write_off AS "autoWriteOff",
  c.partial_last_bill AS "partialLastBill", c.write_off_past_bills AS "writeOffPastBills",
  c.settlement_cycle AS "settlementCycle",
  c.payment_term_days AS "paymentTermDays", c.payment_term_kind AS "paymentTermKind",
  c.billing_entity_id::text AS "billingEntityId", c.locale,
  c.created_at AS "createdAt"`;

/** a customer's ledger accounts with the month of a stored-value card */
const ACCOUNTS_FROM = `FROM ledger_accounts a
  LEFT JOIN stored_value_cards s
    ON a.kind = 'customer_card' AND a.code = 'customer:' || s.customer_id || ':card:' || s.id || ':' || s.currency`;
const ACCOUNT_COLUMNS = `a.customer_id::text AS "customerId", a.code, a.kind, a.currency, a.balance::text AS balance,
  s.valid_month AS "validMonth"`;
const ACCOUNT_JSON = `'customerId', a.customer_id::text, 'code', a.code, 'kind', a.kind, 'currency', a.currency,
  'balance', a.balance::text, 'validMonth', s.valid_month`;

@Injectable()
export class CustomerRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: SqlTransactions,
    @Optional() private readonly replica?: ReadReplica,
  ) {}

  async create(tx: Tx, data: CustomerWrite): Promise<CustomerRecord> {
    const { id } = await tx.customer.create({ data, select: { id: true } });
    return (await this.byIds(tx, [id]))[0];
  }

  /**
   * The customers with these ids, in id order; `lock` takes their rows FOR UPDATE (id order:
   * no deadlocks between payments). Runs on a Prisma transaction or a plain SqlTx (the
   * reconciliation batch), so every context reads a customer through this one query.
   */
  async byIds(tx: SqlTx | undefined, ids: string[], opts: { lock?: boolean } = {}): Promise<CustomerRecord[]> {
    if (!ids.length) return [];
    // outside a transaction: a prepared statement on the pool, no ORM (GET /customers/:id is hot)
    const rows = await (tx ?? this.sql.reads).$queryRawUnsafe<CustomerRecord[]>(
      `SELECT ${CUSTOMER_COLUMNS}
       FROM customers c
       WHERE c.id = ANY($1::uuid[])
       ORDER BY c.id${opts.lock ? ' FOR UPDATE OF c' : ''}`,
      ids,
    );
    for (const r of rows) {
      r.currencies = [...new Set([r.currency, ...r.currencies])];
      // node-postgres returns timestamps as Date already; Prisma too
      if (!(r.createdAt instanceof Date)) r.createdAt = new Date(r.createdAt);
    }
    return rows;
  }

  async findById(id: string, tx?: Tx): Promise<CustomerRecord | null> {
    return (await this.byIds(tx, [id]))[0] ?? null;
  }

  /** Credit-control customers of the entity without an active exclusive account in their currency. */
  async creditControlWithoutExclusiveAccount(tx: SqlTx, billingEntityId: string): Promise<string[]> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT c.id::text
      FROM customers c
      WHERE c.billing_entity_id = ${billingEntityId}::uuid
        AND c.credit_control
        AND NOT EXISTS (
          SELECT 1 FROM virtual_accounts v
          WHERE v.customer_id = c.id AND v.currency = c.currency AND v.status = 'active'
        )
      ORDER BY c.id`;
    return rows.map((r) => r.id);
  }

  async lockById(tx: SqlTx, id: string): Promise<CustomerRecord | null> {
    return (await this.byIds(tx, [id], { lock: true }))[0] ?? null;
  }

  async update(tx: Tx, id: string, data: CustomerChanges): Promise<CustomerRecord> {
    await tx.customer.update({ where: { id }, data, select: { id: true } });
    return (await this.byIds(tx, [id]))[0];
  }

  /**
   * Every balance the customers hold: their ledger accounts (cash, refund, stored-value cards,
   * receivables) with the cached balance, and a card's month (seed 000: a card pays only bills of
   * its own month). A read model of the ledger, in customer order then account code.
   */
  async balances(ids: readonly string[]): Promise<CustomerAccountRecord[]> {
    if (!ids.length) return [];
    // the customer list tolerates lag: a read replica answers it when one is configured
    return lagTolerantClient(this.replica, this.sql.reads).$queryRawUnsafe<CustomerAccountRecord[]>(
      `SELECT ${ACCOUNT_COLUMNS} ${ACCOUNTS_FROM} WHERE a.customer_id = ANY($1::uuid[]) ORDER BY a.customer_id, a.code`,
      [...ids],
    );
  }

  /** One customer with every balance it holds (`balances`), in one statement: the API's customer read. */
  async withBalances(id: string): Promise<{ customer: CustomerRecord; accounts: CustomerAccountRecord[] } | null> {
    const rows = await this.sql.reads.$queryRawUnsafe<(CustomerRecord & { accounts: CustomerAccountRecord[] })[]>(
      `SELECT ${CUSTOMER_COLUMNS},
              COALESCE((SELECT json_agg(json_build_object(${ACCOUNT_JSON}) ORDER BY a.code) ${ACCOUNTS_FROM}
                        WHERE a.customer_id = c.id), '[]') AS accounts
       FROM customers c WHERE c.id = $1::uuid`,
      id,
    );
    const row = rows[0];
    if (!row) return null;
    const { accounts, ...customer } = row;
    customer.currencies = [...new Set([customer.currency, ...customer.currencies])];
    return { customer, accounts };
  }

  /** Keyset pagination on (created_at, id): stable under concurrent inserts. */
  async list(filter: { search?: string; ids?: string[] }, page: { after?: KeysetPosition; limit: number }) {
    const where: Prisma.Sql[] = [];
    if (filter.ids) where.push(Prisma.sql`id = ANY(${filter.ids}::uuid[])`);
    if (filter.search) {
      const contains = '%' + filter.search.replace(/[\\%_]/g, '\\$&') + '%';
      where.push(
        Prisma.sql`(name ILIKE ${contains} OR reference = ${filter.search.toUpperCase()} OR email = ${filter.search})`,
      );
    }
    // a list page tolerates lag: the read replica when the request allows it
    const db = lagTolerantClient(this.replica, this.prisma);
    const { ids, next } = await keysetPage(
      db,
      { table: 'customers', sortColumn: 'created_at', order: 'asc', where },
      page,
    );
    return { items: inListOrder(ids, await this.byIds(db, ids)), next };
  }
}
