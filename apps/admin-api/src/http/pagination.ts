import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { validationError } from '@remitd/core';
import type { KeysetPosition } from '@remitd/persistence';

export class PageQuery {
  @ApiPropertyOptional({ description: 'opaque cursor from the previous page', example: undefined })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** the lists whose cursors this API hands out; a cursor of one list is refused by every other */
export type ListName =
  | 'approval-requests'
  | 'notifications'
  | 'held-entries'
  | 'audit-log'
  | 'billing-entities'
  | 'bills'
  | 'charges'
  | 'customers'
  | 'remittances'
  | 'remittance-comments'
  | 'remitter-accounts'
  | 'repayments'
  | 'settlement-tasks'
  | 'resources'
  | 'statement-alerts'
  | 'statement-files'
  | 'users'
  | 'webhook-events';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MICROS = /^\d{1,16}$/; // microseconds since 1970, up to the year 2286
const SEQUENCE = /^[1-9]\d{0,17}$/; // a positive bigint that PostgreSQL's int8 holds

const invalidCursor = (list: ListName) =>
  validationError('INVALID_CURSOR', `cursor: not a cursor returned by GET /${list}`, 'cursor');

const encode = (payload: Record<string, string>) => Buffer.from(JSON.stringify(payload)).toString('base64url');

function decode(list: ListName, cursor: string): Record<string, unknown> {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor(list);
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) throw invalidCursor(list);
  if ((payload as { list?: unknown }).list !== list) throw invalidCursor(list);
  return payload as Record<string, unknown>;
}

/** The cursor of a (timestamp, id) keyset list: opaque to clients, validated before it reaches SQL. */
export function encodeCursor(list: ListName, next: KeysetPosition | null): string | null {
  return next ? encode({ list, at: next.at, id: next.id }) : null;
}

export function decodeCursor(list: ListName, cursor: string | undefined): KeysetPosition | undefined {
  if (!cursor) return undefined;
  const { at, id, ...rest } = decode(list, cursor);
  if (typeof at !== 'string' || !MICROS.test(at) || typeof id !== 'string' || !UUID.test(id)) {
    throw invalidCursor(list);
  }
  if (Object.keys(rest).some((k) => k !== 'list')) throw invalidCursor(list);
  return { at, id };
}

const NUMERIC = /^-?\d{1,16}(\.\d{1,4})?$/; // a numeric(20,4) as PostgreSQL writes it

/**
 * The cursor of a keyset list the client may sort: it carries its sort (none for the default
 * one, so a default cursor looks like any (timestamp, id) cursor) and another sort refuses it.
 */
export function encodeSortedCursor(
  list: ListName,
  sort: string,
  defaultSort: string,
  next: KeysetPosition | null,
): string | null {
  return next ? encode({ list, ...(sort === defaultSort ? {} : { sort }), at: next.at, id: next.id }) : null;
}

export function decodeSortedCursor(
  list: ListName,
  cursor: string | undefined,
  sort: { name: string; defaultName: string; kind: 'timestamp' | 'numeric' },
): KeysetPosition | undefined {
  if (!cursor) return undefined;
  const { at, id, sort: cursorSort = sort.defaultName, ...rest } = decode(list, cursor);
  if (cursorSort !== sort.name)
    throw validationError(
      'INVALID_CURSOR',
      `cursor: a cursor of sort=${typeof cursorSort === 'string' ? cursorSort.slice(0, 20) : '?'}, not of sort=${sort.name}`,
      'cursor',
    );
  const pattern = sort.kind === 'numeric' ? NUMERIC : MICROS;
  if (typeof at !== 'string' || !pattern.test(at) || typeof id !== 'string' || !UUID.test(id)) {
    throw invalidCursor(list);
  }
  if (Object.keys(rest).some((k) => k !== 'list')) throw invalidCursor(list);
  return { at, id };
}

/** The cursor of a list ordered by a bigint sequence (the audit log). */
export function encodeSequenceCursor(list: ListName, next: bigint | null): string | null {
  return next === null ? null : encode({ list, seq: next.toString() });
}

export function decodeSequenceCursor(list: ListName, cursor: string | undefined): bigint | undefined {
  if (!cursor) return undefined;
  const { seq, ...rest } = decode(list, cursor);
  if (typeof seq !== 'string' || !SEQUENCE.test(seq) || BigInt(seq) > 9223372036854775807n) throw invalidCursor(list);
  if (Object.keys(rest).some((k) => k !== 'list')) throw invalidCursor(list);
  return BigInt(seq);
}

/**
 * The cursor of a list with its own keyset (fields checked by pattern before they reach SQL):
 * approval requests carry PostgreSQL's full-precision timestamp text, the outbox its id.
 */
export function encodeFieldsCursor(list: ListName, next: Record<string, string> | null): string | null {
  return next ? encode({ list, ...next }) : null;
}

export function decodeFieldsCursor<K extends string>(
  list: ListName,
  cursor: string | undefined,
  fields: Record<K, RegExp>,
): Record<K, string> | undefined {
  if (!cursor) return undefined;
  const payload = decode(list, cursor);
  const out = {} as Record<K, string>;
  for (const k of Object.keys(fields) as K[]) {
    const v = payload[k];
    if (typeof v !== 'string' || v.length > 64 || !fields[k].test(v)) throw invalidCursor(list);
    out[k] = v;
  }
  if (Object.keys(payload).some((k) => k !== 'list' && !(k in fields))) throw invalidCursor(list);
  return out;
}

export const CURSOR_UUID = UUID;
/** PostgreSQL's text of a timestamptz, e.g. 2026-12-02 12:11:14.123456+00 */
export const CURSOR_PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
