import { Injectable } from '@nestjs/common';
import type { SqlTx } from '@remitd/persistence';
import { HourlyRepository, type HourlyArrearsRow } from './hourly.repository';
import { EVERYONE, ResourceLifecycleService, WARNING_ROLES } from './resource-lifecycle.service';
import { ResourcesRepository, type TimerRow } from './resources.repository';

/** Seed 003: "the instance can continue to be used and billing continues for 24 hours" after the balance turns negative. */
export const STOP_AFTER_MS = 24 * 3600_000;
/** Seed 003: terminated when not topped up above 0 within 7 days of the stop. */
export const TERMINATE_AFTER_DAYS = 7;

/**
 * The pay-per-hour side of the lifecycle (seed 003, "Pay-Per-Hour Postpaid Instance Overdue
 * Payment"): negative balance → reminder → stop after exactly 24 h → restore on a top-up above 0
 * within 7 days of the stop → otherwise terminate. Every step runs in the caller's transaction
 * with its webhooks and messages.
 */
@Injectable()
export class HourlyArrearsService {
  constructor(
    private readonly hourly: HourlyRepository,
    private readonly resources: ResourcesRepository,
    private readonly lifecycle: ResourceLifecycleService,
  ) {}

  /** Seed 003: "When your account balance becomes negative, we will notify the […] creator, […] global resource collaborator and financial collaborator via email and SMS." */
  async becameNegative(tx: SqlTx, customerId: string, currency: string, at: Date): Promise<boolean> {
    const opened = await this.hourly.open(tx, customerId, currency, at);
    if (!opened) return false;
    await this.resources.scheduleAt(tx, {
      subjectId: customerId,
      kind: 'hourly_stop',
      dueAt: new Date(at.getTime() + STOP_AFTER_MS),
      basis: at,
      detail: { currency },
    });
    await this.lifecycle.tellContacts(
      tx,
      this.subject(customerId, currency),
      WARNING_ROLES,
      `hourly:${customerId}:${currency}:arrears:${at.toISOString()}`,
      'arrears',
    );
    return true;
  }

  /** Balance above 0 again: a stopped customer's resources are restored; either way the arrears end. */
  async recovered(tx: SqlTx, row: HourlyArrearsRow, at: Date): Promise<'restored' | 'recovered'> {
    await this.hourly.close(tx, row.customerId, row.currency);
    if (!row.stoppedAt) return 'recovered';
    const restored = await this.hourly.setStatus(tx, row.customerId, row.currency, ['stopped'], 'active');
    for (const r of restored) await this.lifecycle.tellPlatform(tx, r, 'resource.restored', row.stoppedAt, at);
    await this.lifecycle.tellContacts(
      tx,
      this.subject(row.customerId, row.currency),
      WARNING_ROLES,
      `hourly:${row.customerId}:${row.currency}:restored:${row.stoppedAt.toISOString()}`,
      'restored',
    );
    return 'restored';
  }

  async fire(tx: SqlTx, timer: TimerRow, timeZone: string, balanceAbove0: (currency: string) => Promise<boolean>) {
    const currency = String(timer.detail.currency);
    const row = await this.hourly.lock(tx, timer.subjectId, currency);
    if (timer.kind === 'hourly_stop') {
      if (!row || row.stoppedAt || row.negativeSince.getTime() !== timer.basis?.getTime()) return 'stale';
      // the top-up that raced the stop and won: nothing stops
      if (await balanceAbove0(currency)) return this.recovered(tx, row, timer.dueAt);
      return this.stop(tx, row, timer.dueAt, timeZone);
    }
    if (!row || row.stoppedAt?.getTime() !== timer.basis?.getTime()) return 'stale';
    if (await balanceAbove0(currency)) return this.recovered(tx, row, timer.dueAt);
    return this.terminate(tx, row, timer.dueAt);
  }

  /** Seed 003: "After 24 hours, the instance will stop serving […] and resource usage fees will continue to generate." */
  private async stop(tx: SqlTx, row: HourlyArrearsRow, at: Date, timeZone: string): Promise<string> {
    const stopped = await this.hourly.setStatus(tx, row.customerId, row.currency, ['active'], 'stopped');
    await this.hourly.markStopped(tx, row.customerId, row.currency, at);
    for (const r of stopped) await this.lifecycle.tellPlatform(tx, r, 'resource.stopped', at, at);
    await this.resources.scheduleAfterDays(tx, {
      subjectId: row.customerId,
      kind: 'hourly_terminate',
      from: at,
      days: TERMINATE_AFTER_DAYS,
      timeZone,
      detail: { currency: row.currency },
    });
    await this.lifecycle.tellContacts(
      tx,
      this.subject(row.customerId, row.currency),
      WARNING_ROLES,
      `hourly:${row.customerId}:${row.currency}:stopped:${at.toISOString()}`,
      'stopped',
    );
    return 'stopped';
  }

  /** Seed 003: "the instance resource will be terminated […] we will notify the root account […] as well as subscribed sub-accounts and Collaborators via email and SMS." */
  private async terminate(tx: SqlTx, row: HourlyArrearsRow, at: Date): Promise<string> {
    const terminated = await this.hourly.setStatus(tx, row.customerId, row.currency, ['stopped'], 'terminated');
    for (const r of terminated)
      await this.lifecycle.tellPlatform(tx, r, 'resource.terminated', row.stoppedAt!, at, { eraseData: true });
    await this.hourly.close(tx, row.customerId, row.currency);
    await this.lifecycle.tellContacts(
      tx,
      this.subject(row.customerId, row.currency),
      EVERYONE,
      `hourly:${row.customerId}:${row.currency}:terminated:${row.stoppedAt!.toISOString()}`,
      'terminated',
    );
    return 'terminated';
  }

  /** The messages name the customer's pay-per-hour resources as a whole. */
  private subject(customerId: string, currency: string) {
    return {
      id: customerId,
      customerId,
      name: 'Your pay-per-hour service',
      externalId: `all in ${currency}`,
      currency,
    };
  }
}
