import { Inject, Injectable, Logger } from '@nestjs/common';
import { plural } from '@remitd/core';
import { PrepaidChargesService } from '@remitd/ledger';
import { AdvisoryLocks, idempotencyStorage, PrismaService, TransactionRunner } from '@remitd/persistence';
import { AutoWriteOffUseCase } from './auto-write-off.usecase';
import { ChargesRepository, type DueDateOfTerms, type TermsInUse } from './charges.repository';
import { MarkOverdueUseCase } from './mark-overdue.usecase';
import { assertCycle, dueCycle, dueDate, issuanceInstant, nextCycle } from './cycles';

export const BILLING_TIME_ZONE = Symbol('BILLING_TIME_ZONE');

export interface IssueResult {
  billingCycle: string;
  billsIssued: number;
  writtenOff: number;
  /** customers whose automatic write-off paid something */
  customersWrittenOff: number;
  /** why nothing was issued (the API answers 200, not 201, with it) */
  skipped?: 'already_issued' | 'another_replica_is_issuing' | 'not_due_yet' | 'no_charges';
  /** the skip in a sentence */
  reason?: string;
}

const REASONS: Record<NonNullable<IssueResult['skipped']>, (cycle: string) => string> = {
  already_issued: (cycle) => `cycle ${cycle} is already issued; charges recorded for it now go to the next open cycle`,
  another_replica_is_issuing: (cycle) => `another process is issuing cycle ${cycle} right now`,
  not_due_yet: (cycle) =>
    `cycle ${cycle} is not due yet (bills issue at 12:00 on the 2nd of the next month); pass force=true to issue it now`,
  no_charges: (cycle) =>
    `cycle ${cycle} has no unbilled charges: nothing to bill, and the cycle stays open for charges recorded later`,
};

/** seed 000: due = end of the cycle (a month, or a quarter ending with it) + the payment period. */
const dueDatesOf = (cycle: string, terms: TermsInUse[]): DueDateOfTerms[] =>
  terms.map((t) => ({
    days: t.days,
    kind: t.kind,
    billingEntityId: t.billingEntityId,
    due: dueDate(cycle, t.days, t.kind === 'business' ? 'business' : 'calendar', new Set(t.holidays)),
  }));

const skip = (cycle: string, skipped: NonNullable<IssueResult['skipped']>): IssueResult => ({
  billingCycle: cycle,
  billsIssued: 0,
  writtenOff: 0,
  customersWrittenOff: 0,
  skipped,
  reason: REASONS[skipped](cycle),
});

/**
 * Monthly issuance (seed 000: 12:00 on the 2nd of the following month, billing time zone):
 * every customer's unbilled charges of the cycle become one bill per currency, with lines, a due
 * date from the customer's payment terms, then automatic write-off runs for those who have it on.
 * Exactly once per cycle: bills are unique per customer, cycle and currency, and replicas take
 * an advisory lock.
 *
 * No charge escapes billing (issue 11 item 4). Issuance holds the cycle's charge lock exclusively
 * (ChargesRepository) and builds each bill's amount and its lines from one locked read of the
 * charges, so a charge committed while a cycle is issued is either on its bill, amount and line
 * alike, or not in that cycle at all. A charge recorded for a cycle already issued is late: it is
 * billed on the customer's bill of the next cycle not yet issued, its line unchanged and the
 * charge remembering the cycle it was recorded for (`deferredFromCycle`). We chose the next
 * cycle's bill over a supplementary bill: bills stay one per customer, cycle and currency, and the
 * customer is not sent an extra bill (and due date) for a late line.
 *
 * A cycle without unbilled charges is not issued (issue 12 item 2): issuing it would close it,
 * and charges recorded for it afterwards would all be late. A bill issued after its due date is
 * overdue from the moment it is issued (issue 12 item 3): the overdue sweep runs at the end of
 * the run, after automatic write-off, so its arrears notice goes out with it.
 */
@Injectable()
export class IssueBillsUseCase {
  private readonly logger = new Logger('billing');

  constructor(
    private readonly prisma: PrismaService,
    private readonly tx: TransactionRunner,
    private readonly locks: AdvisoryLocks,
    private readonly writeOff: AutoWriteOffUseCase,
    private readonly charges: ChargesRepository,
    private readonly overdue: MarkOverdueUseCase,
    private readonly prepaid: PrepaidChargesService,
    @Inject(BILLING_TIME_ZONE) private readonly timeZone: string,
  ) {}

  /**
   * What the scheduler runs: first moves charges stranded on issued cycles to the next open
   * cycle, then issues every cycle due at `now` that has unbilled charges (oldest first; a cycle
   * missed while no reconciler ran is not left behind). A due cycle without charges is left
   * open, so the first start of an empty installation issues nothing.
   */
  async issueDue(now: Date): Promise<IssueResult[]> {
    await this.deferStranded();
    const latest = dueCycle(now, this.timeZone);
    const cycles = await this.tx.run((tx) => this.charges.unissuedCyclesWithCharges(tx, latest));
    const results: IssueResult[] = [];
    for (const cycle of cycles) results.push(await this.execute(cycle, { now }));
    return results;
  }

  /** Unbilled charges of issued cycles (recorded before charges and issuance shared a lock) go to the next open cycle. */
  async deferStranded(): Promise<number> {
    let moved = 0;
    for (const cycle of await this.tx.run((tx) => this.charges.strandedCycles(tx))) {
      const count = await this.tx.run(async (tx) =>
        this.charges.defer(tx, cycle, await this.charges.openCycleFrom(tx, nextCycle(cycle))),
      );
      if (count)
        this.logger.warn(`${plural(count, 'unbilled charge')} of issued cycle ${cycle} moved to the next open cycle`);
      moved += count;
    }
    return moved;
  }

  /**
   * Issues `cycle`. `force` issues a cycle that is not due yet (finance closing a month early);
   * it never issues a cycle twice. A cycle already issued, or with no unbilled charges, is
   * skipped with the reason.
   */
  async execute(cycle: string, opts: { now?: Date; force?: boolean } = {}): Promise<IssueResult> {
    assertCycle(cycle);
    const due = issuanceInstant(cycle, this.timeZone);
    const now = opts.now ?? new Date();
    if (!opts.force && now < due) return skip(cycle, 'not_due_yet');
    // a forced run issues its bills now: dated at the cycle's future issuance instant they would be
    // "not issued yet", neither settled by incoming money nor payable until then
    const issuedAt = now < due ? now : due;
    const result = await this.locks.withLock(`billing-run:${cycle}`, async () => {
      const run = await this.prisma.billingRun.findUnique({ where: { billingCycle: cycle } });
      if (run?.finishedAt) return skip(cycle, 'already_issued');
      // not in a transaction of the request: a run that issues nothing stores no idempotent answer
      if (!run && !(await this.charges.hasUnbilled(this.prisma, cycle))) return skip(cycle, 'no_charges');
      // Several transactions serve one API request here; only the last one, which finishes the run,
      // carries the request's idempotency record (with the final result). Were every transaction
      // to write it, the second would hit its primary key: rolled back, write-off skipped, the run
      // never finished, and the caller handed the first transaction's result.
      const issued = await idempotencyStorage.exit(() =>
        this.tx.run(
          async (tx) => {
            // waits for every charge transaction of the cycle under way; charges arriving from now
            // on find the cycle issued and go to the next open one (see ChargesRepository)
            await this.charges.lockCycleForIssuance(tx, cycle);
            await tx.billingRun.upsert({ where: { billingCycle: cycle }, create: { billingCycle: cycle }, update: {} });
            // due dates from each customer's payment terms in force now (computed per distinct term
            // and billing entity: business days skip its holidays), set as the bills are inserted
            const bills = await this.charges.issueCycle(
              tx,
              cycle,
              issuedAt,
              dueDatesOf(cycle, await this.charges.termsInUse(tx)),
            );
            // pay-as-you-go charges already deducted pay their new bills here, before anything
            // else (automatic write-off, a transfer) could take the bill as still owing them
            await this.prepaid.apply(tx, { billIds: bills.map((b) => b.id) });
            // bills left without a due date (terms changed meanwhile, or bills of an interrupted run)
            await this.charges.setMissingDueDates(
              tx,
              cycle,
              dueDatesOf(cycle, await this.charges.termsInUse(tx, { billsWithoutDueDateOf: cycle })),
            );
            // charges whose bill already existed (a forced re-run over older data) go to the next open cycle
            if ((await this.charges.strandedCycles(tx)).includes(cycle))
              await this.charges.defer(tx, cycle, await this.charges.openCycleFrom(tx, nextCycle(cycle)));
            await tx.billingRun.update({
              where: { billingCycle: cycle },
              data: { billsIssued: { increment: bills.length } },
            });
            return bills;
          },
          { timeoutMs: 30 * 60_000 },
        ),
      );
      const writeOffs = await idempotencyStorage.exit(() =>
        this.writeOff.forCustomers([...new Set(issued.map((b) => b.customerId))], `bills of ${cycle} issued`),
      );
      const paid = writeOffs.filter((w) => !w.skipped);
      const done: IssueResult = {
        billingCycle: cycle,
        billsIssued: issued.length,
        writtenOff: paid.reduce((n, w) => n + w.bills, 0),
        customersWrittenOff: paid.length,
      };
      // bills issued after their due date (a late run, a cycle issued for late charges) are overdue now
      await idempotencyStorage.exit(() => this.overdue.execute(now.toISOString().slice(0, 10)));
      return this.tx.run(async (tx) => {
        await tx.billingRun.update({ where: { billingCycle: cycle }, data: { finishedAt: new Date() } });
        return done;
      });
    });
    if (!result) return skip(cycle, 'another_replica_is_issuing');
    if (!result.skipped)
      this.logger.log(
        `issued ${plural(result.billsIssued, 'bill')} for ${cycle}; automatic write-off paid ${result.writtenOff}`,
      );
    return result;
  }
}
