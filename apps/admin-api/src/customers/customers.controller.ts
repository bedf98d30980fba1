import { LagTolerant } from '../http/read-routing.interceptor';
import { Body, Controller, Get, HttpStatus, Inject, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { assertCustomerScope, STAFF } from '@remitd/access';
import {
  AllocateVirtualAccountUseCase,
  CreateCustomerUseCase,
  CustomerQueries,
  UpdateCustomerUseCase,
  VirtualAccountRepository,
  toVirtualAccountView,
} from '@remitd/customers';
import type { RemitdConfig } from '@remitd/config';
import type { Actor } from '@remitd/persistence';
import { REMITD_CONFIG } from '../http/config.token';
import { CurrentActor, Roles } from '../http/auth';
import { Idempotent } from '../http/idempotency.interceptor';
import { decodeCursor, encodeCursor } from '../http/pagination';
import {
  AllocateVirtualAccountRequest,
  billSettlementFlags,
  CreateCustomerRequest,
  CustomerResponse,
  CustomerSettingsRequest,
  ListCustomersQuery,
  PaymentTermsRequest,
  ReissueVirtualAccountRequest,
  SetCustomerLocaleRequest,
  UpdateCustomerRequest,
} from './customers.dto';
import { ApiErrors, ApiItemsResponse, ApiPageResponse, UuidParam } from '../http/openapi';
import { PendingApprovalResponse } from '../approvals/approvals.responses';
import { CreatedCustomerResponse, ReissuedVirtualAccountResponse, VirtualAccountResponse } from './customers.responses';

@ApiTags('customers')
@ApiBearerAuth()
@ApiErrors()
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly create: CreateCustomerUseCase,
    private readonly update: UpdateCustomerUseCase,
    private readonly queries: CustomerQueries,
    private readonly allocate: AllocateVirtualAccountUseCase,
    private readonly virtualAccounts: VirtualAccountRepository,
    @Inject(REMITD_CONFIG) private readonly config: RemitdConfig,
  ) {}

  @Post()
  @Roles('super_admin', 'admin', 'account_manager')
  @Idempotent()
  @ApiOperation({ summary: 'Create a credit customer' })
  @ApiCreatedResponse({ type: CreatedCustomerResponse })
  createCustomer(@CurrentActor() actor: Actor, @Body() body: CreateCustomerRequest) {
    const { autoBillSettlement: _a, settlePastBillsWithRefunds: _s, ...rest } = body;
    return this.create.execute({
      actor,
      ...rest,
      ...definedOnly(billSettlementFlags(body)),
      accountHolder: this.config.providerName,
    });
  }

  @Get()
  @Roles(...STAFF, 'member')
  @LagTolerant()
  @ApiOperation({ summary: 'List customers (members see only their own)' })
  @ApiPageResponse(CustomerResponse)
  async list(@CurrentActor() actor: Actor, @Query() q: ListCustomersQuery) {
    const page = await this.queries.list(
      { search: q.search, ids: actor.role === 'member' ? [actor.customerId!] : undefined },
      { after: decodeCursor('customers', q.cursor), limit: q.limit ?? 50 },
    );
    return { items: page.items, nextCursor: encodeCursor('customers', page.next) };
  }

  @Get(':id')
  @Roles(...STAFF, 'member')
  @ApiOperation({ summary: 'Get a customer with cash balance and available credit' })
  @ApiOkResponse({ type: CustomerResponse })
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    assertCustomerScope(actor, id);
    return this.queries.get(id);
  }

  @Patch(':id')
  @Roles('super_admin', 'admin', 'account_manager', 'finance')
  @ApiOperation({
    summary:
      "Credit control: limit, frozen amount, automatic bill settlement flags. A credit-limit increase above the caller's cap answers 202 with the approval request it waits on",
  })
  @ApiOkResponse({ type: CustomerResponse })
  @ApiAcceptedResponse({
    type: PendingApprovalResponse,
    description: 'the credit-limit increase waits for a checker; nothing changed yet',
  })
  async patch(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateCustomerRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { autoBillSettlement: _a, settlePastBillsWithRefunds: _s, ...rest } = body;
    const out = await this.update.execute({
      actor,
      customerId: id,
      ...rest,
      ...definedOnly(billSettlementFlags(body)),
      accountHolder: this.config.providerName,
    });
    if ('state' in out && out.state === 'pending_approval') res.status(HttpStatus.ACCEPTED);
    return out;
  }

  @Patch(':id/settings')
  @Roles(...STAFF, 'member')
  @ApiOperation({
    summary:
      'Account settings a member may change for its own customer: automatic bill settlement, and write off past bills (credit control only: otherwise 400 on writeOffPastBills)',
  })
  @ApiOkResponse({ type: CustomerResponse })
  async settings(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: CustomerSettingsRequest,
  ): Promise<CustomerResponse> {
    assertCustomerScope(actor, id);
    // only the settlement flags: never a credit-limit change, so never an approval to wait on
    return (await this.update.execute({
      actor,
      customerId: id,
      ...definedOnly(billSettlementFlags(body)),
    })) as CustomerResponse;
  }

  @Put(':id/locale')
  @Roles(...STAFF, 'member')
  @ApiOperation({
    summary:
      "Set the customer's language (console and e-mails); a member may set its own customer's only (403 otherwise)",
  })
  @ApiOkResponse({ type: CustomerResponse })
  setLocale(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: SetCustomerLocaleRequest,
  ): Promise<CustomerResponse> {
    assertCustomerScope(actor, id);
    return this.update.setLocale({ actor, customerId: id, locale: body.locale }) as Promise<CustomerResponse>;
  }

  @Put(':id/payment-terms')
  @Roles('super_admin', 'admin', 'finance')
  @ApiOperation({
    summary:
      'Set the payment terms of the contract: settlement cycle (monthly or quarterly) + payment period (N calendar or business days); bills issued from now on carry them',
  })
  @ApiOkResponse({ type: CustomerResponse })
  setPaymentTerms(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: PaymentTermsRequest,
  ): Promise<CustomerResponse> {
    return this.update.setPaymentTerms({ actor, customerId: id, ...body }) as Promise<CustomerResponse>;
  }

  @Post(':id/virtual-accounts')
  @Roles('super_admin', 'admin', 'account_manager')
  @Idempotent()
  @ApiOperation({ summary: "Allocate the customer's exclusive virtual account (e-mails the details)" })
  @ApiCreatedResponse({ type: VirtualAccountResponse })
  allocateVirtualAccount(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: AllocateVirtualAccountRequest,
  ) {
    return this.allocate.execute({ actor, customerId: id, ...body, accountHolder: this.config.providerName });
  }

  @Post(':id/virtual-accounts/:virtualAccountId/close')
  @Roles('super_admin', 'admin', 'account_manager')
  @Idempotent()
  @ApiOperation({ summary: 'Close a virtual account (its number is never reused)' })
  @ApiCreatedResponse({ type: VirtualAccountResponse })
  closeVirtualAccount(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('virtualAccountId') virtualAccountId: string,
  ) {
    return this.allocate.close({ actor, customerId: id, virtualAccountId });
  }

  @Post(':id/virtual-accounts/:virtualAccountId/reissue')
  @Roles('super_admin', 'admin', 'account_manager')
  @Idempotent()
  @ApiOperation({
    summary:
      'Close a virtual account and issue its replacement under another collection account (e-mails the customer the new details)',
  })
  @ApiCreatedResponse({ type: ReissuedVirtualAccountResponse })
  reissueVirtualAccount(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('virtualAccountId') virtualAccountId: string,
    @Body() body: ReissueVirtualAccountRequest,
  ) {
    return this.allocate.reissue({ actor, customerId: id, virtualAccountId, ...body });
  }

  @Get(':id/virtual-accounts')
  @Roles(...STAFF, 'member')
  @ApiOperation({ summary: "The customer's virtual accounts, one per currency" })
  @ApiItemsResponse(VirtualAccountResponse)
  async listVirtualAccounts(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    assertCustomerScope(actor, id);
    await this.queries.get(id);
    const items = (await this.virtualAccounts.listForCustomer(id)).map((v) => toVirtualAccountView(v, false));
    return {
      items: items.map((v) => ({ ...v, accountHolderName: v.accountHolderName ?? this.config.providerName })),
    };
  }
}

/** Leaves out flags the request did not set, so they keep their defaults (or current values). */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
