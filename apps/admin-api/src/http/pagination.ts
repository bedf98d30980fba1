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
  'audit-log' | 'bills' | 'customers' | 'remittances' | 'repayments' | 'statement-alerts' | 'statement-files';

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
