import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '@remitd/persistence';

@Injectable()
export class VirtualAccountRepository {
  constructor(private readonly prisma: PrismaService) {}

  createCollectionAccount(
    tx: Tx,
    data: {
      name: string;
      iban: string | null;
      accountNumber: string;
      bic: string | null;
      routingNumber: string | null;
      accountHolderName: string | null;
      bankName: string | null;
      currencies: string[];
    },
  ) {
    return tx.collectionAccount.create({ data });
  }

  listCollectionAccounts() {
    return this.prisma.collectionAccount.findMany({ orderBy: { createdAt: 'asc' } });
  }

  findCollectionAccount(id: string, tx?: Tx) {
    return (tx ?? this.prisma).collectionAccount.findUnique({ where: { id } });
  }

  /** Collection accounts holding `currency` (of one billing entity when named), oldest first. */
  collectionAccountsHolding(currency: string, billingEntityId?: string, tx?: Tx) {
    return (tx ?? this.prisma).collectionAccount.findMany({
      where: { currencies: { has: currency }, ...(billingEntityId ? { billingEntityId } : {}) },
      orderBy: { createdAt: 'asc' },
    });
  }

  findCollectionByNumber(accountOrIban: string) {
    return this.prisma.collectionAccount.findFirst({
      where: { OR: [{ iban: accountOrIban }, { accountNumber: accountOrIban }] },
    });
  }

  /** Takes the next serial under a row lock: serials, hence numbers, are never handed out twice. */
  async takeSerial(tx: Tx, collectionAccountId: string): Promise<bigint> {
    const rows = await tx.$queryRaw<{ serial: bigint }[]>`
      UPDATE collection_accounts SET next_serial = next_serial + 1 WHERE id = ${collectionAccountId}::uuid RETURNING next_serial - 1 AS serial`;
    return rows[0].serial;
  }

  findActive(tx: Tx | undefined, customerId: string, currency: string) {
    return (tx ?? this.prisma).virtualAccount.findFirst({
      where: { customerId, currency, status: 'active' },
      include: { collectionAccount: true },
    });
  }

  /** One of the customer's virtual accounts (any status), locked for the transaction. */
  async lockForCustomer(tx: Tx, customerId: string, id: string) {
    await tx.$queryRaw`SELECT id FROM virtual_accounts WHERE id = ${id}::uuid AND customer_id = ${customerId}::uuid FOR UPDATE`;
    return tx.virtualAccount.findFirst({ where: { id, customerId }, include: { collectionAccount: true } });
  }

  /** Closes a virtual account: it stops being the customer's active account; its number and serial stay taken. */
  close(tx: Tx, id: string, at: Date) {
    return tx.virtualAccount.update({
      where: { id },
      data: { status: 'closed', closedAt: at },
      include: { collectionAccount: true },
    });
  }

  listForCustomer(customerId: string) {
    return this.prisma.virtualAccount.findMany({
      where: { customerId },
      include: { collectionAccount: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  create(
    tx: Tx,
    data: { customerId: string; collectionAccountId: string; currency: string; number: string; serial: bigint },
  ) {
    return tx.virtualAccount.create({ data, include: { collectionAccount: true } });
  }

  findByNumber(number: string) {
    return this.prisma.virtualAccount.findUnique({ where: { number }, include: { customer: true } });
  }
}
