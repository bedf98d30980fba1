import { Injectable } from '@nestjs/common';
import { notFound } from '@remitd/core';
import { AccountCodes, LedgerRepository } from '@remitd/ledger';
import { PrismaService, type KeysetPosition } from '@remitd/persistence';
import { CustomerRepository } from './customer.repository';
import { toCustomerView, type CustomerView } from './customer.view';

@Injectable()
export class CustomerQueries {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly ledger: LedgerRepository,
    private readonly prisma: PrismaService,
  ) {}

  async get(id: string): Promise<CustomerView> {
    const c = await this.customers.findById(id);
    if (!c) throw notFound('customer', id);
    return toCustomerView(c, await this.ledger.balanceOf(AccountCodes.customerCash(c.id, c.currency)));
  }

  async list(filter: { search?: string; ids?: string[] }, page: { after?: KeysetPosition; limit: number }) {
    const { items, next } = await this.customers.list(filter, page);
    const codes = items.map((c) => AccountCodes.customerCash(c.id, c.currency));
    const balances = new Map(
      (
        await this.prisma.ledgerAccount.findMany({
          where: { code: { in: codes } },
          select: { code: true, balance: true },
        })
      ).map((r) => [r.code, r.balance.toString()]),
    );
    return {
      items: items.map((c) => toCustomerView(c, balances.get(AccountCodes.customerCash(c.id, c.currency)) ?? null)),
      next,
    };
  }
}
