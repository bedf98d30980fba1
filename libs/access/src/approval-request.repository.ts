import { Injectable } from '@nestjs/common';
import { PrismaService, type Actor, type Models, type Prisma, type Tx } from '@remitd/persistence';

export type ApprovalRequestRow = Models.ApprovalRequestModel;
export type ApprovalState = 'pending' | 'approved' | 'rejected';

@Injectable()
export class ApprovalRequestRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(
    tx: Tx,
    data: { kind: string; customerId: string | null; payload: unknown; summary: string; maker: Actor },
  ): Promise<ApprovalRequestRow> {
    return tx.approvalRequest.create({
      data: {
        kind: data.kind,
        customerId: data.customerId,
        payload: data.payload as Prisma.InputJsonValue,
        summary: data.summary,
        makerId: data.maker.id,
        makerRole: data.maker.role,
        makerName: data.maker.name ?? null,
      },
    });
  }

  async lockById(tx: Tx, id: string): Promise<ApprovalRequestRow | null> {
    await tx.$queryRaw`SELECT id FROM approval_requests WHERE id = ${id}::uuid FOR UPDATE`;
    return tx.approvalRequest.findUnique({ where: { id } });
  }

  decide(
    tx: Tx,
    id: string,
    data: { state: Exclude<ApprovalState, 'pending'>; checker: Actor; reason: string | null; result: unknown },
  ): Promise<ApprovalRequestRow> {
    return tx.approvalRequest.update({
      where: { id },
      data: {
        state: data.state,
        checkerId: data.checker.id,
        checkerRole: data.checker.role,
        checkerName: data.checker.name ?? null,
        reason: data.reason,
        result: (data.result ?? undefined) as Prisma.InputJsonValue | undefined,
        decidedAt: new Date(),
      },
    });
  }

  byId(id: string): Promise<ApprovalRequestRow | null> {
    return this.prisma.approvalRequest.findUnique({ where: { id } });
  }

  /** Oldest first; exact keyset on (created_at at full precision, id). */
  async list(
    filter: { state?: ApprovalState; customerId?: string; makerId?: string },
    page: { after?: { createdAt: string; id: string }; limit: number },
  ): Promise<{ rows: ApprovalRequestRow[]; last: { createdAt: string; id: string } | null }> {
    const rows = await this.prisma.$queryRaw<(ApprovalRequestRow & { createdAtKey: string })[]>`
      SELECT id::text, kind, customer_id::text AS "customerId", payload, summary,
             maker_id AS "makerId", maker_role AS "makerRole", maker_name AS "makerName", state,
             checker_id AS "checkerId", checker_role AS "checkerRole", checker_name AS "checkerName",
             reason, result, decided_at AS "decidedAt", created_at AS "createdAt", created_at::text AS "createdAtKey"
      FROM approval_requests
      WHERE (${filter.state ?? null}::text IS NULL OR state = ${filter.state ?? null}::text)
        AND (${filter.customerId ?? null}::uuid IS NULL OR customer_id = ${filter.customerId ?? null}::uuid)
        AND (${filter.makerId ?? null}::text IS NULL OR maker_id = ${filter.makerId ?? null}::text)
        AND (${page.after?.createdAt ?? null}::timestamptz IS NULL
             OR (created_at, id) > (${page.after?.createdAt ?? null}::timestamptz, ${page.after?.id ?? null}::uuid))
      ORDER BY created_at, id
      LIMIT ${page.limit + 1}`;
    const more = rows.length > page.limit;
    const items = rows.slice(0, page.limit);
    const last = more ? items[items.length - 1] : null;
    return {
      rows: items.map(({ createdAtKey: _k, ...r }) => r),
      last: last ? { createdAt: last.createdAtKey, id: last.id } : null,
    };
  }
}
