import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@remitd/access';

export const APPROVAL_STATES = ['pending', 'approved', 'rejected'] as const;
export const APPROVAL_KINDS = ['offline_payment', 'coupon', 'credit_limit'] as const;

export class ApprovalActor {
  @ApiProperty({ description: 'API key id, or system:…' }) id!: string;
  @ApiProperty({ enum: [...ROLES, 'system'] }) role!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
}

export class ApprovalRequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: APPROVAL_KINDS }) kind!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) customerId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the request as the maker sent it' })
  payload!: Record<string, unknown>;
  @ApiProperty({ example: 'offline payment of 40.00 EUR on bill B-2026-10-0001' }) summary!: string;
  @ApiProperty({ enum: APPROVAL_STATES }) state!: string;
  @ApiProperty({ type: ApprovalActor }) maker!: ApprovalActor;
  @ApiProperty({ type: ApprovalActor, nullable: true }) checker!: ApprovalActor | null;
  @ApiProperty({ nullable: true, type: String, description: 'why it was rejected' }) reason!: string | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'what running the request answered, once approved',
  })
  result!: unknown;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
}

/** A request that waits for a checker (HTTP 202): nothing has happened yet. */
export class PendingApprovalResponse {
  @ApiProperty({ enum: ['pending_approval'] }) state!: 'pending_approval';
  @ApiProperty({ type: ApprovalRequestResponse }) approvalRequest!: ApprovalRequestResponse;
}
