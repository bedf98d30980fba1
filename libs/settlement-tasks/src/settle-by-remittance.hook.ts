import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LedgerRepository, LedgerService, cashAccount, transfer } from '@remitd/ledger';
import { Money } from '@remitd/money';
import { SYSTEM_ACTOR, type SqlTx, type Tx } from '@remitd/persistence';
import { CreditedFundsHooks, type CreditedFunds, type CreditedFundsHook } from '@remitd/reconciliation';
import { SettleTaskUseCase } from './settle-task.usecase';
import { SettlementTaskRepository } from './settlement-task.repository';

/** a task's reference as printed on its CSV and PDF: ST-<yyyymm>-<8 hex> */
const TASK_REFERENCE = /ST-\d{6}-[0-9A-F]{8}/gi;

/**
 * Beyond the seed: a running task is settled by the remittance itself, in the crediting's
 * transaction (no 1–2 minute wait). Money arriving for a task's creator settles its running
 * tasks; a remittance whose reference names a task is applied to it even when it arrives in a
 * member's account (moved to the creator by a transfer journal first). Meanwhile the crediting
 * leaves the bills of every customer a running task covers to the task.
 */
@Injectable()
export class SettleByRemittanceHook implements CreditedFundsHook, OnModuleInit {
  constructor(
    private readonly hooks: CreditedFundsHooks,
    private readonly repo: SettlementTaskRepository,
    private readonly settle: SettleTaskUseCase,
    private readonly ledger: LedgerService,
    private readonly balances: LedgerRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async holds(tx: SqlTx, customerIds: string[]): Promise<Set<string>> {
    // each crediting batch asks: without a running task it costs one tiny query, not two
    // queries carrying every customer id and reference of the batch
    if (!(await this.repo.anyRunningTask(tx))) return new Set();
    return new Set((await this.repo.payingTasksCovering(tx, customerIds)).keys());
  }

  async afterCredit(tx: SqlTx, credits: CreditedFunds[]): Promise<void> {
    if (!(await this.repo.anyRunningTask(tx))) return;
    const named = new Map<string, CreditedFunds>();
    for (const c of credits)
      for (const r of c.references) for (const ref of r.match(TASK_REFERENCE) ?? []) named.set(ref.toUpperCase(), c);
    const tasks = await this.repo.runningTasksFor(
      tx,
      credits.map((c) => c.customerId),
      [...named.keys()],
    );
    for (const found of tasks) {
      // locked: a scheduler pass settling it meanwhile is waited for
      const task = await this.repo.lock(tx, found.id);
      if (!task || task.status !== 'running') continue;
      const credit = named.get(task.reference);
      if (credit && credit.customerId !== task.payerCustomerId) await this.moveToPayer(tx, task, credit);
      await this.settle.settleInTx(tx as Tx, task, SYSTEM_ACTOR);
    }
  }

  /** A member's remittance naming the task: what it credited (as far as the member still has it) goes to the creator. */
  private async moveToPayer(
    tx: SqlTx,
    task: { id: string; reference: string; payerCustomerId: string; currency: string },
    credit: CreditedFunds,
  ): Promise<void> {
    if (credit.amount.currency !== task.currency) return;
    const from = cashAccount(credit.customerId, task.currency);
    const cash = Money.fromStored((await this.balances.lockBalances(tx, [from])).get(from.code) ?? '0', task.currency);
    const amount = credit.amount.min(cash);
    if (!amount.isPositive()) return;
    await this.ledger.post(tx, {
      idempotencyKey: `settlement-task:${task.id}:remittance:${credit.key}`,
      kind: 'settlement_task_transfer',
      description: `remittance for unified settlement task ${task.reference}: to the paying account`,
      metadata: { settlementTaskId: task.id, from: credit.customerId, to: task.payerCustomerId },
      legs: transfer(from, cashAccount(task.payerCustomerId, task.currency), amount),
    });
  }
}
