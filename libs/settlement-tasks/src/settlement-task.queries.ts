import { Inject, Injectable } from '@nestjs/common';
import { cycleOf } from '@remitd/billing';
import { notFound } from '@remitd/core';
import { CustomerRepository } from '@remitd/customers';
import { AccountCodes, LedgerRepository } from '@remitd/ledger';
import { Money } from '@remitd/money';
import type { Actor, KeysetPosition, SqlTx } from '@remitd/persistence';
import { FIRST_ELIGIBLE_CYCLE } from './eligibility';
import { assertMayManageTasks, assertPayerInScope } from './settlement-task-access';
import { SettlementTaskRepository, type TaskRow } from './settlement-task.repository';
import { SETTLEMENT_TASKS_CLOCK, SETTLEMENT_TASKS_TIME_ZONE, type Clock } from './settlement-tasks.tokens';

export interface TaskItemView {
  customerId: string;
  customerName: string;
  billingCycle: string;
  position: number;
  billId: string | null;
  billReference: string | null;
  billStatus: string | null;
  /** the bill's amount (seed 001: "consumption amount") */
  consumption: string;
  /** what is still open on the bill */
  toBeRepaid: string;
  /** what this task paid of it */
  paidByTask: string;
  /** the bill was settled by something else meanwhile: it dropped out of the amount */
  settledOtherwise: boolean;
}

export interface CandidateCycle {
  billingCycle: string;
  billId: string;
  billReference: string;
  billStatus: string;
  consumption: string;
  toBeRepaid: string;
  /** false: greyed out, another open task holds it */
  selectable: boolean;
  heldBy: { taskId: string; reference: string } | null;
}

export interface TaskSummary {
  id: string;
  reference: string;
  name: string;
  payerCustomerId: string;
  currency: string;
  status: string;
  createdBy: { id: string; role: string; name: string | null };
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export interface TaskView extends TaskSummary {
  items: TaskItemView[];
  /** seed 001 "View Total": consumption and amount to be repaid, and what the task paid */
  totals: { consumption: string; toBeRepaid: string; paidByTask: string };
  history: {
    from: string | null;
    to: string;
    actor: { id: string; role: string; name: string | null };
    note: string | null;
    at: Date;
  }[];
}

/** What people read about settlement tasks: the list, one task, the candidates, how to pay. */
@Injectable()
export class SettlementTaskQueries {
  constructor(
    private readonly repo: SettlementTaskRepository,
    private readonly customers: CustomerRepository,
    private readonly ledger: LedgerRepository,
    @Inject(SETTLEMENT_TASKS_CLOCK) private readonly clock: Clock,
    @Inject(SETTLEMENT_TASKS_TIME_ZONE) private readonly timeZone: string,
  ) {}

  /** seed 001: "By default, the system lists them in descending order by creation time." */
  async list(
    actor: Actor,
    filter: { payerCustomerId?: string; status?: string },
    page: { after?: KeysetPosition; limit: number },
  ) {
    const payerCustomerId = actor.role === 'member' ? actor.customerId! : filter.payerCustomerId;
    if (payerCustomerId) assertPayerInScope(actor, payerCustomerId);
    else assertMayManageTasks(actor);
    const { items, next } = await this.repo.page({ ...filter, payerCustomerId }, page);
    return { items: items.map(summary), next };
  }

  async view(actor: Actor, id: string): Promise<TaskView> {
    const task = await this.repo.find(id);
    if (!task) throw notFound('settlement task', id);
    assertPayerInScope(actor, task.payerCustomerId);
    return this.viewOf(task);
  }

  async viewOf(task: TaskRow, tx?: SqlTx): Promise<TaskView> {
    const ccy = task.currency;
    const zero = Money.zero(ccy);
    const items = (await this.repo.items(tx, task)).map((i): TaskItemView => {
      const consumption = i.amount ? Money.fromStored(i.amount, ccy) : zero;
      const open = i.amount ? consumption.minus(Money.fromStored(i.billPaid!, ccy)) : zero;
      const paidByTask = Money.fromStored(i.paid, ccy);
      return {
        customerId: i.customerId,
        customerName: i.customerName,
        billingCycle: i.billingCycle,
        position: i.position,
        billId: i.billId,
        billReference: i.billReference,
        billStatus: i.billStatus,
        consumption: consumption.toString(),
        toBeRepaid: open.toString(),
        paidByTask: paidByTask.toString(),
        settledOtherwise: i.billStatus === 'settled' && paidByTask.lt(consumption) && task.status !== 'draft',
      };
    });
    const total = (k: 'consumption' | 'toBeRepaid' | 'paidByTask') =>
      items.reduce((s, i) => s.plus(Money.fromStored(i[k], ccy)), zero).toString();
    const history = (await this.repo.events(task.id, tx)).map((e) => ({
      from: e.fromStatus,
      to: e.toStatus,
      actor: { id: e.actorId, role: e.actorRole, name: e.actorName },
      note: e.note,
      at: e.at,
    }));
    return {
      ...summary(task),
      items,
      totals: { consumption: total('consumption'), toBeRepaid: total('toBeRepaid'), paidByTask: total('paidByTask') },
      history,
    };
  }

  /**
   * The bills a task of this payer may choose from, settled or not (seed 001), grouped by account
   * name with cycles descending; a cycle held by another open task is marked (greyed out) with it.
   */
  async candidates(actor: Actor, payerCustomerId: string) {
    assertPayerInScope(actor, payerCustomerId);
    const payer = await this.customers.findById(payerCustomerId);
    if (!payer) throw notFound('customer', payerCustomerId);
    const scope =
      actor.role === 'member' ? [payer.id] : [payer.id, ...(await this.repo.managedBy(undefined, payer.id))];
    const now = this.clock();
    const rows = await this.repo.candidates(
      scope,
      payer.currency,
      FIRST_ELIGIBLE_CYCLE,
      cycleOf(now, this.timeZone),
      now,
    );
    const accounts = new Map<string, { customerId: string; customerName: string; cycles: CandidateCycle[] }>();
    for (const r of rows) {
      const ccy = payer.currency;
      const account = accounts.get(r.customerId) ?? {
        customerId: r.customerId,
        customerName: r.customerName,
        cycles: [],
      };
      accounts.set(r.customerId, account);
      account.cycles.push({
        billingCycle: r.billingCycle,
        billId: r.billId,
        billReference: r.billReference,
        billStatus: r.status,
        consumption: Money.fromStored(r.amount, ccy).toString(),
        toBeRepaid: Money.fromStored(r.amount, ccy).minus(Money.fromStored(r.paid, ccy)).toString(),
        selectable: r.taskId === null,
        heldBy: r.taskId ? { taskId: r.taskId, reference: r.taskReference! } : null,
      });
    }
    return { payerCustomerId: payer.id, currency: payer.currency, accounts: [...accounts.values()] };
  }

  /** "Make payment": the payer's exclusive bank account and what it must still send. */
  async payment(actor: Actor, id: string) {
    const view = await this.view(actor, id);
    const ccy = view.currency;
    const cash = Money.fromStored(
      (await this.ledger.balanceOf(AccountCodes.customerCash(view.payerCustomerId, ccy))) ?? '0',
      ccy,
    );
    const due = Money.fromStored(view.totals.toBeRepaid, ccy).minus(cash.max(Money.zero(ccy)));
    const account = await this.repo.exclusiveAccount(view.payerCustomerId, ccy);
    return {
      taskId: view.id,
      reference: view.reference,
      status: view.status,
      currency: ccy,
      toBeRepaid: view.totals.toBeRepaid,
      balance: cash.toString(),
      amountDue: due.max(Money.zero(ccy)).toString(),
      exclusiveAccount: account
        ? {
            number: account.number,
            bic: account.bic,
            accountHolderName: account.holder ?? account.collection,
            bankName: account.bankName,
          }
        : null,
      paymentReference: view.reference,
    };
  }
}

const summary = (t: TaskRow): TaskSummary => ({
  id: t.id,
  reference: t.reference,
  name: t.name,
  payerCustomerId: t.payerCustomerId,
  currency: t.currency,
  status: t.status,
  createdBy: { id: t.createdBy, role: t.createdByRole, name: t.createdByName },
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
  completedAt: t.completedAt,
});
