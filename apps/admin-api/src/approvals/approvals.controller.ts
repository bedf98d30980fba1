import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ApprovalsService, CHECKERS, approvalRequestNotFound, type ApprovalState } from '@remitd/access';
import type { Actor } from '@remitd/persistence';
import { CurrentActor, Roles } from '../http/auth';
import { UuidParam } from '../http/openapi';
import { Idempotent } from '../http/idempotency.interceptor';
import {
  CURSOR_PG_TIMESTAMP,
  CURSOR_UUID,
  decodeFieldsCursor,
  encodeFieldsCursor,
  PageQuery,
} from '../http/pagination';
import { ApiErrors, ApiPageResponse } from '../http/openapi';
import { APPROVAL_STATES, ApprovalRequestResponse } from './approvals.responses';

const STATES: ApprovalState[] = [...APPROVAL_STATES];

export class ApprovalRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATES }) @IsOptional() @IsIn(STATES) state?: ApprovalState;
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string;
}

export class RejectApprovalRequest {
  @ApiPropertyOptional({ description: 'why the request is rejected (shown to the maker)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

/**
 * Maker-checker (issue 11 items 2 and 10): offline payments recorded by account managers,
 * coupons and credit-limit increases above the maker's cap wait here for a checker.
 */
@ApiTags('approvals')
@ApiBearerAuth()
@ApiErrors()
@Controller('approval-requests')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  @Roles(...CHECKERS, 'account_manager')
  @ApiOperation({ summary: 'Approval requests, oldest first (account managers see their own)' })
  @ApiPageResponse(ApprovalRequestResponse)
  async list(@CurrentActor() actor: Actor, @Query() q: ApprovalRequestsQuery) {
    const after = decodeFieldsCursor('approval-requests', q.cursor, {
      createdAt: CURSOR_PG_TIMESTAMP,
      id: CURSOR_UUID,
    });
    const page = await this.approvals.list(
      {
        state: q.state,
        customerId: q.customerId,
        makerId: actor.role === 'account_manager' ? actor.id : undefined,
      },
      { after, limit: q.limit ?? 50 },
    );
    return { items: page.items, nextCursor: encodeFieldsCursor('approval-requests', page.last) };
  }

  @Get(':id')
  @Roles(...CHECKERS, 'account_manager')
  @ApiOperation({ summary: 'An approval request' })
  @ApiOkResponse({ type: ApprovalRequestResponse })
  async get(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    const request = await this.approvals.get(id);
    if (actor.role === 'account_manager' && request.maker.id !== actor.id) throw approvalRequestNotFound(id);
    return request;
  }

  @Post(':id/approve')
  @Roles(...CHECKERS)
  @Idempotent()
  @ApiOperation({ summary: 'Approve: the request runs now, in this transaction, exactly once; never by its maker' })
  @ApiCreatedResponse({ type: ApprovalRequestResponse, description: 'the request, approved, with its result' })
  approve(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    return this.approvals.approve(actor, id);
  }

  @Post(':id/reject')
  @Roles(...CHECKERS)
  @Idempotent()
  @ApiOperation({ summary: 'Reject: nothing runs; never by its maker' })
  @ApiCreatedResponse({ type: ApprovalRequestResponse })
  reject(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: RejectApprovalRequest) {
    return this.approvals.reject(actor, id, body.reason?.trim() || null);
  }
}
