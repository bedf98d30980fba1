import { Injectable, Logger } from '@nestjs/common';
import { listenToChannel, PrismaService, type ChannelListener, type Tx } from '@remitd/persistence';
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

  /** An active key; a member key only while its customer exists (issue 11 item 11). */
  findActiveByHash(keyHash: string) {
    return this.prisma.apiKey.findFirst({
      where: { keyHash, revokedAt: null, OR: [{ role: { not: 'member' } }, { customer: { isNot: null } }] },
    });
  }

  async customerExists(id: string): Promise<boolean> {
    return (await this.prisma.customer.count({ where: { id } })) > 0;
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

  /**
   * Key changes anywhere, as they commit: a trigger NOTIFYs the id of every key updated
   * (revoked) or deleted (with its customer). `onUp` when listening starts, `onDown` when the
   * connection is lost (changes may then be missed: the caller must stop trusting what it
   * cached). Reconnects until `stop()`.
   */
  watchKeyChanges(handlers: { onChange(keyId: string): void; onUp(): void; onDown(): void }): ChannelListener {
    return listenToChannel(
      this.prisma.url,
      KEY_CHANGES_CHANNEL,
      { onPayload: handlers.onChange, onUp: handlers.onUp, onDown: handlers.onDown },
      ApiKeyRepository.logger,
    );
  }

  private static readonly logger = new Logger('ApiKeyRepository');
}

/** the channel the api_keys trigger notifies (migration *_item11_member_keys_need_a_customer) */
const KEY_CHANGES_CHANNEL = 'remitd_api_key_revoked';
