import { Injectable } from '@nestjs/common';
import { notFound } from '@remitd/core';
import type { KeysetPosition } from '@remitd/persistence';
import { CustomerRepository } from './customer.repository';
import { toCustomerView, type CustomerView } from './customer.view';

@Injectable()
export class CustomerQueries {
  constructor(private readonly customers: CustomerRepository) {}

  async get(id: string): Promise<CustomerView> {
    const found = await this.customers.withBalances(id);
    if (!found) throw notFound('customer', id);
    return toCustomerView(found.customer, found.accounts);
  }

  async list(filter: { search?: string; ids?: string[] }, page: { after?: KeysetPosition; limit: number }) {
    const { items, next } = await this.customers.list(filter, page);
    const accounts = await this.customers.balances(items.map((c) => c.id));
    return {
      items: items.map((c) =>
        toCustomerView(
          c,
          accounts.filter((a) => a.customerId === c.id),
        ),
      ),
      next,
    };
  }
}
