import { Injectable } from '@nestjs/common';
import { PrismaService, type Models, type Tx } from '@remitd/persistence';

export type SessionRow = Models.UserSessionModel;
export type SessionWithUser = SessionRow & { user: Models.UserModel };

@Injectable()
export class SessionRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(
    tx: Tx,
    data: {
      tokenHash: string;
      userId: string;
      csrfToken: string;
      createdAt: Date;
      idleExpiresAt: Date;
      expiresAt: Date;
      userAgent: string | null;
      ip: string | null;
    },
  ): Promise<SessionRow> {
    return tx.userSession.create({ data: { ...data, lastSeenAt: data.createdAt } });
  }

  findByHash(tokenHash: string): Promise<SessionWithUser | null> {
    return this.prisma.userSession.findUnique({ where: { tokenHash }, include: { user: true } });
  }

  async touch(tokenHash: string, lastSeenAt: Date, idleExpiresAt: Date): Promise<void> {
    await this.prisma.userSession.updateMany({ where: { tokenHash }, data: { lastSeenAt, idleExpiresAt } });
  }

  async deleteExpired(tokenHash: string): Promise<void> {
    await this.prisma.userSession.deleteMany({ where: { tokenHash } });
  }

  async delete(tx: Tx, tokenHash: string): Promise<number> {
    return (await tx.userSession.deleteMany({ where: { tokenHash } })).count;
  }

  /** The user's sessions that expired (idle or absolute) and were never presented again. */
  async deleteExpiredOfUser(tx: Tx, userId: string, now: Date): Promise<number> {
    return (
      await tx.userSession.deleteMany({
        where: { userId, OR: [{ expiresAt: { lte: now } }, { idleExpiresAt: { lte: now } }] },
      })
    ).count;
  }

  /** every session of the user, but `keep` (the one asking) when given */
  async deleteAllOfUser(tx: Tx, userId: string, keep?: string): Promise<number> {
    const where = keep ? { userId, tokenHash: { not: keep } } : { userId };
    return (await tx.userSession.deleteMany({ where })).count;
  }
}
