import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { STAFF } from '@remitd/access';
import type { Actor } from '@remitd/persistence';
import { UnmatchedQueue } from '@remitd/reconciliation';
import { CurrentActor, Roles } from '../http/auth';
import { UuidParam } from '../http/openapi';
import { Idempotent } from '../http/idempotency.interceptor';
import { decodeCursor, encodeCursor, PageQuery } from '../http/pagination';
import { ApiErrors, ApiPageResponse } from '../http/openapi';
import {
  AssignedRemittanceResponse,
  FeeReimbursementResponse,
  REMITTANCE_FLAGS,
  REMITTANCE_STATES,
  RemittanceDetailResponse,
  RemittanceResponse,
  SplitRemittanceResponse,
} from './unmatched.responses';

const DECIMAL = /^\d+(\.\d+)?$/;
const STATES: string[] = [...REMITTANCE_STATES];

export class UnmatchedQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATES, default: 'unmatched' }) @IsOptional() @IsIn(STATES) state?: string;
  @ApiPropertyOptional({ enum: REMITTANCE_FLAGS }) @IsOptional() @IsIn(REMITTANCE_FLAGS) flag?: string;
  @ApiPropertyOptional({ example: 'EUR' }) @IsOptional() @Length(3, 3) currency?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string;
}

export class AssignRequest {
  @ApiProperty() @IsUUID() customerId!: string;
  @ApiPropertyOptional({
    description: 'remember the remitter account so the next transfer from it matches automatically',
  })
  @IsOptional()
  @IsBoolean()
  rememberRemitterAccount?: boolean;
  @ApiPropertyOptional({ example: 'customer confirmed by phone' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class SplitPart {
  @ApiProperty() @IsUUID() customerId!: string;
  @ApiProperty({ example: '600.00' })
  @Matches(DECIMAL, { message: 'amount must be a positive decimal string like "600.00"' })
  amount!: string;
}

export class SplitRequest {
  @ApiProperty({ type: [SplitPart] })
  @IsArray()
  @ArrayMinSize(2)
  @ValidateNested({ each: true })
  @Type(() => SplitPart)
  parts!: SplitPart[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class ReturnRequest {
  @ApiProperty({ example: 'remitter is not a customer' }) @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
}

export class FeeReimbursementRequest {
  @ApiProperty({ example: '15.00' })
  @Matches(DECIMAL, { message: 'amount must be a positive decimal string like "15.00"' })
  amount!: string;
  @ApiProperty({ example: 'SWIFT-MT103-COPY-8812' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  voucherReference!: string;
}

@ApiTags('remittances')
@ApiBearerAuth()
@ApiErrors()
@Controller('remittances')
export class UnmatchedController {
  constructor(private readonly queue: UnmatchedQueue) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: 'The unmatched queue (state=unmatched by default) and other remittances, oldest first' })
  @ApiPageResponse(RemittanceResponse)
  async list(@Query() q: UnmatchedQuery) {
    const page = await this.queue.list(q, { after: decodeCursor('remittances', q.cursor), limit: q.limit ?? 50 });
    return { items: page.items, nextCursor: encodeCursor('remittances', page.next) };
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'A remittance with its parsed entry, the raw bank excerpt and ranked suggestions' })
  @ApiOkResponse({ type: RemittanceDetailResponse })
  detail(@UuidParam('id') id: string) {
    return this.queue.detail(id);
  }

  @Post(':id/assign')
  @Roles('super_admin', 'admin', 'account_manager')
  @Idempotent()
  @ApiOperation({
    summary: 'Assign an unmatched remittance to a customer: credits and settles like an automatic match',
  })
  @ApiCreatedResponse({ type: AssignedRemittanceResponse })
  assign(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: AssignRequest) {
    return this.queue.assign({ actor, remittanceId: id, ...body });
  }

  @Post(':id/split')
  @Roles('super_admin', 'admin', 'account_manager')
  @Idempotent()
  @ApiOperation({
    summary: 'Split an unmatched remittance across several customers (parts sum to the remitted amount)',
  })
  @ApiCreatedResponse({ type: SplitRemittanceResponse })
  split(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: SplitRequest) {
    return this.queue.split({ actor, remittanceId: id, ...body });
  }

  @Post(':id/return')
  @Roles('super_admin', 'admin', 'account_manager')
  @Idempotent()
  @ApiOperation({ summary: "Mark for return to sender (closed when the bank's return appears on a statement)" })
  @ApiCreatedResponse({ type: RemittanceResponse })
  markForReturn(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: ReturnRequest) {
    return this.queue.markForReturn({ actor, remittanceId: id, reason: body.reason });
  }

  @Post(':id/fee-reimbursements')
  @Roles('super_admin', 'admin', 'account_manager')
  @Idempotent()
  @ApiOperation({ summary: "Reimburse bank fees shown on the customer's remittance voucher (bounded by the cap)" })
  @ApiCreatedResponse({ type: FeeReimbursementResponse })
  feeReimbursement(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: FeeReimbursementRequest) {
    return this.queue.recordFeeReimbursement({ actor, remittanceId: id, ...body });
  }
}
