import { Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '@remitd/persistence';
import { AutoWriteOffUseCase } from './auto-write-off.usecase';
import { WriteOffRequestsRepository } from './write-off-requests.repository';

export interface WriteOffSweepResult {
  customers: number;
  billsPaid: number;
  /** customers a manual payment held: queued again for the next pass */
  deferred: number;
}

/**
 * The write-off sweep (issue 14): pays the customers queued in write_off_requests, a batch per
 * transaction (claim, pay, dequeue commit together, so a crash pays nothing twice and loses no
 * request; SKIP LOCKED lets replicas share the queue). A customer a manual payment holds is
 * queued again and picked up by the next pass — the reconciler runs one every 15 seconds, so
 * "automatic write-off resumes upon completion" within a minute. `sweepAll` first queues every
 * customer who could pay something (the periodic safety net).
 */
@Injectable()
export class WriteOffSweepUseCase {
  private readonly logger = new Logger('write-off-sweep');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly requests: WriteOffRequestsRepository,
    private readonly writeOff: AutoWriteOffUseCase,
  ) {}

  async sweepAll(batch = 500): Promise<WriteOffSweepResult> {
    const queued = await this.tx.run((tx) => this.requests.queueAllCandidates(tx));
    if (queued) this.logger.log(`periodic write-off sweep: ${queued} customer(s) queued`);
    return this.drain(batch);
  }

  async drain(batch = 500): Promise<WriteOffSweepResult> {
    const total: WriteOffSweepResult = { customers: 0, billsPaid: 0, deferred: 0 };
    // a deferred customer goes back to the queue: stop when a pass only defers
    for (let pass = 0; pass < 10_000; pass++) {
      const r = await this.tx.run(
        async (tx) => {
          const claimed = await this.requests.claim(tx, batch);
          if (!claimed.length) return null;
          const byReason = new Map<string, string[]>();
          for (const c of claimed) byReason.set(c.reason, (byReason.get(c.reason) ?? []).concat(c.customerId));
          const outcomes = [];
          for (const [reason, ids] of byReason) outcomes.push(...(await this.writeOff.inTx(tx, ids, reason)));
          await this.requests.remove(
            tx,
            claimed.map((c) => c.customerId),
          );
          const held = outcomes.filter((o) => o.skipped === 'manual_payment_in_progress').map((o) => o.customerId);
          await this.requests.request(tx, held, 'manual payment ended');
          return {
            customers: claimed.length,
            billsPaid: outcomes.reduce((n, o) => n + o.bills, 0),
            deferred: held.length,
            full: claimed.length === batch,
          };
        },
        { timeoutMs: 10 * 60_000 },
      );
      if (!r) break;
      total.customers += r.customers;
      total.billsPaid += r.billsPaid;
      total.deferred += r.deferred;
      if (r.deferred === r.customers || !r.full) break;
    }
    if (total.billsPaid)
      this.logger.log(`write-off sweep paid ${total.billsPaid} bill(s) of ${total.customers} customer(s)`);
    return total;
  }
}
