import { Inject, Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import type { Money } from '@remitd/money';
import { AuditRepository, TransactionRunner, type Actor, type Tx } from '@remitd/persistence';
import {
  approvalAlreadyDecided,
  approvalRequestNotFound,
  makerCannotCheck,
  noApprovalExecutor,
  notAChecker,
} from './access.errors';
import { ApprovalRequestRepository, type ApprovalRequestRow, type ApprovalState } from './approval-request.repository';
import { CHECKERS, isRole } from './roles';

/** What a maker may not do alone (issue 11 items 2 and 10). */
export type ApprovalKind = 'offline_payment' | 'coupon' | 'credit_limit';

/** Per role, per currency ("*" for any other currency): the largest amount that needs no second approver. */
export type ApprovalCaps = Record<string, Record<string, string>>;
export const APPROVAL_CAPS = Symbol('APPROVAL_CAPS');

/** Runs an approved request's command in the checker's transaction; returns what the maker would have got. */
export interface ApprovalExecutor {
  executeApproved(tx: Tx, request: ApprovalRequestView): Promise<unknown>;
}

export interface ApprovalRequestView {
  id: string;
  kind: string;
  customerId: string | null;
  payload: Record<string, unknown>;
  summary: string;
  state: ApprovalState;
  maker: { id: string; role: string; name: string | null };
  checker: { id: string; role: string; name: string | null } | null;
  reason: string | null;
  result: unknown;
  createdAt: string;
  decidedAt: string | null;
}

export const toApprovalView = (r: ApprovalRequestRow): ApprovalRequestView => ({
  id: r.id,
  kind: r.kind,
  customerId: r.customerId,
  payload: r.payload as Record<string, unknown>,
  summary: r.summary,
  state: r.state as ApprovalState,
  maker: { id: r.makerId, role: r.makerRole, name: r.makerName },
  checker: r.checkerId ? { id: r.checkerId, role: r.checkerRole!, name: r.checkerName } : null,
  reason: r.reason,
  result: r.result ?? null,
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
});

/** The maker of an approved request, as the effect's audit row names it. */
export const makerOf = (r: ApprovalRequestView): Actor => ({
  id: r.maker.id,
  role: r.maker.role,
  name: r.maker.name ?? undefined,
});

/**
 * Maker-checker (four eyes). A command the maker may not run alone is stored as a pending
 * request in the maker's transaction; a checker (finance, admin, super admin) other than the
 * maker approves it, which runs the command in the checker's transaction, exactly once (the row
 * is locked and its state moves once; a repeated approval returns the first outcome), or
 * rejects it. Request, approval and rejection are audited with both actors.
 */
@Injectable()
export class ApprovalsService {
  private readonly executors = new Map<string, ApprovalExecutor>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ApprovalRequestRepository,
    private readonly audit: AuditRepository,
    @Inject(APPROVAL_CAPS) private readonly caps: ApprovalCaps,
  ) {}

  /** Each context registers the kinds it executes (at module init). */
  register(kind: ApprovalKind, executor: ApprovalExecutor): void {
    this.executors.set(kind, executor);
  }

  /** Above the actor's cap for the currency? No cap for the role (or currency) means no limit. */
  needsSecondApprover(actor: Actor, amount: Money): boolean {
    const byCurrency = this.caps[actor.role];
    const cap = byCurrency?.[amount.currency] ?? byCurrency?.['*'];
    if (cap === undefined) return false;
    return new Decimal(amount.toString()).gt(new Decimal(cap));
  }

  async request(
    tx: Tx,
    cmd: { maker: Actor; kind: ApprovalKind; customerId: string | null; payload: object; summary: string },
  ): Promise<ApprovalRequestView> {
    const row = await this.repo.create(tx, { ...cmd, payload: cmd.payload });
    await this.audit.record(tx, {
      actor: cmd.maker,
      action: 'approval.request',
      entityType: 'approval_request',
      entityId: row.id,
      payload: { kind: cmd.kind, customerId: cmd.customerId, summary: cmd.summary },
    });
    return toApprovalView(row);
  }

  approve(checker: Actor, id: string): Promise<ApprovalRequestView> {
    return this.decide(checker, id, 'approved', null);
  }

  reject(checker: Actor, id: string, reason: string | null): Promise<ApprovalRequestView> {
    return this.decide(checker, id, 'rejected', reason);
  }

  private decide(
    checker: Actor,
    id: string,
    decision: 'approved' | 'rejected',
    reason: string | null,
  ): Promise<ApprovalRequestView> {
    if (!isRole(checker.role) || !CHECKERS.includes(checker.role)) throw notAChecker(checker.role);
    return this.tx.run(async (tx) => {
      const row = await this.repo.lockById(tx, id);
      if (!row) throw approvalRequestNotFound(id);
      if (row.state !== 'pending') {
        // a retried approval (or rejection) by the same checker returns the first outcome
        if (row.state === decision && row.checkerId === checker.id) return toApprovalView(row);
        throw approvalAlreadyDecided(id, row.state);
      }
      if (row.makerId === checker.id) throw makerCannotCheck();
      let result: unknown = null;
      if (decision === 'approved') {
        const executor = this.executors.get(row.kind);
        if (!executor) throw noApprovalExecutor(row.kind);
        result = await executor.executeApproved(tx, toApprovalView(row));
      }
      const decided = await this.repo.decide(tx, id, {
        state: decision,
        checker,
        reason,
        result: JSON.parse(JSON.stringify(result ?? null)),
      });
      await this.audit.record(tx, {
        actor: checker,
        action: decision === 'approved' ? 'approval.approve' : 'approval.reject',
        entityType: 'approval_request',
        entityId: id,
        payload: {
          kind: row.kind,
          customerId: row.customerId,
          maker: { id: row.makerId, role: row.makerRole, name: row.makerName },
          checker: { id: checker.id, role: checker.role, name: checker.name ?? null },
          reason,
        },
      });
      return toApprovalView(decided);
    });
  }

  async get(id: string): Promise<ApprovalRequestView> {
    const row = await this.repo.byId(id);
    if (!row) throw approvalRequestNotFound(id);
    return toApprovalView(row);
  }

  async list(
    filter: { state?: ApprovalState; customerId?: string; makerId?: string },
    page: { after?: { createdAt: string; id: string }; limit: number },
  ) {
    const { rows, last } = await this.repo.list(filter, page);
    return { items: rows.map(toApprovalView), last };
  }
}
