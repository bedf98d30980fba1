import { Body, Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  IntersectionType,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { Request, Response } from 'express';
import { STAFF } from '@remitd/access';
import { BillingQueries } from '@remitd/billing';
import { validationError } from '@remitd/core';
import { Money } from '@remitd/money';
import type { Actor } from '@remitd/persistence';
import { QUEUE_SORTS, UnmatchedQueue, type QueueSort } from '@remitd/reconciliation';
import { CurrentActor, Roles } from '../http/auth';
import { VOUCHER_CONTENT_TYPES, VOUCHER_MAX_BYTES } from '../http/body';
import { UuidParam } from '../http/openapi';
import { Idempotent } from '../http/idempotency.interceptor';
import { decodeCursor, decodeSortedCursor, encodeCursor, encodeSortedCursor, PageQuery } from '../http/pagination';
import { ApiErrors, ApiPageResponse } from '../http/openapi';
import {
  AssignedRemittanceResponse,
  CommentResponse,
  FeeReimbursementResponse,
  QueueSummaryResponse,
  RAILS,
  REMITTANCE_FLAGS,
  REMITTANCE_STATES,
  RemittanceDetailResponse,
  RemittanceResponse,
  SplitRemittanceResponse,
  VoucherUploadResponse,
} from './unmatched.responses';
import { LagTolerant } from '../http/read-routing.interceptor';

const DECIMAL = /^\d+(\.\d+)?$/;
/** an amount filter: at most 16 integer and 4 decimal digits (what a remittance amount can hold) */
const AMOUNT_FILTER = /^\d{1,16}(\.\d{1,4})?$/;
const STATES: string[] = [...REMITTANCE_STATES];
const SORTS: string[] = [...QUEUE_SORTS];

/** The queue's filters (GET /remittances and GET /remittances/summary). */
export class QueueFilterQuery {
  @ApiPropertyOptional({ enum: STATES, default: 'unmatched' }) @IsOptional() @IsIn(STATES) state?: string;
  @ApiPropertyOptional({ enum: REMITTANCE_FLAGS }) @IsOptional() @IsIn(REMITTANCE_FLAGS) flag?: string;
  @ApiPropertyOptional({ example: 'EUR' }) @IsOptional() @Length(3, 3) currency?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional({ example: '100.00', description: 'remitted amount at least' })
  @IsOptional()
  @Matches(AMOUNT_FILTER, { message: 'minAmount must be a decimal string like "100.00"' })
  minAmount?: string;
  @ApiPropertyOptional({ example: '5000.00', description: 'remitted amount at most' })
  @IsOptional()
  @Matches(AMOUNT_FILTER, { message: 'maxAmount must be a decimal string like "5000.00"' })
  maxAmount?: string;
  @ApiPropertyOptional({ enum: RAILS }) @IsOptional() @IsIn(RAILS) rail?: string;
  @ApiPropertyOptional({ description: 'the collection account the money arrived on' })
  @IsOptional()
  @IsUUID()
  collectionAccountId?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 36500, description: 'arrived at least this many whole days ago' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(36500)
  minAgeDays?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 36500, description: 'arrived at most this many whole days ago' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(36500)
  maxAgeDays?: number;
  @ApiPropertyOptional({ example: 'me', description: '"me" (the caller), "none" (nobody) or an actor id' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  owner?: string;
  @ApiPropertyOptional({ description: "text in the remitter's name, the bank reference or the remittance information" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class UnmatchedQuery extends IntersectionType(PageQuery, QueueFilterQuery) {
  @ApiPropertyOptional({ enum: SORTS, default: 'oldest', description: 'the cursor follows the sort' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: string;
}

export class OwnerRequest {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'me',
    description: '"me", an actor id (apikey:<uuid>, user:<uuid>), or null to give the item back',
  })
  @ValidateIf((o: OwnerRequest) => o.ownerId !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  ownerId!: string | null;
  @ApiPropertyOptional({ description: "the owner's display name when it is someone else (default: the id)" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerName?: string;
}

export class CommentRequest {
  @ApiProperty({ example: 'called the customer, waiting for the voucher', maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  body!: string;
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
  constructor(
    private readonly queue: UnmatchedQueue,
    private readonly billing: BillingQueries,
  ) {}

  @Get()
  @LagTolerant()
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      'The unmatched queue (state=unmatched by default) and other remittances, filtered, oldest first by default',
  })
  @ApiPageResponse(RemittanceResponse)
  async list(@CurrentActor() actor: Actor, @Query() q: UnmatchedQuery) {
    const { cursor, limit, sort: sortName, ...filter } = q;
    const sort = (sortName ?? 'oldest') as QueueSort;
    const after = decodeSortedCursor('remittances', cursor, {
      name: sort,
      defaultName: 'oldest',
      kind: sort.startsWith('amount') ? 'numeric' : 'timestamp',
    });
    const page = await this.queue.list(actor, filter, sort, { after, limit: limit ?? 50 });
    return { items: page.items, nextCursor: encodeSortedCursor('remittances', sort, 'oldest', page.next) };
  }

  @Get('summary')
  @LagTolerant()
  @Roles(...STAFF)
  @ApiOperation({ summary: "The filtered queue's counts: size, oldest item, mine, nobody's, per currency" })
  @ApiOkResponse({ type: QueueSummaryResponse })
  summary(@CurrentActor() actor: Actor, @Query() q: QueueFilterQuery): Promise<QueueSummaryResponse> {
    return this.queue.summary(actor, q);
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      "A remittance with its parsed entry, the raw bank excerpt, ranked suggestions, comments, vouchers and the customer's (else each suggested customer's) open bills",
  })
  @ApiOkResponse({ type: RemittanceDetailResponse })
  async detail(@UuidParam('id') id: string) {
    const remittance = await this.queue.detail(id);
    const customers = remittance.customerId ? [remittance.customerId] : remittance.suggestions.map((s) => s.customerId);
    const openBills = await Promise.all(
      customers.map(async (customerId) => {
        const page = await this.billing.bills({ customerId, status: 'open' }, { limit: 100 });
        const bills = page.items.filter((b) => b.currency === remittance.currency);
        const outstanding = bills.reduce(
          (sum, b) => sum.plus(Money.of(b.outstanding, remittance.currency)),
          Money.zero(remittance.currency),
        );
        return { customerId, bills, outstanding: outstanding.toString(), more: page.next !== null };
      }),
    );
    return { ...remittance, openBills };
  }

  @Post(':id/owner')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Take the item ("me"), give it to a colleague (their actor id) or back to nobody (null)' })
  @ApiOkResponse({ type: RemittanceResponse })
  setOwner(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: OwnerRequest) {
    return this.queue.setOwner({ actor, remittanceId: id, ownerId: body.ownerId, ownerName: body.ownerName });
  }

  @Get(':id/comments')
  @Roles(...STAFF)
  @ApiOperation({ summary: "A remittance's comments, oldest first" })
  @ApiPageResponse(CommentResponse)
  async comments(@UuidParam('id') id: string, @Query() q: PageQuery) {
    const page = await this.queue.comments(id, {
      after: decodeCursor('remittance-comments', q.cursor),
      limit: q.limit ?? 50,
    });
    return { items: page.items, nextCursor: encodeCursor('remittance-comments', page.next) };
  }

  @Post(':id/comments')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Comment on a remittance (audited)' })
  @ApiCreatedResponse({ type: CommentResponse })
  addComment(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: CommentRequest) {
    return this.queue.addComment({ actor, remittanceId: id, body: body.body });
  }

  @Post(':id/vouchers')
  @Roles('super_admin', 'admin', 'account_manager')
  @ApiOperation({
    summary:
      "Upload the customer's remittance voucher (the file is the body, at most 5 MB); the same file again answers the voucher kept. Cite its reference in POST /remittances/{id}/fee-reimbursements",
  })
  @ApiConsumes(...VOUCHER_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'X-Filename', required: false, description: 'the file name (percent-encoded when not ASCII)' })
  @ApiCreatedResponse({ type: VoucherUploadResponse })
  uploadVoucher(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Req() req: Request,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-filename') filenameHeader: string | undefined,
  ) {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (!(VOUCHER_CONTENT_TYPES as readonly string[]).includes(type) || !Buffer.isBuffer(req.body))
      throw validationError(
        'VOUCHER_CONTENT_TYPE',
        `Content-Type: a voucher is ${VOUCHER_CONTENT_TYPES.join(', ')}, sent as the request body`,
        'Content-Type',
      );
    const content = req.body as Buffer;
    if (!content.length) throw validationError('VOUCHER_EMPTY', 'body: the file is empty', 'body');
    if (content.length > VOUCHER_MAX_BYTES)
      throw validationError('BODY_TOO_LARGE', 'body: larger than the API accepts (5 MB)', 'body');
    if (!looksLike(type, content))
      throw validationError('VOUCHER_NOT_READABLE', `body: the file is not a ${type} file`, 'body');
    return this.queue.addVoucher({
      actor,
      remittanceId: id,
      filename: voucherFilename(filenameHeader, type),
      contentType: type,
      content,
    });
  }

  @Get(':id/vouchers/:voucherId')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Download a voucher kept for this remittance' })
  @ApiProduces(...VOUCHER_CONTENT_TYPES)
  @ApiOkResponse({
    description: 'the file as uploaded',
    content: Object.fromEntries(
      VOUCHER_CONTENT_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  async voucher(@UuidParam('id') id: string, @UuidParam('voucherId') voucherId: string, @Res() res: Response) {
    const v = await this.queue.voucher(id, voucherId);
    res
      .status(200)
      .type(v.contentType)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .setHeader('Content-Disposition', contentDisposition(v.filename))
      .setHeader('ETag', `"${v.sha256}"`)
      .send(v.content);
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

const SIGNATURES: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46], // %PDF
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/** the file starts the way its type says it does: a mislabelled file is refused, not served under that type */
function looksLike(type: string, content: Buffer): boolean {
  const signature = SIGNATURES[type];
  return !!signature && signature.every((byte, n) => content[n] === byte);
}

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** the X-Filename header as a plain file name: percent-decoded, no folders, no control characters, ≤ 200 characters */
function voucherFilename(header: string | undefined, type: string): string {
  let name = header ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    throw validationError('INVALID_FILENAME', 'X-Filename: not a valid percent-encoded file name', 'X-Filename');
  }
  name = name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .split(/[\\/]/)
    .pop()!
    .trim();
  if (name.length > 200) throw validationError('INVALID_FILENAME', 'X-Filename: at most 200 characters', 'X-Filename');
  return name || `voucher.${EXTENSIONS[type]}`;
}

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
