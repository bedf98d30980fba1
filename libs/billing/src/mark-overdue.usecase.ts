import { Injectable, Logger } from '@nestjs/common';
import { plural } from '@remitd/core';
import { Money } from '@remitd/money';
import { OutboxRepository } from '@remitd/notifications';
import { TransactionRunner } from '@remitd/persistence';

/**
 * Bills past their due date become overdue and the customer gets one arrears notice per bill
 * (the arrears lifecycle issue builds reminders and service suspension on top).
 */
@Injectable()
export class MarkOverdueUseCase {
  private readonly logger = new Logger('overdue');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxRepository,
  ) {}

  async execute(today = new Date().toISOString().slice(0, 10)): Promise<number> {
    return this.tx.run(async (tx) => {
      const rows = await tx.$queryRaw<
        {
          id: string;
          reference: string;
          billingCycle: string;
          dueDate: string;
          currency: string;
          outstanding: string;
          email: string;
          name: string;
          customerRef: string;
          customerId: string;
        }[]
      >`
        UPDATE bills b SET status = 'overdue', updated_at = now()
        FROM customers c
        WHERE c.id = b.customer_id AND b.status IN ('unsettled', 'partly_paid') AND b.due_date IS NOT NULL AND b.due_date < ${today} AND b.issued_at <= now()
        RETURNING b.id::text, b.reference, b.billing_cycle AS "billingCycle", b.due_date AS "dueDate", b.currency, (b.amount - b.paid)::text AS outstanding,
                  c.email, c.name, c.reference AS "customerRef", c.id::text AS "customerId"`;
      await this.outbox.enqueue(
        tx,
        rows.map((b) => ({
          dedupeKey: `arrears-notice:${b.id}`,
          channel: 'email' as const,
          recipient: b.email,
          template: 'arrears-notice',
          customerId: b.customerId,
          payload: {
            customerName: b.name,
            currency: b.currency,
            overdueAmount: Money.fromStored(b.outstanding, b.currency).toString(),
            oldestBillReference: b.reference,
            oldestBillCycle: b.billingCycle,
            oldestBillDueDate: b.dueDate,
            customerReference: b.customerRef,
            daysOverdue: Math.max(1, Math.round((Date.parse(today) - Date.parse(b.dueDate)) / 86_400_000)),
          },
        })),
      );
      if (rows.length) this.logger.log(`${plural(rows.length, 'bill')} became overdue`);
      return rows.length;
    });
  }
}
