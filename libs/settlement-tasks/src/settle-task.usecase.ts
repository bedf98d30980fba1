import { Injectable, Logger } from '@nestjs/common';
import { BillPaymentService, WriteOffRequestsRepository, type BillPayment } from '@remitd/billing';
import { CustomerRepository } from '@remitd/customers';
import { LedgerRepository, LedgerService, cashAccount, transfer, type JournalRequest } from '@remitd/ledger';
import { Money } from '@remitd/money';
import { OutboxRepository } from '@remitd/notifications';
import { AdvisoryLocks, SYSTEM_ACTOR, TransactionRunner, type Actor, type SqlTx, type Tx } from '@remitd/persistence';
import { SettlementTaskRepository, type TaskRow, type TaskStatus } from './settlement-task.repository';

export interface SettleOutcome {
  taskId: string;
  status: TaskStatus;
  paid: string;
  billsSettled: { billId: string; customerId: string; billingCycle: string; amount: string; settled: boolean }[];
  remaining: string;
}

/** the one name of the scheduler pass's lock: replicas never run two passes at once */
export const SETTLEMENT_TASKS_LOCK = 'settlement-tasks:pass';

/**
 * Pays a running task from its payer's (creator's) balance, in the task's order (seed 001):
 * transfer journals payer → each member, then that member's bills, in one transaction. The task
 * is Settling while it runs (a committed state others see); the payment itself holds the task's
 * row lock, so a Stop waits for it to commit or roll back and never sees half of it. Complete only
 * when nothing is left to repay; otherwise back to Running until the payer is topped up.
 */
@Injectable()
export class SettleTaskUseCase {
  private readonly logger = new Logger('settlement-tasks');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: SettlementTaskRepository,
    private readonly customers: CustomerRepository,
    private readonly ledger: LedgerService,
    private readonly balances: LedgerRepository,
    private readonly payments: BillPaymentService,
    private readonly writeOffRequests: WriteOffRequestsRepository,
    private readonly locks: AdvisoryLocks,
    private readonly outbox: OutboxRepository,
  ) {}

  /** One scheduler pass: every running task whose payer has a balance (seed 001: "after you top up"). */
  async pass(limit = 500): Promise<{ tasks: number; completed: number } | null> {
    return this.locks.withLock(SETTLEMENT_TASKS_LOCK, async () => {
      let completed = 0;
      const ids = await this.repo.runnableTaskIds(limit);
      for (const id of ids) {
        try {
          if ((await this.settle(id))?.status === 'completed') completed++;
        } catch (e) {
          this.logger.error(`settlement task ${id}: ${(e as Error).message}`);
        }
      }
      return { tasks: ids.length, completed };
    });
  }

  async settle(taskId: string, actor: Actor = SYSTEM_ACTOR): Promise<SettleOutcome | null> {
    const started = await this.tx.run(async (tx) => {
      const task = await this.repo.lock(tx, taskId);
      if (!task || (task.status !== 'running' && task.status !== 'settling')) return false;
      if (task.status === 'running') {
        await this.repo.setStatus(tx, task.id, 'settling');
        await this.repo.addEvent(tx, { taskId, from: 'running', to: 'settling', actor });
      }
      return true;
    });
    if (!started) return null;
    return this.tx.run(
      async (tx) => {
        const task = await this.repo.lock(tx, taskId);
        // stopped between the two transactions: nothing was paid, nothing is
        if (!task || task.status !== 'settling') return null;
        return this.settleInTx(tx, task, actor);
      },
      { timeoutMs: 5 * 60_000 },
    );
  }

  /** Inside the caller's transaction, with the task's row locked and the task Settling or Running. */
  async settleInTx(tx: Tx, task: TaskRow, actor: Actor = SYSTEM_ACTOR): Promise<SettleOutcome> {
    const ccy = task.currency;
    const payer = task.payerCustomerId;
    const firstItems = await this.repo.items(tx, task);
    // customers in id order, as every payment locks them: no deadlock with write-off or manual payments
    const involved = [...new Set([payer, ...firstItems.map((i) => i.customerId)])].sort();
    const accounts = await this.customers.byIds(tx, involved, { lock: true });
    await this.repo.lockBills(tx, task);
    const items = await this.repo.items(tx, task);
    const payerCash = cashAccount(payer, ccy);
    const cash = (await this.balances.lockBalances(tx, [payerCash])).get(payerCash.code) ?? '0';
    let left = Money.fromStored(cash, ccy).max(Money.zero(ccy));
    const paid: { customerId: string; billingCycle: string; billId: string; amount: Money; open: Money }[] = [];
    let remaining = Money.zero(ccy);
    for (const item of items) {
      if (!item.billId || item.billStatus === 'settled') continue;
      const open = Money.fromStored(item.amount!, ccy).minus(Money.fromStored(item.billPaid!, ccy));
      if (!open.isPositive()) continue;
      const take = open.min(left);
      left = left.minus(take);
      remaining = remaining.plus(open.minus(take));
      if (take.isPositive())
        paid.push({
          customerId: item.customerId,
          billingCycle: item.billingCycle,
          billId: item.billId,
          amount: take,
          open,
        });
    }
    const byCustomer = new Map<string, typeof paid>();
    for (const p of paid) byCustomer.set(p.customerId, [...(byCustomer.get(p.customerId) ?? []), p]);
    const sum = (ps: typeof paid) => ps.reduce((s, p) => s.plus(p.amount), Money.zero(ccy));
    const key = (what: string, customerId: string) =>
      `settlement-task:${task.id}:${task.settlePass}:${what}:${customerId}`;
    // funds move by transfer journals from the payer to each member first (seed 001: "transfers funds")
    const transfers: JournalRequest[] = [...byCustomer]
      .filter(([customerId]) => customerId !== payer)
      .map(([customerId, ps]) => ({
        idempotencyKey: key('transfer', customerId),
        kind: 'settlement_task_transfer',
        description: `unified settlement task ${task.reference}: transfer to a member account`,
        metadata: { settlementTaskId: task.id, from: payer, to: customerId },
        legs: transfer(payerCash, cashAccount(customerId, ccy), sum(ps)),
        guards: [
          {
            account: payerCash,
            min: Money.zero(ccy),
            code: 'INSUFFICIENT_BALANCE',
            message: `the payer's balance does not cover the transfers of task ${task.reference}`,
          },
        ],
      }));
    await this.ledger.postMany(tx, transfers);
    const billPayments: BillPayment[] = [...byCustomer].map(([customerId, ps]) => ({
      key: key('pay', customerId),
      kind: 'settlement_task_payment',
      description: `bills paid by unified settlement task ${task.reference}`,
      customerId,
      currency: ccy,
      allocations: ps.map((p) => ({
        billId: p.billId,
        sourceId: 'balance',
        kind: 'balance' as const,
        amount: p.amount,
      })),
      sources: [{ id: 'balance', kind: 'balance' as const, account: cashAccount(customerId, ccy) }],
      // a member's cash gets exactly what its bills take; only the payer's own bills draw on its balance
      guards: customerId === payer ? [{ account: payerCash, min: Money.zero(ccy) }] : [],
      metadata: { settlementTaskId: task.id },
    }));
    await this.payments.executeMany(tx, billPayments);
    await this.repo.addPaid(
      tx,
      task.id,
      paid.map((p) => ({ customerId: p.customerId, billingCycle: p.billingCycle, amount: p.amount.toString() })),
    );
    const status: TaskStatus = remaining.isZero() ? 'completed' : 'running';
    await this.repo.setStatus(tx, task.id, status, { pass: paid.length > 0 });
    await this.repo.addEvent(tx, {
      taskId: task.id,
      from: task.status,
      to: status,
      actor,
      note:
        status === 'completed'
          ? `paid ${sum(paid).toString()} ${ccy}; every bill of the task is settled`
          : `paid ${sum(paid).toString()} ${ccy}; ${remaining.toString()} ${ccy} left to repay: waiting for a top-up`,
    });
    // seed 001: "Automatic settlement is restored only after the Settlement Bill is closed or completed"
    if (status === 'completed') {
      await this.writeOffRequests.request(tx, involved, 'settlement task completed');
      await this.mailCompleted(
        tx,
        task,
        accounts.find((a) => a.id === payer),
      );
    }
    return {
      taskId: task.id,
      status,
      paid: sum(paid).toString(),
      billsSettled: paid.map((p) => ({
        billId: p.billId,
        customerId: p.customerId,
        billingCycle: p.billingCycle,
        amount: p.amount.toString(),
        settled: p.amount.equals(p.open),
      })),
      remaining: remaining.toString(),
    };
  }

  /** One e-mail to the creator listing every bill the task settled (its reference as the payment reference). */
  private async mailCompleted(tx: SqlTx, task: TaskRow, payer: { name: string; email: string } | undefined) {
    if (!payer) return;
    const bills = (await this.repo.items(tx, task)).filter((i) => i.billReference && Number(i.paid) > 0);
    if (!bills.length) return;
    await this.outbox.enqueue(tx, {
      dedupeKey: `settlement-task-completed:${task.id}`,
      channel: 'email',
      recipient: payer.email,
      template: 'bills-settled',
      customerId: task.payerCustomerId,
      payload: {
        customerName: payer.name,
        currency: task.currency,
        bills: bills.map((i) => ({
          billReference: `${i.billReference} (${i.customerName})`,
          cycle: i.billingCycle,
          amountPaid: Money.fromStored(i.paid, task.currency).toString(),
          status: i.billStatus ?? 'settled',
        })),
        settledOn: new Date().toISOString().slice(0, 10),
        paymentReference: task.reference,
      },
    });
  }
}
