import { Injectable, Optional } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { lagTolerantClient, ReadReplica } from './read-replica';
import type { SqlTx } from './sql';

export interface Actor {
  /** stable id of who acted: "apikey:<id>", "system:reconciler" */
  id: string;
  role: string;
  name?: string;
  customerId?: string | null;
  /** admins holding the unified-settlement permission (seed 001) */
  unifiedSettlement?: boolean;
}

export const SYSTEM_ACTOR: Actor = { id: 'system:reconciler', role: 'system', name: 'reconciler' };

export interface AuditEvent {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  payload?: Record<string, unknown>;
}

/** Every money-changing action is written here in the same transaction as its effect. */
@Injectable()
export class AuditRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Optional() private readonly replica?: ReadReplica,
  ) {}

  /** On a Prisma transaction or a plain SqlTx (the money paths that skip the ORM). */
  async record(tx: SqlTx, e: AuditEvent): Promise<void> {
    const payload = { ...(e.payload ?? {}), actorRole: e.actor.role, actorName: e.actor.name ?? null };
    await tx.$executeRaw`
      INSERT INTO audit_log (actor, action, entity_type, entity_id, payload, created_at)
      VALUES (${e.actor.id}, ${e.action}, ${e.entityType}, ${e.entityId}, ${JSON.stringify(payload)}::jsonb, ${new Date()})`;
  }

  async list(
    filter: { entityType?: string; entityId?: string; actor?: string },
    page: { cursor?: bigint; limit: number },
  ) {
    // the log tolerates lag: the read replica when the request allows it
    const rows = await lagTolerantClient(this.replica, this.prisma).auditLog.findMany({
      where: {
        entityType: filter.entityType,
        entityId: filter.entityId,
        actor: filter.actor,
        ...(page.cursor ? { id: { lt: page.cursor } } : {}),
      },
      orderBy: { id: 'desc' },
      take: page.limit + 1,
    });
    return { items: rows.slice(0, page.limit), nextCursor: rows.length > page.limit ? rows[page.limit - 1].id : null };
  }
}
