import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { cycleOf, previousCycle } from '@remitd/billing';
import type { PaymentsConfig } from '@remitd/config';
import { AdvisoryLocks, PrismaService, TransactionRunner, idempotencyStorage } from '@remitd/persistence';
import { GatewayPaymentsService, PAYMENTS_CONFIG } from './gateway-payments.service';
import { PaymentsRepository, type PaymentPurpose, type Thresholds } from './payments.repository';

export const PAYMENTS_TIME_ZONE = Symbol('PAYMENTS_TIME_ZONE');

export interface DeductionRunResult {
  /** payments sent to the gateway */
  charged: number;
  succeeded: number;
  declined: number;
  /** outcome unknown: pending until the key query or the webhook */
  pending: number;
}

export interface TickResult {
  resolved: DeductionRunResult;
  threshold: DeductionRunResult;
  monthEnd: (DeductionRunResult & { billingCycle: string }) | null;
  prepaidApplied: number;
  skipped?: 'another_replica_is_deducting';
}

const empty = (): DeductionRunResult => ({ charged: 0, succeeded: 0, declined: 0, pending: 0 });

/** A pending payment not heard of for this long is asked about by its key. */
const STALE_PENDING_MS = 60_000;
const BATCH = 1000;

/**
 * Automatic deduction for customers not on credit control (seed 000): "the system automatically
 * initiates a deduction when your accumulated pay-as-you-go fees reach a threshold. The
 * threshold is USD 1,000 for bank cards and varies from USD 8 to USD 500 for PayPal […] at the
 * end of each month, the system makes a single deduction for any bills that have not yet reached
 * the threshold." A declined deduction is retried on `retryScheduleMs`; when the retries run out
 * the customer is in arrears.
 *
 * One replica deducts at a time (advisory lock). Each batch of customers is opened as pending
 * payments in one transaction (charges tied to them) before the gateway is asked, so a run killed
 * at any instant resumes with no customer charged twice (same key) and none skipped (their
 * charges stay unpaid, or their payment pending, until a later tick).
 */
@Injectable()
export class PaygDeductionUseCase {
  private readonly logger = new Logger('payg');

  constructor(
    private readonly prisma: PrismaService,
    private readonly tx: TransactionRunner,
    private readonly locks: AdvisoryLocks,
    private readonly repo: PaymentsRepository,
    private readonly payments: GatewayPaymentsService,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
    @Inject(PAYMENTS_TIME_ZONE) private readonly timeZone: string,
  ) {}

  private thresholds(): Thresholds {
    return {
      card: this.config.cardThresholds,
      paypalDefault: Object.fromEntries(Object.entries(this.config.paypalRanges).map(([c, r]) => [c, r.max])),
    };
  }

  /** What the scheduler runs each minute at `now`: unknown outcomes, due retries, thresholds, month end. */
  async tick(now: Date): Promise<TickResult> {
    const out = await this.locks.withLock('payg-deduction', async () => {
      const resolved = await this.resolveDue(now);
      const threshold = await this.deduct('payg_threshold', null, now);
      const ended = previousCycle(cycleOf(now, this.timeZone));
      const run = await this.repo.monthEndRun(this.prisma, ended);
      const monthEnd = run?.finishedAt ? null : { billingCycle: ended, ...(await this.monthEndLocked(ended, now)) };
      const prepaidApplied = await this.applyPrepaid();
      return { resolved, threshold, monthEnd, prepaidApplied };
    });
    return (
      out ?? {
        resolved: empty(),
        threshold: empty(),
        monthEnd: null,
        prepaidApplied: 0,
        skipped: 'another_replica_is_deducting',
      }
    );
  }

  /** The month-end sweep of `cycle` on its own (finance, the benchmark); the scheduler runs it from `tick`. */
  async monthEnd(cycle: string, now: Date): Promise<DeductionRunResult | null> {
    return this.locks.withLock('payg-deduction', () => this.monthEndLocked(cycle, now));
  }

  private async monthEndLocked(cycle: string, now: Date): Promise<DeductionRunResult> {
    await idempotencyStorage.exit(() => this.tx.run((tx) => this.repo.startMonthEndRun(tx, cycle)));
    // first what an earlier (killed) run left pending
    const result = await this.resolveDue(now, true);
    const swept = await this.deduct('payg_month_end', cycle, now);
    for (const k of Object.keys(result) as (keyof DeductionRunResult)[]) result[k] += swept[k];
    await idempotencyStorage.exit(() => this.tx.run((tx) => this.repo.finishMonthEndRun(tx, cycle, swept.charged)));
    this.logger.log(`month-end deduction of ${cycle}: ${swept.charged} charged, ${swept.succeeded} succeeded`);
    return result;
  }

  async applyPrepaid(): Promise<number> {
    return idempotencyStorage.exit(() => this.tx.run((tx) => this.payments.applyPrepaid(tx, null)));
  }

  /** Due retries and pending payments not heard of for a minute (by `now`); all pending ones with `allPending`. */
  private async resolveDue(now: Date, allPending = false): Promise<DeductionRunResult> {
    const result = empty();
    const staleBefore = allPending ? new Date(8.64e15) : new Date(now.getTime() - STALE_PENDING_MS);
    const due = await idempotencyStorage.exit(() =>
      this.tx.run((tx) => this.repo.claimDue(tx, now, staleBefore, 10 * BATCH)),
    );
    for (let n = 0; n < due.length; n += BATCH)
      count(result, await this.payments.resolvePending(due.slice(n, n + BATCH), now));
    return result;
  }

  private async deduct(purpose: PaymentPurpose, upToCycle: string | null, now: Date): Promise<DeductionRunResult> {
    const result = empty();
    let after: string | null = null;
    for (;;) {
      const candidates = await this.repo.deductionCandidates(this.prisma, {
        thresholds: purpose === 'payg_threshold' ? this.thresholds() : undefined,
        upToCycle: upToCycle ?? undefined,
        after,
        limit: BATCH,
      });
      if (!candidates.length) break;
      after = candidates[candidates.length - 1].customerId;
      const opened = await idempotencyStorage.exit(() =>
        this.tx.run((tx) =>
          this.repo.openDeductions(
            tx,
            purpose,
            upToCycle,
            candidates.map((c) => {
              const paymentId = randomUUID();
              return { ...c, paymentId, idempotencyKey: `${paymentId}:1` };
            }),
            'system:payg',
          ),
        ),
      );
      count(result, await this.payments.chargeAndSettle(opened, now));
      if (candidates.length < BATCH) break;
    }
    return result;
  }
}

function count(result: DeductionRunResult, outcomes: { outcome: { status: string } }[]): void {
  for (const o of outcomes) {
    result.charged++;
    if (o.outcome.status === 'succeeded') result.succeeded++;
    else if (o.outcome.status === 'declined') result.declined++;
    else result.pending++;
  }
}
