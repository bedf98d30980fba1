import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { cashAccount, LedgerService, resourceRevenue, transfer } from '@remitd/ledger';
import { Money } from '@remitd/money';
import { idempotencyStorage, TransactionRunner } from '@remitd/persistence';
import { HourlyArrearsService } from './hourly-arrears.service';
import { HourlyRepository } from './hourly.repository';

export interface HourlyRunResult {
  /** customers (per currency) whose fees were deducted */
  customers: number;
  resources: number;
  /** customers whose balance this run made negative (reminded) */
  becameNegative: number;
  /** customers whose balance is above 0 again: restored (were stopped) or simply out of arrears */
  restored: number;
  recovered: number;
}

const BATCH = 1000;

/**
 * Seed 003: "The system will deduct fees for pay-as-you-go resources at each full hour." Set-based:
 * each batch of customers is one transaction that moves their resources' `billed_until` forward
 * (SKIP LOCKED: replicas take other customers) and posts one journal per customer and currency
 * through the ledger's set-based postMany, so a run killed at any instant deducts no hour twice
 * and skips none. The balance may go negative (postpaid): no guard. Then the arrears of customers
 * whose balance is above 0 again are closed (stopped resources restored).
 */
@Injectable()
export class DeductHourlyFeesUseCase {
  private readonly logger = new Logger('hourly');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: HourlyRepository,
    private readonly ledger: LedgerService,
    private readonly arrears: HourlyArrearsService,
  ) {}

  async run(now: Date): Promise<HourlyRunResult> {
    const result: HourlyRunResult = { customers: 0, resources: 0, becameNegative: 0, restored: 0, recovered: 0 };
    let after: string | null = null;
    for (;;) {
      const batch = await idempotencyStorage.exit(() =>
        this.tx.run(
          async (tx) => {
            const due = await this.repo.takeDue(tx, now, BATCH, after);
            if (!due.length) return null;
            const posted = await this.ledger.postMany(
              tx,
              due.map((d) => ({
                idempotencyKey: `hourly-fees:${d.customerId}:${d.currency}:${d.until.toISOString()}:${randomUUID()}`,
                kind: 'resource_hourly_fees',
                description: `pay-per-hour fees: ${d.hours} resource-hours up to ${d.until.toISOString()}`,
                metadata: { until: d.until.toISOString(), hours: d.hours, resources: d.resources },
                legs: transfer(
                  cashAccount(d.customerId, d.currency),
                  resourceRevenue(d.currency),
                  Money.fromStored(d.amount, d.currency),
                ),
              })),
            );
            let negative = 0;
            for (const [i, d] of due.entries()) {
              const balance = posted[i].balances.get(cashAccount(d.customerId, d.currency).code);
              if (balance?.isNegative() && (await this.arrears.becameNegative(tx, d.customerId, d.currency, d.until)))
                negative++;
            }
            return {
              customers: due.length,
              customerIds: new Set(due.map((d) => d.customerId)).size,
              last: due[due.length - 1].customerId,
              resources: due.reduce((n, d) => n + d.resources, 0),
              negative,
            };
          },
          { timeoutMs: 120_000 },
        ),
      );
      if (!batch) break;
      after = batch.last; // only from a committed batch: a retried transaction starts from the same place
      result.customers += batch.customers;
      result.resources += batch.resources;
      result.becameNegative += batch.negative;
      if (batch.customerIds < BATCH) break;
    }
    for (;;) {
      const outcomes = await idempotencyStorage.exit(() =>
        this.tx.run(async (tx) => {
          const rows = await this.repo.recovered(tx, 100);
          const out: string[] = [];
          for (const row of rows) out.push(await this.arrears.recovered(tx, row, now));
          return out;
        }),
      );
      for (const o of outcomes) result[o === 'restored' ? 'restored' : 'recovered']++;
      if (outcomes.length < 100) break;
    }
    if (result.customers || result.restored)
      this.logger.log(`hourly fees at ${now.toISOString()}: ${JSON.stringify(result)}`);
    return result;
  }
}
