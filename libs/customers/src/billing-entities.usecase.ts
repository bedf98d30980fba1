import { Injectable } from '@nestjs/common';
import { validationError } from '@remitd/core';
import { currency } from '@remitd/money';
import { AuditRepository, isUniqueViolation, TransactionRunner, type Actor, type Tx } from '@remitd/persistence';
import { AllocateVirtualAccountUseCase } from './allocate-virtual-account.usecase';
import { CustomerRepository } from './customer.repository';
import {
  BillingEntityRepository,
  type BillingEntityRecord,
  type BillingEntityWrite,
  type HolidayRecord,
} from './billing-entity.repository';
import {
  billingEntityExists,
  billingEntityNotFound,
  collectionAccountNotFound,
  collectionAccountOfAnotherEntity,
} from './customers.errors';

export interface BillingEntityCommand {
  actor: Actor;
  name?: string;
  country?: string;
  timeZone?: string;
  currencies?: string[];
  offersExclusiveAccounts?: boolean;
  /** the collection accounts the entity owns (replaces the set on update) */
  collectionAccountIds?: string[];
}

export interface BillingEntityView {
  id: string;
  name: string;
  country: string;
  timeZone: string;
  currencies: string[];
  offersExclusiveAccounts: boolean;
  collectionAccountIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface HolidayCalendarView {
  billingEntityId: string;
  year: number;
  holidays: HolidayRecord[];
}

export const toBillingEntityView = (e: BillingEntityRecord): BillingEntityView => ({
  ...e,
  currencies: [...e.currencies],
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function validated(cmd: BillingEntityCommand): Partial<BillingEntityWrite> {
  const out: Partial<BillingEntityWrite> = {};
  if (cmd.name !== undefined) {
    if (!cmd.name.trim()) throw validationError('NAME_REQUIRED', 'name: must not be empty', 'name');
    out.name = cmd.name.trim();
  }
  if (cmd.country !== undefined) {
    const country = cmd.country.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(country))
      throw validationError(
        'INVALID_COUNTRY',
        `country: "${cmd.country}" is not an ISO 3166 country code like SG`,
        'country',
      );
    out.country = country;
  }
  if (cmd.timeZone !== undefined) {
    if (!isTimeZone(cmd.timeZone))
      throw validationError(
        'INVALID_TIME_ZONE',
        `timeZone: "${cmd.timeZone}" is not an IANA time zone like Asia/Singapore`,
        'timeZone',
      );
    out.timeZone = cmd.timeZone;
  }
  if (cmd.currencies !== undefined) {
    if (!cmd.currencies.length) throw validationError('CURRENCIES_REQUIRED', 'currencies: at least one', 'currencies');
    out.currencies = [...new Set(cmd.currencies.map((c, i) => currency(c, `currencies[${i}]`)))];
  }
  if (cmd.offersExclusiveAccounts !== undefined) out.offersExclusiveAccounts = cmd.offersExclusiveAccounts;
  return out;
}

function assertYear(year: number): number {
  if (!Number.isInteger(year) || year < 1970 || year > 9999)
    throw validationError('INVALID_YEAR', `year: "${year}" is not a year like 2026`, 'year');
  return year;
}

/**
 * The provider's billing entities (seed 002): each owns collection accounts, a time zone, a
 * holiday calendar (business-day payment terms skip it) and whether its credit customers get
 * exclusive bank accounts. Every change is audited in its transaction.
 */
@Injectable()
export class BillingEntitiesUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: BillingEntityRepository,
    private readonly audit: AuditRepository,
    private readonly customers: CustomerRepository,
    private readonly allocate: AllocateVirtualAccountUseCase,
  ) {}

  async create(cmd: BillingEntityCommand): Promise<BillingEntityView> {
    for (const field of ['name', 'country', 'timeZone', 'currencies'] as const)
      if (cmd[field] === undefined) throw validationError('FIELD_REQUIRED', `${field}: required`, field);
    const data = validated(cmd) as BillingEntityWrite;
    data.offersExclusiveAccounts ??= true;
    return this.unique(data.name, () =>
      this.tx.run(async (tx) => {
        const created = await this.repo.create(tx, data);
        await this.linkCollectionAccounts(tx, created.id, cmd.collectionAccountIds ?? []);
        await this.audit.record(tx, {
          actor: cmd.actor,
          action: 'billing_entity.create',
          entityType: 'billing_entity',
          entityId: created.id,
          payload: { ...data, collectionAccountIds: cmd.collectionAccountIds ?? [] },
        });
        return toBillingEntityView((await this.repo.findById(created.id, tx))!);
      }),
    );
  }

  async update(id: string, cmd: BillingEntityCommand): Promise<BillingEntityView> {
    const changes = validated(cmd);
    return this.unique(changes.name ?? '', () =>
      this.tx.run(async (tx) => {
        const before = await this.repo.lockById(tx, id);
        if (!before) throw billingEntityNotFound(id);
        if (Object.keys(changes).length) await this.repo.update(tx, id, changes);
        if (cmd.collectionAccountIds) await this.linkCollectionAccounts(tx, id, cmd.collectionAccountIds);
        const after = (await this.repo.findById(id, tx))!;
        // exclusive accounts turned on: every credit-control customer of the entity gets its own now
        const allocated: string[] = [];
        if (!before.offersExclusiveAccounts && after.offersExclusiveAccounts) {
          const ids = await this.customers.creditControlWithoutExclusiveAccount(tx, id);
          for (const customer of await this.customers.byIds(tx, ids, { lock: true }))
            if (await this.allocate.allocateAutomatically(tx, customer, cmd.actor)) allocated.push(customer.id);
        }
        await this.audit.record(tx, {
          actor: cmd.actor,
          action: 'billing_entity.update',
          entityType: 'billing_entity',
          entityId: id,
          payload: {
            changes: {
              ...changes,
              ...(cmd.collectionAccountIds ? { collectionAccountIds: cmd.collectionAccountIds } : {}),
            },
            before: { ...toBillingEntityView(before), createdAt: undefined, updatedAt: undefined },
            ...(allocated.length ? { exclusiveAccountsAllocatedTo: allocated } : {}),
          },
        });
        return toBillingEntityView(after);
      }),
    );
  }

  async get(id: string): Promise<BillingEntityView> {
    const entity = await this.repo.findById(id);
    if (!entity) throw billingEntityNotFound(id);
    return toBillingEntityView(entity);
  }

  async holidays(id: string, year: number): Promise<HolidayCalendarView> {
    assertYear(year);
    if (!(await this.repo.findById(id))) throw billingEntityNotFound(id);
    return { billingEntityId: id, year, holidays: await this.repo.holidays(undefined, id, year) };
  }

  /** Finance replaces the entity's holiday calendar of one year (dates in that year, each once). */
  async replaceHolidays(
    actor: Actor,
    id: string,
    year: number,
    holidays: HolidayRecord[],
  ): Promise<HolidayCalendarView> {
    assertYear(year);
    const seen = new Set<string>();
    const list = holidays.map((h, i) => {
      const date = h.date;
      const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null;
      if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date)
        throw validationError(
          'INVALID_DATE',
          `holidays[${i}].date: "${date}" is not a date like ${year}-01-01`,
          `holidays[${i}].date`,
        );
      if (parsed.getUTCFullYear() !== year)
        throw validationError(
          'HOLIDAY_OUTSIDE_YEAR',
          `holidays[${i}].date: ${date} is not in ${year}`,
          `holidays[${i}].date`,
        );
      if (seen.has(date))
        throw validationError(
          'DUPLICATE_HOLIDAY',
          `holidays[${i}].date: ${date} is listed twice`,
          `holidays[${i}].date`,
        );
      seen.add(date);
      if (!h.name?.trim())
        throw validationError('NAME_REQUIRED', `holidays[${i}].name: must not be empty`, `holidays[${i}].name`);
      return { date, name: h.name.trim() };
    });
    list.sort((a, b) => a.date.localeCompare(b.date));
    return this.tx.run(async (tx) => {
      const entity = await this.repo.lockById(tx, id);
      if (!entity) throw billingEntityNotFound(id);
      const before = await this.repo.holidays(tx, id, year);
      await this.repo.replaceHolidays(tx, id, year, list);
      await this.audit.record(tx, {
        actor,
        action: 'billing_entity.holidays',
        entityType: 'billing_entity',
        entityId: id,
        payload: { year, holidays: list, before },
      });
      return { billingEntityId: id, year, holidays: list };
    });
  }

  private async linkCollectionAccounts(tx: Tx, entityId: string, ids: string[]): Promise<void> {
    const wanted = [...new Set(ids)];
    const accounts = await this.repo.lockCollectionAccounts(tx, wanted);
    for (const id of wanted) {
      const account = accounts.find((a) => a.id === id);
      if (!account) throw collectionAccountNotFound(id);
      if (account.billingEntityId && account.billingEntityId !== entityId)
        throw collectionAccountOfAnotherEntity(account, account.billingEntityId);
    }
    await this.repo.setCollectionAccounts(tx, entityId, wanted);
  }

  private async unique<T>(name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (isUniqueViolation(e, 'name')) throw billingEntityExists(name);
      throw e;
    }
  }
}
