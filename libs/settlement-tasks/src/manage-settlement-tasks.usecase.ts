import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WriteOffRequestsRepository, cycleOf } from '@remitd/billing';
import { notFound, validationError } from '@remitd/core';
import { CustomerRepository } from '@remitd/customers';
import { AuditRepository, TransactionRunner, type Actor, type Tx } from '@remitd/persistence';
import { checkSelection, defaultOrder, type ItemChoice } from './eligibility';
import { SettleTaskUseCase } from './settle-task.usecase';
import { SettlementTaskQueries, type TaskView } from './settlement-task.queries';
import { assertItemsInScope, assertPayerInScope } from './settlement-task-access';
import { SettlementTaskRepository, type TaskRow, type TaskStatus } from './settlement-task.repository';
import { SettlementTaskErrors as E } from './settlement-tasks.errors';
import { SETTLEMENT_TASKS_CLOCK, SETTLEMENT_TASKS_TIME_ZONE, type Clock } from './settlement-tasks.tokens';

export interface CreateTaskCommand {
  actor: Actor;
  /** the account whose balance pays (a member: itself) */
  payerCustomerId?: string;
  name?: string;
  items: ItemChoice[];
  /** "Generate and Run Settlement Bill" at once instead of saving a draft */
  run?: boolean;
}

/**
 * Creates, edits and deletes drafts, and moves tasks between states (seed 001): Draft → Running
 * ⇄ Not Started → Closed, Running → Settling → Completed. A refused transition is a 409 naming
 * the current state. Every change is audited and kept in the task's history with its actor.
 */
@Injectable()
export class ManageSettlementTasksUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: SettlementTaskRepository,
    private readonly customers: CustomerRepository,
    private readonly settleTask: SettleTaskUseCase,
    private readonly queries: SettlementTaskQueries,
    private readonly writeOffRequests: WriteOffRequestsRepository,
    private readonly audit: AuditRepository,
    @Inject(SETTLEMENT_TASKS_CLOCK) private readonly clock: Clock,
    @Inject(SETTLEMENT_TASKS_TIME_ZONE) private readonly timeZone: string,
  ) {}

  async create(cmd: CreateTaskCommand): Promise<TaskView> {
    const payerId = cmd.payerCustomerId ?? (cmd.actor.role === 'member' ? cmd.actor.customerId : null);
    if (!payerId)
      throw validationError(
        'PAYER_REQUIRED',
        'payerCustomerId: the account whose balance pays the task',
        'payerCustomerId',
      );
    assertPayerInScope(cmd.actor, payerId);
    const now = this.clock();
    checkSelection(cmd.items, cycleOf(now, this.timeZone));
    const id = randomUUID();
    const reference = `ST-${now.toISOString().slice(0, 7).replace('-', '')}-${id.slice(0, 8).toUpperCase()}`;
    return this.tx.run(async (tx) => {
      const [payer] = await this.customers.byIds(tx, [payerId]);
      if (!payer) throw notFound('customer', payerId);
      const ordered = await this.checkItems(tx, cmd.actor, payer.id, payer.currency, cmd.items, null, now, true);
      await this.repo.insertTask(tx, {
        id,
        reference,
        name: cmd.name?.trim() || `Unified settlement ${reference}`,
        payerCustomerId: payer.id,
        currency: payer.currency,
        createdBy: cmd.actor.id,
        createdByRole: cmd.actor.role,
        createdByName: cmd.actor.name ?? null,
      });
      await this.putItems(tx, id, ordered);
      await this.repo.addEvent(tx, { taskId: id, from: null, to: 'draft', actor: cmd.actor });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'settlement_task.create',
        entityType: 'settlement_task',
        entityId: id,
        payload: {
          reference,
          payerCustomerId: payer.id,
          items: ordered.map((i) => `${i.customerId}/${i.billingCycle}`),
        },
      });
      if (cmd.run) await this.runInTx(tx, cmd.actor, (await this.repo.find(id, tx))!, 'run', ['draft']);
      return this.queries.viewOf((await this.repo.find(id, tx))!, tx);
    });
  }

  /** Edit a draft: its name, its items (in the order given: that is the order it pays in). */
  async edit(cmd: { actor: Actor; id: string; name?: string; items?: ItemChoice[] }): Promise<TaskView> {
    const now = this.clock();
    if (cmd.items) checkSelection(cmd.items, cycleOf(now, this.timeZone));
    return this.tx.run(async (tx) => {
      const task = await this.locked(tx, cmd.actor, cmd.id);
      if (task.status !== 'draft') throw E.wrongState(task, 'edit', ['draft']);
      if (cmd.name?.trim()) await this.repo.rename(tx, task.id, cmd.name.trim());
      if (cmd.items) {
        const ordered = await this.checkItems(
          tx,
          cmd.actor,
          task.payerCustomerId,
          task.currency,
          cmd.items,
          task.id,
          now,
          false,
        );
        await this.putItems(tx, task.id, ordered);
      }
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'settlement_task.edit',
        entityType: 'settlement_task',
        entityId: task.id,
        payload: { name: cmd.name ?? null, items: cmd.items?.map((i) => `${i.customerId}/${i.billingCycle}`) ?? null },
      });
      return this.queries.viewOf((await this.repo.find(task.id, tx))!, tx);
    });
  }

  /** seed 001: "Once deleted, the task is permanently removed" (drafts only). */
  async delete(cmd: { actor: Actor; id: string }): Promise<void> {
    await this.tx.run(async (tx) => {
      const task = await this.locked(tx, cmd.actor, cmd.id);
      if (task.status !== 'draft') throw E.wrongState(task, 'delete', ['draft']);
      await this.repo.delete(tx, task.id);
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'settlement_task.delete',
        entityType: 'settlement_task',
        entityId: task.id,
        payload: { reference: task.reference },
      });
    });
  }

  /** "Generate and Run": Draft → Running, then pay at once from the payer's balance. */
  run(cmd: { actor: Actor; id: string }) {
    return this.transitionThenSettle(cmd, 'run', ['draft']);
  }

  /** Enable: Not Started → Running, then pay at once. */
  enable(cmd: { actor: Actor; id: string }) {
    return this.transitionThenSettle(cmd, 'enable', ['not_started']);
  }

  /**
   * Stop: Running or Settling → Not Started; automatic settlement is restored for every account
   * involved. A settlement in flight holds the task's row: Stop waits for it (seed 001 warns not
   * to stop a Settling task; here it is safe) and then stops what is left, or finds it Completed.
   */
  async stop(cmd: { actor: Actor; id: string }): Promise<TaskView> {
    return this.tx.run(async (tx) => {
      const task = await this.locked(tx, cmd.actor, cmd.id);
      await this.move(tx, cmd.actor, task, 'stop', ['running', 'settling'], 'not_started');
      await this.writeOffRequests.request(tx, await this.involved(tx, task), 'settlement task stopped');
      return this.queries.viewOf((await this.repo.find(task.id, tx))!, tx);
    });
  }

  /** Close: Not Started → Closed, final; its cycles may be chosen again. */
  async close(cmd: { actor: Actor; id: string }): Promise<TaskView> {
    return this.tx.run(async (tx) => {
      const task = await this.locked(tx, cmd.actor, cmd.id);
      await this.move(tx, cmd.actor, task, 'close', ['not_started'], 'closed');
      return this.queries.viewOf((await this.repo.find(task.id, tx))!, tx);
    });
  }

  /**
   * Into Running and paid at once, in one transaction (the request's Idempotency-Key is stored with
   * it): the task's row stays locked throughout, so a Stop meanwhile waits for the outcome.
   */
  private async transitionThenSettle(cmd: { actor: Actor; id: string }, action: string, from: TaskStatus[]) {
    return this.tx.run(
      async (tx) => {
        const task = await this.locked(tx, cmd.actor, cmd.id);
        await this.runInTx(tx, cmd.actor, task, action, from);
        return this.queries.viewOf((await this.repo.find(task.id, tx))!, tx);
      },
      { timeoutMs: 5 * 60_000 },
    );
  }

  private async runInTx(tx: Tx, actor: Actor, task: TaskRow, action: string, from: TaskStatus[]) {
    await this.move(tx, actor, task, action, from, 'running');
    await this.settleTask.settleInTx(tx, { ...task, status: 'running' }, actor);
  }

  private async locked(tx: Tx, actor: Actor, id: string): Promise<TaskRow> {
    const task = await this.repo.lock(tx, id);
    if (!task) throw notFound('settlement task', id);
    assertPayerInScope(actor, task.payerCustomerId);
    return task;
  }

  private async move(tx: Tx, actor: Actor, task: TaskRow, action: string, from: TaskStatus[], to: TaskStatus) {
    if (!from.includes(task.status)) throw E.wrongState(task, action, from);
    await this.repo.setStatus(tx, task.id, to);
    await this.repo.addEvent(tx, { taskId: task.id, from: task.status, to, actor });
    await this.audit.record(tx, {
      actor,
      action: `settlement_task.${action}`,
      entityType: 'settlement_task',
      entityId: task.id,
      payload: { reference: task.reference, from: task.status, to },
    });
  }

  private async involved(tx: Tx, task: TaskRow): Promise<string[]> {
    const items = await this.repo.items(tx, task);
    return [...new Set([task.payerCustomerId, ...items.map((i) => i.customerId)])];
  }

  /**
   * The rules that need the database: accounts in scope, an issued bill in the task's currency
   * for every account × cycle, none held by another open task.
   */
  private async checkItems(
    tx: Tx,
    actor: Actor,
    payerId: string,
    currency: string,
    items: ItemChoice[],
    taskId: string | null,
    now: Date,
    reorder: boolean,
  ): Promise<ItemChoice[]> {
    const ids = [...new Set(items.map((i) => i.customerId))];
    assertItemsInScope(actor, payerId, await this.repo.managedBy(tx, payerId), ids);
    const accounts = await this.customers.byIds(tx, ids);
    for (const id of ids) if (!accounts.some((a) => a.id === id)) throw notFound('customer', id);
    const bills = new Set(
      (await this.repo.issuedBills(tx, items, currency, now)).map((b) => `${b.customerId}/${b.billingCycle}`),
    );
    for (const i of items)
      if (!bills.has(`${i.customerId}/${i.billingCycle}`)) throw E.billNotIssued(i.customerId, i.billingCycle);
    const [held] = await this.repo.heldElsewhere(tx, items, taskId);
    if (held)
      throw E.cycleInAnotherTask(held.customerId, held.billingCycle, { id: held.taskId, reference: held.reference });
    if (!reorder) return items;
    const names = new Map(accounts.map((a) => [a.id, a.name]));
    return defaultOrder(items.map((i) => ({ ...i, customerName: names.get(i.customerId)! }))).map(
      ({ customerId, billingCycle }) => ({ customerId, billingCycle }),
    );
  }

  /** Items in; a concurrent creation that took a pair first wins, and this one is a 409 naming it. */
  private async putItems(tx: Tx, taskId: string, items: ItemChoice[]): Promise<void> {
    const inserted = await this.repo.replaceItems(tx, taskId, items);
    if (inserted === items.length) return;
    const [held] = await this.repo.heldElsewhere(tx, items, taskId);
    if (!held) throw new Error(`settlement task ${taskId}: ${items.length - inserted} item(s) not stored`);
    throw E.cycleInAnotherTask(held.customerId, held.billingCycle, { id: held.taskId, reference: held.reference });
  }
}
