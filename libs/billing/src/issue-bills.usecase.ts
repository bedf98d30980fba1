import { Inject, Injectable, Logger } from '@nestjs/common';
import { AdvisoryLocks, idempotencyStorage, PrismaService, TransactionRunner } from '@remitd/persistence';
import { AutoWriteOffUseCase } from './auto-write-off.usecase';
import { assertCycle, dueDate, issuanceInstant } from './cycles';

export const BILLING_TIME_ZONE = Symbol('BILLING_TIME_ZONE');

export interface IssueResult {
  billingCycle: string;
  billsIssued: number;
  writtenOff: number;
  /** customers whose automatic write-off paid something */
  customersWrittenOff: number;
  skipped?: 'already_issued' | 'another_replica_is_issuing' | 'not_due_yet';
}

/**
 * Monthly issuance (seed 000: 12:00 on the 2nd of the following month, billing time zone):
 * every customer's unbilled charges of the cycle become one bill per currency, with lines, a due
 * date from the customer's payment terms, then automatic write-off runs for those who have it on.
 * Exactly once per cycle: bills are unique per customer, cycle and currency, and replicas take
 * an advisory lock.
 */
@Injectable()
export class IssueBillsUseCase {
  private readonly logger = new Logger('billing');

  constructor(
    private readonly prisma: PrismaService,
    private readonly tx: TransactionRunner,
    private readonly locks: AdvisoryLocks,
    private readonly writeOff: AutoWriteOffUseCase,
    @Inject(BILLING_TIME_ZONE) private readonly timeZone: string,
  ) {}

  async execute(cycle: string, opts: { now?: Date; force?: boolean } = {}): Promise<IssueResult> {
    assertCycle(cycle);
    const issuedAt = issuanceInstant(cycle, this.timeZone);
    const now = opts.now ?? new Date();
    if (!opts.force && now < issuedAt)
      return { billingCycle: cycle, billsIssued: 0, writtenOff: 0, customersWrittenOff: 0, skipped: 'not_due_yet' };
    const result = await this.locks.withLock(`billing-run:${cycle}`, async () => {
      const run = await this.prisma.billingRun.findUnique({ where: { billingCycle: cycle } });
      if (run?.finishedAt && !opts.force)
        return {
          billingCycle: cycle,
          billsIssued: 0,
          writtenOff: 0,
          customersWrittenOff: 0,
          skipped: 'already_issued' as const,
        };
      // Several transactions serve one API request here; only the last one, which finishes the run,
      // carries the request's idempotency record (with the final result). Were every transaction
      // to write it, the second would hit its primary key: rolled back, write-off skipped, the run
      // never finished, and the caller handed the first transaction's result.
      const issued = await idempotencyStorage.exit(() =>
        this.tx.run(
          async (tx) => {
            await tx.billingRun.upsert({ where: { billingCycle: cycle }, create: { billingCycle: cycle }, update: {} });
            // due dates from each customer's payment terms (computed per distinct term), set as the bills are inserted
            const allTerms = await tx.$queryRaw<{ days: number; kind: string }[]>`
          SELECT DISTINCT payment_term_days AS days, payment_term_kind AS kind FROM customers`;
            const bills = await tx.$queryRaw<{ id: string; customerId: string }[]>`
          INSERT INTO bills (id, customer_id, reference, billing_cycle, issued_at, due_date, currency, amount)
          SELECT gen_random_uuid(), c.customer_id,
                 'B-' || replace(${cycle}, '-', '') || '-' || cu.reference || CASE WHEN c.currency <> cu.currency THEN '-' || c.currency ELSE '' END,
                 ${cycle}, ${issuedAt}, t.due, c.currency, SUM(c.amount)
          FROM charges c JOIN customers cu ON cu.id = c.customer_id
          LEFT JOIN unnest(${allTerms.map((t) => t.days)}::int[], ${allTerms.map((t) => t.kind)}::text[],
                           ${allTerms.map((t) => dueDate(cycle, t.days, t.kind === 'business' ? 'business' : 'calendar'))}::text[]) AS t(days, kind, due)
            ON t.days = cu.payment_term_days AND t.kind = cu.payment_term_kind
          WHERE c.billing_cycle = ${cycle} AND c.bill_id IS NULL
          GROUP BY c.customer_id, cu.reference, cu.currency, c.currency, t.due
          ON CONFLICT (customer_id, billing_cycle, currency) DO NOTHING
          RETURNING id::text, customer_id::text AS "customerId"`;
            // bills left without a due date (terms changed meanwhile, or bills of an interrupted run)
            const terms = await tx.$queryRaw<{ days: number; kind: string }[]>`
          SELECT DISTINCT cu.payment_term_days AS days, cu.payment_term_kind AS kind
          FROM bills b JOIN customers cu ON cu.id = b.customer_id WHERE b.billing_cycle = ${cycle} AND b.due_date IS NULL`;
            if (terms.length) {
              await tx.$executeRaw`
            UPDATE bills b SET due_date = t.due
            FROM customers cu, unnest(${terms.map((t) => t.days)}::int[], ${terms.map((t) => t.kind)}::text[],
                                     ${terms.map((t) => dueDate(cycle, t.days, t.kind === 'business' ? 'business' : 'calendar'))}::text[]) AS t(days, kind, due)
            WHERE b.billing_cycle = ${cycle} AND b.due_date IS NULL AND cu.id = b.customer_id AND cu.payment_term_days = t.days AND cu.payment_term_kind = t.kind`;
            }
            await tx.$executeRaw`
          WITH lines AS (
            UPDATE charges c SET bill_id = b.id FROM bills b
            WHERE c.billing_cycle = ${cycle} AND c.bill_id IS NULL AND b.customer_id = c.customer_id AND b.billing_cycle = c.billing_cycle AND b.currency = c.currency
            RETURNING c.bill_id, c.product, c.usage, c.amount)
          INSERT INTO bill_lines (id, bill_id, product, usage, amount) SELECT gen_random_uuid(), bill_id, product, usage, amount FROM lines`;
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
      return this.tx.run(async (tx) => {
        await tx.billingRun.update({ where: { billingCycle: cycle }, data: { finishedAt: new Date() } });
        return done;
      });
    });
    if (!result)
      return {
        billingCycle: cycle,
        billsIssued: 0,
        writtenOff: 0,
        customersWrittenOff: 0,
        skipped: 'another_replica_is_issuing',
      };
    if (!result.skipped)
      this.logger.log(`issued ${result.billsIssued} bills for ${cycle}; automatic write-off paid ${result.writtenOff}`);
    return result;
  }
}
