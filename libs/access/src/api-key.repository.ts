import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '@remitd/persistence';
import type { RoleName } from './roles';

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(
    tx: Tx,
    data: {
      name: string;
      keyHash: string;
      keyPrefix: string;
      role: RoleName;
      customerId: string | null;
      unifiedSettlement: boolean;
    },
  ) {
    return tx.apiKey.create({ data });
  }

  findActiveByHash(keyHash: string) {
    return this.prisma.apiKey.findFirst({ where: { keyHash, revokedAt: null } });
  }

  /** every key ever made, revoked ones included */
  countAll(tx: Tx) {
    return tx.apiKey.count();
  }

  list() {
    return this.prisma.apiKey.findMany({
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        name: true,
        keyPrefix: true,
        role: true,
        customerId: true,
        unifiedSettlement: true,
        createdAt: true,
        revokedAt: true,
      },
    });
  }

  revoke(tx: Tx, id: string) {
    return tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  async advisoryLock(tx: Tx, key: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  }
}
