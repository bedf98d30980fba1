import { Injectable } from '@nestjs/common';
import { SqlTransactions } from './sql';

export interface IdempotencyRecordRow {
  requestHash: string;
  responseStatus: number;
  responseBody: unknown;
}

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly sql: SqlTransactions) {}

  /** every money-changing request looks here first: a prepared statement on the pool, no ORM */
  async find(scope: string, key: string): Promise<IdempotencyRecordRow | null> {
    const rows = await this.sql.reads.$queryRawUnsafe<IdempotencyRecordRow[]>(
      `SELECT request_hash AS "requestHash", response_status AS "responseStatus", response_body AS "responseBody"
       FROM idempotency_records WHERE scope = $1 AND key = $2`,
      scope,
      key,
    );
    return rows[0] ?? null;
  }
}
