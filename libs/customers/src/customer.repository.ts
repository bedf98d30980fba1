import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '@remitd/persistence';

export interface CustomerRow {
  id: string;
  reference: string;
  name: string;
  email: string;
  currency: string;
  creditControl: boolean;
  creditLimit: { toString(): string };
  frozenAmount: { toString(): string };
  autoWriteOff: boolean;
  partialLastBill: boolean;
  writeOffPastBills: boolean;
  createdAt: Date;
}

@Injectable()
export class CustomerRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(
    tx: Tx,
    data: Omit<CustomerRow, 'id' | 'createdAt' | 'creditLimit' | 'frozenAmount'> & {
      creditLimit: string;
      frozenAmount: string;
    },
  ) {
    return tx.customer.create({ data });
  }

  findById(id: string, tx?: Tx): Promise<CustomerRow | null> {
    return (tx ?? this.prisma).customer.findUnique({ where: { id } });
  }

  async lockById(tx: Tx, id: string): Promise<CustomerRow | null> {
    await tx.$queryRaw`SELECT id FROM customers WHERE id = ${id}::uuid FOR UPDATE`;
    return tx.customer.findUnique({ where: { id } });
  }

  update(
    tx: Tx,
    id: string,
    data: Partial<
      Pick<CustomerRow, 'name' | 'email' | 'creditControl' | 'autoWriteOff' | 'partialLastBill' | 'writeOffPastBills'>
    > & { creditLimit?: string; frozenAmount?: string },
  ) {
    return tx.customer.update({ where: { id }, data });
  }

  /** Keyset pagination on (created_at, id): stable under concurrent inserts. */
  async list(
    filter: { search?: string; ids?: string[] },
    page: { after?: { createdAt: Date; id: string }; limit: number },
  ) {
    const rows = await this.prisma.customer.findMany({
      where: {
        ...(filter.ids ? { id: { in: filter.ids } } : {}),
        ...(filter.search
          ? {
              OR: [
                { name: { contains: filter.search, mode: 'insensitive' } },
                { reference: filter.search.toUpperCase() },
                { email: filter.search },
              ],
            }
          : {}),
        ...(page.after
          ? {
              OR: [
                { createdAt: { gt: page.after.createdAt } },
                { createdAt: page.after.createdAt, id: { gt: page.after.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: page.limit + 1,
    });
    return { items: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
  }
}
