import { Inject, Injectable } from '@nestjs/common';
import type { IdentityConfig } from '@remitd/config';
import { IDENTITY_CONFIG } from './identity.config';
import { SecretBox } from './secret-box';
import { inListOrder, keysetPage, PrismaService, type KeysetPosition, type Models, type Tx } from '@remitd/persistence';
import type { RoleName } from '@remitd/access';

export type UserRow = Models.UserModel;

@Injectable()
export class UserRepository {
  private readonly box: SecretBox;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(IDENTITY_CONFIG) config: IdentityConfig,
  ) {
    this.box = new SecretBox(config.secretsKey ? Buffer.from(config.secretsKey, 'base64') : null);
  }

  /** the row with its TOTP seed readable (sealed at rest) */
  private opened(row: UserRow | null): UserRow | null {
    return row?.totpSecret ? { ...row, totpSecret: this.box.open(row.totpSecret, row.id) } : row;
  }

  async findByEmail(email: string): Promise<UserRow | null> {
    return this.opened(await this.prisma.user.findUnique({ where: { email } }));
  }

  async findById(id: string): Promise<UserRow | null> {
    return this.opened(await this.prisma.user.findUnique({ where: { id } }));
  }

  /** Takes the TOTP time step for the user: false when a code of this step or a later one was already used. */
  async claimTotpStep(tx: Tx, id: string, step: number): Promise<boolean> {
    const n = await tx.$executeRaw`
      UPDATE users SET totp_last_step = ${step}
      WHERE id = ${id}::uuid AND (totp_last_step IS NULL OR totp_last_step < ${step})`;
    return n === 1;
  }

  /** the row, locked until the transaction ends: concurrent failed attempts each count */
  async lockById(tx: Tx, id: string): Promise<UserRow | null> {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${id}::uuid FOR UPDATE`;
    return this.opened(await tx.user.findUnique({ where: { id } }));
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

  async update(
    tx: Tx,
    id: string,
    data: Partial<Pick<UserRow, 'passwordHash' | 'totpSecret' | 'totpEnabled' | 'failedAttempts' | 'lockedUntil'>>,
  ): Promise<UserRow> {
    const sealed = data.totpSecret ? { ...data, totpSecret: this.box.seal(data.totpSecret, id) } : data;
    return (await this.opened(await tx.user.update({ where: { id }, data: sealed })))!;
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
