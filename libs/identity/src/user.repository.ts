import { Injectable } from '@nestjs/common';
import { inListOrder, keysetPage, PrismaService, type KeysetPosition, type Models, type Tx } from '@remitd/persistence';
import type { RoleName } from '@remitd/access';

export type UserRow = Models.UserModel;

@Injectable()
export class UserRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByEmail(email: string): Promise<UserRow | null> {
    return this.prisma.user.findUnique({ where: { email } });
  }

  findById(id: string): Promise<UserRow | null> {
    return this.prisma.user.findUnique({ where: { id } });
  }

  /** the row, locked until the transaction ends: concurrent failed attempts each count */
  async lockById(tx: Tx, id: string): Promise<UserRow | null> {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${id}::uuid FOR UPDATE`;
    return tx.user.findUnique({ where: { id } });
  }

  create(
    tx: Tx,
    data: {
      email: string;
      name: string;
      role: RoleName;
      customerId: string | null;
      passwordHash: string | null;
      unifiedSettlement?: boolean;
    },
  ): Promise<UserRow> {
    return tx.user.create({ data });
  }

  update(
    tx: Tx,
    id: string,
    data: Partial<Pick<UserRow, 'passwordHash' | 'totpSecret' | 'totpEnabled' | 'failedAttempts' | 'lockedUntil'>>,
  ): Promise<UserRow> {
    return tx.user.update({ where: { id }, data });
  }

  count(tx: Tx): Promise<number> {
    return tx.user.count();
  }

  async customerExists(id: string): Promise<boolean> {
    return (await this.prisma.customer.count({ where: { id } })) > 0;
  }

  async advisoryLock(tx: Tx, key: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  }

  /** Keyset pagination on (created_at, id), oldest first. */
  async list(page: { after?: KeysetPosition; limit: number }) {
    const { ids, next } = await keysetPage(
      this.prisma,
      { table: 'users', sortColumn: 'created_at', order: 'asc', where: [] },
      page,
    );
    const rows = await this.prisma.user.findMany({ where: { id: { in: ids } } });
    return { items: inListOrder(ids, rows), next };
  }
}
