import { Controller, Delete, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { assertCustomerScope, STAFF } from '@remitd/access';
import type { Actor } from '@remitd/persistence';
import { RemitterAccountsService, type KnownRemitterAccount } from '@remitd/reconciliation';
import { CurrentActor, Roles } from '../http/auth';
import { ApiErrors, ApiPageResponse, UuidParam } from '../http/openapi';
import { decodeCursor, encodeCursor, PageQuery } from '../http/pagination';

export class RemitterAccountResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SE4550000000058398257466', description: 'the remitter account, normalized' })
  account!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ nullable: true, type: String, example: 'NORDIC WIDGETS' }) remitterName!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'the remittance whose assignment taught it',
  })
  learnedFromId!: string | null;
  @ApiProperty({ description: 'who assigned that remittance' }) learnedBy!: string;
  @ApiProperty({ format: 'date-time' }) learnedAt!: string;
}

const view = (a: KnownRemitterAccount): RemitterAccountResponse => ({
  id: a.id,
  account: a.account,
  customerId: a.customerId,
  remitterName: a.remitterName,
  learnedFromId: a.learnedFromId,
  learnedBy: a.learnedBy,
  learnedAt: a.createdAt.toISOString(),
});

/** issue 12 item 10: the remitter accounts learned for a customer (matching rule 2), listed and forgotten. */
@ApiTags('customers')
@ApiBearerAuth()
@ApiErrors()
@Controller('customers/:id/remitter-accounts')
export class RemitterAccountsController {
  constructor(private readonly accounts: RemitterAccountsService) {}

  @Get()
  @Roles(...STAFF, 'member')
  @ApiOperation({
    summary:
      'Remitter accounts remembered for the customer: a transfer from one of them is matched to the customer by itself (members see their own)',
  })
  @ApiPageResponse(RemitterAccountResponse)
  async list(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Query() q: PageQuery) {
    assertCustomerScope(actor, id);
    const page = await this.accounts.list(id, {
      after: decodeCursor('remitter-accounts', q.cursor),
      limit: q.limit ?? 50,
    });
    return { items: page.items.map(view), nextCursor: encodeCursor('remitter-accounts', page.next) };
  }

  @Delete(':accountId')
  @Roles('super_admin', 'admin', 'account_manager')
  @ApiOperation({
    summary:
      'Forget a remembered remitter account (audited): the next transfer from it is no longer matched by the learned-account rule',
  })
  @ApiOkResponse({ type: RemitterAccountResponse, description: 'the account forgotten' })
  async forget(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('accountId') accountId: string,
  ): Promise<RemitterAccountResponse> {
    return view(await this.accounts.forget({ actor, customerId: id, accountId }));
  }
}
