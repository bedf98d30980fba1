import { Inject, Injectable, Logger } from '@nestjs/common';
import { idempotencyStorage, TransactionRunner, type SqlTx } from '@remitd/persistence';
import {
  EVERYONE,
  localDate,
  OVERDUE_ROLES,
  ResourceLifecycleService,
  WARNING_ROLES,
} from './resource-lifecycle.service';
import { HourlyArrearsService } from './hourly-arrears.service';
import { ResourcesRepository, type ResourceRow, type TimerRow } from './resources.repository';

export const ARREARS_TIME_ZONE = Symbol('ARREARS_TIME_ZONE');
const WARNING_BATCH = 5000;

export interface LifecycleRunResult {
  fired: number;
  /** per outcome: warned, renewed, isolated, released, stale… */
  outcomes: Record<string, number>;
}

/**
 * Fires the durable timers due by `now` (seed 003, monthly subscriptions). Each timer is claimed
 * FOR UPDATE SKIP LOCKED and done in the transaction of its effect (renewal, isolation, release,
 * webhooks and messages in the outboxes), so replicas share the work, a killed run loses
 * nothing, and no timer fires twice. A timer computed from an expiry that has since moved
 * (renewed) is done as `stale`: it does nothing.
 */
@Injectable()
export class RunLifecycleUseCase {
  private readonly logger = new Logger('arrears');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ResourcesRepository,
    private readonly lifecycle: ResourceLifecycleService,
    private readonly hourly: HourlyArrearsService,
    @Inject(ARREARS_TIME_ZONE) private readonly defaultTimeZone: string,
  ) {}

  async run(now: Date, max = 100_000): Promise<LifecycleRunResult> {
    const result: LifecycleRunResult = { fired: 0, outcomes: {} };
    // the warnings first, set-based, in batches; then the other timers one transaction each
    for (;;) {
      const batch = await idempotencyStorage.exit(() =>
        this.tx.run(
          (tx) =>
            this.repo.fireWarnings(
              tx,
              now,
              WARNING_BATCH,
              { expiring: WARNING_ROLES, overdue: OVERDUE_ROLES },
              this.defaultTimeZone,
            ),
          { timeoutMs: 120_000 },
        ),
      );
      const n = batch.warned + batch.stale;
      result.fired += n;
      if (batch.warned) result.outcomes.warned = (result.outcomes.warned ?? 0) + batch.warned;
      if (batch.stale) result.outcomes.stale = (result.outcomes.stale ?? 0) + batch.stale;
      if (n < WARNING_BATCH) break;
    }
    while (result.fired < max) {
      const outcome = await idempotencyStorage.exit(() =>
        this.tx.run(async (tx) => {
          const timer = await this.repo.claimDue(tx, now);
          if (!timer) return null;
          const done = await this.fire(tx, timer);
          await this.repo.finish(tx, timer.id, done);
          return done;
        }),
      );
      if (outcome === null) break;
      result.fired++;
      result.outcomes[outcome] = (result.outcomes[outcome] ?? 0) + 1;
    }
    if (result.fired) this.logger.log(`lifecycle at ${now.toISOString()}: ${JSON.stringify(result.outcomes)}`);
    return result;
  }

  private async fire(tx: SqlTx, timer: TimerRow): Promise<string> {
    if (timer.kind === 'hourly_stop' || timer.kind === 'hourly_terminate') {
      // pay-per-hour timers are the customer's (subject: the customer id)
      const customerId = timer.subjectId;
      const timeZone = await this.repo.timeZoneOf(tx, customerId, this.defaultTimeZone);
      return this.hourly.fire(tx, timer, timeZone, async (currency) =>
        (await this.lifecycle.lockedBalance(tx, { customerId, currency })).isPositive(),
      );
    }
    const resource = await this.repo.byId(tx, timer.subjectId, { lock: true });
    if (!resource) return 'gone';
    if (timer.basis && resource.expiresAt?.getTime() !== timer.basis.getTime()) return 'stale';
    const timeZone = await this.repo.timeZoneOf(tx, resource.customerId, this.defaultTimeZone);
    switch (timer.kind) {
      case 'expiry_warning':
        return this.warn(tx, resource, timer, timeZone);
      case 'expire':
        return this.expire(tx, resource, timer, timeZone);
      case 'overdue_warning':
        return this.overdue(tx, resource, timer, timeZone);
      case 'release':
        return this.release(tx, resource, timer, timeZone);
      default:
        return 'unknown';
    }
  }

  /** Seed 003: "Expiration alerts will be sent on the 7th, 5th, 3rd, and 1st day before expiration as well as on the expiration date." */
  private async warn(tx: SqlTx, r: ResourceRow, timer: TimerRow, timeZone: string): Promise<string> {
    if (r.status !== 'active') return 'stale';
    const days = Number(timer.detail.daysBefore ?? 0);
    await this.lifecycle.tellContacts(
      tx,
      r,
      WARNING_ROLES,
      `resource:${r.id}:expiring:${timer.dueAt.toISOString()}`,
      'expiring',
      {
        expiresOn: localDate(r.expiresAt!, timeZone),
        days,
        amount: r.renewalPrice ?? undefined,
      },
    );
    return 'warned';
  }

  /**
   * Seed 003: "If your account balance is sufficient and auto-renewal is enabled, the resources
   * will be automatically renewed on the expiration date. If the account is in arrears and unable
   * to renew automatically or manually, it will enter the isolation period on the expiration date."
   */
  private async expire(tx: SqlTx, r: ResourceRow, timer: TimerRow, timeZone: string): Promise<string> {
    if (r.status !== 'active') return 'stale';
    const expiry = r.expiresAt!;
    if (r.autoRenew) {
      const renewed = await this.lifecycle.renewFromBalance(tx, r, timeZone, timer.dueAt);
      if (renewed) {
        await this.lifecycle.tellPlatform(tx, r, 'resource.renewed', expiry, timer.dueAt, {
          periodStart: expiry.toISOString(),
          expiresAt: renewed.expiresAt.toISOString(),
          price: renewed.price.toString(),
          currency: r.currency,
        });
        return 'renewed';
      }
    }
    await this.repo.setStatus(tx, r.id, 'isolated');
    await this.lifecycle.tellPlatform(tx, r, 'resource.isolated', expiry, timer.dueAt, {
      expiredAt: expiry.toISOString(),
    });
    await this.repo.scheduleIsolation(tx, r.id, expiry, timeZone);
    // seed 003: overdue payment alerts "on and after the expiration date"; this is the one on it
    await this.lifecycle.tellContacts(
      tx,
      r,
      OVERDUE_ROLES,
      `resource:${r.id}:overdue:${expiry.toISOString()}:0`,
      'overdue',
      {
        expiresOn: localDate(expiry, timeZone),
        days: 0,
        amount: r.renewalPrice ?? undefined,
      },
    );
    return 'isolated';
  }

  private async overdue(tx: SqlTx, r: ResourceRow, timer: TimerRow, timeZone: string): Promise<string> {
    if (r.status !== 'isolated') return 'stale';
    const days = Number(timer.detail.daysAfter ?? 0);
    await this.lifecycle.tellContacts(
      tx,
      r,
      OVERDUE_ROLES,
      `resource:${r.id}:overdue:${r.expiresAt!.toISOString()}:${days}`,
      'overdue',
      { expiresOn: localDate(r.expiresAt!, timeZone), days, amount: r.renewalPrice ?? undefined },
    );
    return 'overdue_warned';
  }

  /** Seed 003: "If the instance is not renewed within 7 days (including the 7th day) after expiration, the system will release resources". */
  private async release(tx: SqlTx, r: ResourceRow, timer: TimerRow, timeZone: string): Promise<string> {
    if (r.status !== 'isolated') return 'stale';
    await this.repo.setStatus(tx, r.id, 'released');
    await this.lifecycle.tellPlatform(tx, r, 'resource.released', r.expiresAt!, timer.dueAt, {
      expiredAt: r.expiresAt!.toISOString(),
      eraseData: true,
    });
    await this.lifecycle.tellContacts(
      tx,
      r,
      EVERYONE,
      `resource:${r.id}:released:${r.expiresAt!.toISOString()}`,
      'released',
      {
        expiresOn: localDate(r.expiresAt!, timeZone),
      },
    );
    return 'released';
  }
}
