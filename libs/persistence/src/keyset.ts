import { Prisma } from './generated/prisma/client';
import type { SqlTx } from './sql';

/**
 * A position in a list ordered by (timestamp, id). The timestamp travels as microseconds since
 * the epoch, in text: PostgreSQL keeps microseconds but a JS Date only milliseconds, so a
 * Date-based cursor compares equal to (or past) rows written in the same transaction and a
 * page repeats or skips them. A list sorted by a numeric column carries the number's exact
 * decimal text in `at` instead.
 */
export interface KeysetPosition {
  at: string;
  id: string;
}

/** One list: a table, its sort timestamp, the direction and the caller's filters (SQL fragments). */
export interface KeysetList {
  table: string;
  sortColumn: string;
  /** what the sort column holds; timestamptz unless said otherwise */
  sortType?: 'timestamptz' | 'numeric';
  order: 'asc' | 'desc';
  where: Prisma.Sql[];
}

export interface KeysetPage {
  /** ids of the page's rows in list order */
  ids: string[];
  /** where the next page starts; null on the last page */
  next: KeysetPosition | null;
}

/**
 * Exact keyset pagination: `(sort, id) > (after.at, after.id)` compared as a tuple, ordered by the
 * same tuple, one row more than the page to know whether another page follows. Callers load the
 * rows by id (`inListOrder`) so each list keeps its own view.
 */
export async function keysetPage(
  db: SqlTx,
  list: KeysetList,
  page: { after?: KeysetPosition; limit: number },
): Promise<KeysetPage> {
  const { rows, next } = await keysetRows<{ id: string }>(db, list, page);
  return { ids: rows.map((r) => r.id), next };
}

/**
 * The same page with the rows themselves in one statement: `columns` is the list's select list
 * (it must include `id::text`), for hot lists that would otherwise load the page by id again.
 */
export async function keysetRows<T extends { id: string }>(
  db: SqlTx,
  list: KeysetList & { columns?: string },
  page: { after?: KeysetPosition; limit: number },
): Promise<{ rows: T[]; next: KeysetPosition | null }> {
  const sort = Prisma.raw(list.sortColumn);
  const direction = Prisma.raw(list.order === 'asc' ? 'ASC' : 'DESC');
  const conditions = [...list.where];
  const numeric = list.sortType === 'numeric';
  if (page.after) {
    const position = numeric
      ? Prisma.sql`(${page.after.at}::numeric, ${page.after.id}::uuid)`
      : Prisma.sql`(timestamptz 'epoch' + ${page.after.at}::bigint * interval '1 microsecond', ${page.after.id}::uuid)`;
    conditions.push(
      list.order === 'asc' ? Prisma.sql`(${sort}, id) > ${position}` : Prisma.sql`(${sort}, id) < ${position}`,
    );
  }
  const rows = await db.$queryRaw<(T & { at_: string })[]>`
    SELECT ${Prisma.raw(list.columns ?? 'id::text AS id')}, ${numeric ? Prisma.sql`${sort}::text` : Prisma.sql`(extract(epoch FROM ${sort}) * 1000000)::bigint::text`} AS at_
    FROM ${Prisma.raw(list.table)}
    WHERE ${conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`}
    ORDER BY ${sort} ${direction}, id ${direction}
    LIMIT ${page.limit + 1}`;
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  const next = rows.length > page.limit ? { at: last.at_, id: last.id } : null;
  for (const r of items) delete (r as { at_?: string }).at_;
  return { rows: items, next };
}

/** Rows loaded by id, back in the page's order. */
export function inListOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}
