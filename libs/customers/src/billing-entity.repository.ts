import { Injectable } from '@nestjs/common';
import { inListOrder, keysetPage, PrismaService, type KeysetPosition, type SqlTx, type Tx } from '@remitd/persistence';

/** One of the provider's contracting entities (seed 002), with the collection accounts it owns. */
export interface BillingEntityRecord {
  id: string;
  name: string;
  country: string;
  timeZone: string;
  currencies: string[];
  offersExclusiveAccounts: boolean;
  collectionAccountIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface BillingEntityWrite {
  name: string;
  country: string;
  timeZone: string;
  currencies: string[];
  offersExclusiveAccounts: boolean;
}

export interface HolidayRecord {
  date: string;
  name: string;
}

@Injectable()
export class BillingEntityRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(tx: Tx, data: BillingEntityWrite): Promise<BillingEntityRecord> {
    const { id } = await tx.billingEntity.create({ data, select: { id: true } });
    return (await this.byIds(tx, [id]))[0];
  }

  async update(tx: Tx, id: string, data: Partial<BillingEntityWrite>): Promise<void> {
    await tx.billingEntity.update({ where: { id }, data: { ...data, updatedAt: new Date() }, select: { id: true } });
  }

  /** The entities with these ids (id order); `lock` takes their rows FOR UPDATE. */
  async byIds(tx: SqlTx | undefined, ids: string[], opts: { lock?: boolean } = {}): Promise<BillingEntityRecord[]> {
    if (!ids.length) return [];
    return (tx ?? this.prisma).$queryRawUnsafe<BillingEntityRecord[]>(
      `SELECT e.id::text, e.name, e.country, e.time_zone AS "timeZone", e.currencies,
              e.offers_exclusive_accounts AS "offersExclusiveAccounts",
              ARRAY(SELECT a.id::text FROM collection_accounts a
                    WHERE a.billing_entity_id = e.id ORDER BY a.created_at, a.id) AS "collectionAccountIds",
              e.created_at AS "createdAt", e.updated_at AS "updatedAt"
       FROM billing_entities e
       WHERE e.id = ANY($1::uuid[])
       ORDER BY e.id${opts.lock ? ' FOR UPDATE OF e' : ''}`,
      ids,
    );
  }

  async findById(id: string, tx?: SqlTx): Promise<BillingEntityRecord | null> {
    return (await this.byIds(tx, [id]))[0] ?? null;
  }

  async lockById(tx: SqlTx, id: string): Promise<BillingEntityRecord | null> {
    return (await this.byIds(tx, [id], { lock: true }))[0] ?? null;
  }

  /** The one entity when exactly one exists (new customers default to it), else null. */
  async onlyOne(tx?: SqlTx): Promise<string | null> {
    const rows = await (tx ?? this.prisma).$queryRaw<{ id: string }[]>`SELECT id::text FROM billing_entities LIMIT 2`;
    return rows.length === 1 ? rows[0].id : null;
  }

  async count(tx?: SqlTx): Promise<number> {
    const rows = await (tx ?? this.prisma).$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM billing_entities`;
    return rows[0].n;
  }

  async list(page: { after?: KeysetPosition; limit: number }) {
    const { ids, next } = await keysetPage(
      this.prisma,
      { table: 'billing_entities', sortColumn: 'created_at', order: 'asc', where: [] },
      page,
    );
    return { items: inListOrder(ids, await this.byIds(undefined, ids)), next };
  }

  /** The collection accounts with these ids, locked, with the entity each belongs to now. */
  async lockCollectionAccounts(
    tx: SqlTx,
    ids: string[],
  ): Promise<{ id: string; name: string; billingEntityId: string | null }[]> {
    if (!ids.length) return [];
    return tx.$queryRaw`
      SELECT id::text, name, billing_entity_id::text AS "billingEntityId"
      FROM collection_accounts
      WHERE id = ANY(${ids}::uuid[])
      ORDER BY id
      FOR UPDATE`;
  }

  /** The entity owns exactly `ids` afterwards: others it owned are released. */
  async setCollectionAccounts(tx: SqlTx, entityId: string, ids: string[]): Promise<void> {
    await tx.$executeRaw`
      UPDATE collection_accounts SET billing_entity_id = NULL
      WHERE billing_entity_id = ${entityId}::uuid AND NOT (id = ANY(${ids}::uuid[]))`;
    await tx.$executeRaw`
      UPDATE collection_accounts SET billing_entity_id = ${entityId}::uuid
      WHERE id = ANY(${ids}::uuid[])`;
  }

  async holidays(tx: SqlTx | undefined, entityId: string, year: number): Promise<HolidayRecord[]> {
    return (tx ?? this.prisma).$queryRaw<HolidayRecord[]>`
      SELECT date, name
      FROM billing_entity_holidays
      WHERE billing_entity_id = ${entityId}::uuid AND date LIKE ${`${year}-%`}
      ORDER BY date`;
  }

  /** Replaces the entity's calendar of `year` with `holidays`. */
  async replaceHolidays(tx: SqlTx, entityId: string, year: number, holidays: HolidayRecord[]): Promise<void> {
    await tx.$executeRaw`
      DELETE FROM billing_entity_holidays
      WHERE billing_entity_id = ${entityId}::uuid AND date LIKE ${`${year}-%`}`;
    if (!holidays.length) return;
    await tx.$executeRaw`
      INSERT INTO billing_entity_holidays (billing_entity_id, date, name)
      SELECT ${entityId}::uuid, d, n
      FROM unnest(${holidays.map((h) => h.date)}::text[], ${holidays.map((h) => h.name)}::text[]) AS t(d, n)`;
  }
}
