import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { assertCustomerScope, STAFF } from '@remitd/access';
import {
  BillDocumentService,
  BillingQueries,
  CustomerMoneyUseCases,
  ExplainUnsettled,
  IssueBillsUseCase,
  ManualPaymentUseCase,
  PayCycleUseCase,
  assertCycle,
  type StatementMovement,
} from '@remitd/billing';
import { notFound } from '@remitd/core';
import { Money } from '@remitd/money';
import type { Actor } from '@remitd/persistence';
import { CurrentActor, Roles } from '../http/auth';
import {
  ApiCsvResponse,
  ApiErrors,
  ApiItemsResponse,
  ApiOneOfResponse,
  ApiPageResponse,
  UuidParam,
} from '../http/openapi';
import { toCsv } from '../http/csv';
import { IdempotencyKey, Idempotent } from '../http/idempotency.interceptor';
import { decodeCursor, encodeCursor } from '../http/pagination';
import {
  ApplyCouponRequest,
  BillsQuery,
  CardRequest,
  ChargeListResponse,
  ChargeRequest,
  ChargesQuery,
  CouponRequest,
  IssueBillsQuery,
  ManualPaymentRequest,
  PayCycleRequest,
  PaymentInstructionsQuery,
  RefundRequest,
  RelationshipRequest,
  RepaymentsQuery,
  StatementQuery,
  StatementResponse,
  TopUpRequest,
  TransferRequest,
} from './billing.dto';
import { PendingApprovalResponse } from '../approvals/approvals.responses';
import {
  AppliedCouponResponse,
  BillDetailResponse,
  BillingRunResponse,
  BillResponse,
  CardResponse,
  ChargeResponse,
  CouponResponse,
  IssuedCardResponse,
  ManualPaymentResponse,
  PayCycleResponse,
  RefundResponse,
  RefundResultResponse,
  RelationshipListItemResponse,
  RelationshipResponse,
  RepaymentResponse,
  TopUpResponse,
  TransferResponse,
  WhyUnsettledResponse,
} from './billing.responses';
import { LagTolerant } from '../http/read-routing.interceptor';

const MONEY_MOVERS = ['super_admin', 'admin', 'finance'] as const;

@ApiTags('billing')
@ApiBearerAuth()
@ApiErrors()
@Controller()
export class BillingController {
  constructor(
    private readonly queries: BillingQueries,
    private readonly issue: IssueBillsUseCase,
    private readonly manual: ManualPaymentUseCase,
    private readonly money: CustomerMoneyUseCases,
    private readonly explain: ExplainUnsettled,
    private readonly payCycle: PayCycleUseCase,
    private readonly documents: BillDocumentService,
  ) {}

  @Post('customers/:id/charges')
  @Roles('super_admin', 'admin', 'finance')
  @Idempotent()
  @ApiOperation({ summary: 'Record usage to bill in a cycle (becomes a bill line when the cycle is issued)' })
  @ApiCreatedResponse({ type: ChargeResponse })
  charge(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: ChargeRequest) {
    return this.queries.addCharge({ actor, customerId: id, ...body });
  }

  @Get('customers/:id/charges')
  @Roles(...STAFF, 'member')
  @ApiOperation({ summary: "A customer's charges, oldest first (billed=false: those the next issuance will bill)" })
  @ApiOkResponse({ type: ChargeListResponse })
  async charges(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Query() q: ChargesQuery,
  ): Promise<ChargeListResponse> {
    assertCustomerScope(actor, id);
    const page = await this.queries.listCharges(
      id,
      { billed: q.billed === undefined ? undefined : q.billed === 'true' },
      { after: decodeCursor('charges', q.cursor), limit: q.limit ?? 50 },
    );
    return { items: page.items, nextCursor: encodeCursor('charges', page.next) };
  }

  @Post('billing-runs/:cycle')
  @Roles('super_admin', 'admin', 'finance')
  @Idempotent()
  @ApiOperation({
    summary:
      'Issue a cycle (the reconciler does it at 12:00 on the 2nd of the next month); exactly once. 201 when bills were issued; 200 with `skipped` and `reason` when nothing was (not due yet, already issued, no charges). force=true issues a cycle not yet due',
  })
  @ApiCreatedResponse({ type: BillingRunResponse, description: 'bills were issued' })
  @ApiOkResponse({ type: BillingRunResponse, description: 'nothing was issued: `skipped` and `reason` say why' })
  async run(
    @Param('cycle') cycle: string,
    @Query() q: IssueBillsQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BillingRunResponse> {
    const result = await this.issue.execute(assertCycle(cycle, 'cycle'), { force: q.force === 'true' });
    if (result.skipped) res.status(HttpStatus.OK);
    return result;
  }

  @Get('bills')
  @LagTolerant()
  @Roles(...STAFF, 'member')
  @ApiOperation({ summary: 'Bills, oldest first (status=open for unsettled, partly paid and overdue)' })
  @ApiPageResponse(BillResponse)
  async bills(@CurrentActor() actor: Actor, @Query() q: BillsQuery) {
    const customerId = actor.role === 'member' ? actor.customerId! : q.customerId;
    if (actor.role === 'member' && q.customerId) assertCustomerScope(actor, q.customerId);
    const page = await this.queries.bills(
      { customerId, status: q.status, billingCycle: q.billingCycle },
      { after: decodeCursor('bills', q.cursor), limit: q.limit ?? 50 },
    );
    return { items: page.items, nextCursor: encodeCursor('bills', page.next) };
  }

  @Get('bills/export.csv')
  @LagTolerant()
  @Roles(...STAFF)
  @ApiOperation({ summary: 'CSV of bills (same filters as the list, up to 100,000 rows)' })
  @ApiCsvResponse()
  async billsCsv(@Query() q: BillsQuery, @Res() res: Response) {
    const page = await this.queries.bills(
      { customerId: q.customerId, status: q.status, billingCycle: q.billingCycle },
      { limit: 100_000 },
    );
    res
      .type('text/csv')
      .attachment('bills.csv')
      .send(
        toCsv(
          [
            'reference',
            'customerId',
            'billingCycle',
            'issuedAt',
            'dueDate',
            'currency',
            'amount',
            'paid',
            'outstanding',
            'status',
          ],
          page.items,
        ),
      );
  }

  @Get('bills/:id')
  @Roles(...STAFF, 'member')
  @ApiOperation({ summary: 'A bill with its lines and repayments' })
  @ApiOkResponse({ type: BillDetailResponse })
  async bill(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    const b = await this.queries.bill(id);
    if (actor.role === 'member' && actor.customerId !== b.customerId) throw notFound('bill', id);
    return b;
  }

  @Get('bills/:id/pdf')
  @Roles(...STAFF, 'member')
  @ApiOperation({
    summary: "The bill as a PDF: charges, payments, and how to pay into the customer's exclusive account",
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'A4 PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async pdf(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Res() res: Response) {
    const doc = await this.documents.pdf(id, actor.role === 'member' ? { customerId: actor.customerId ?? null } : {});
    res
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="${doc.reference.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`)
      .set('Cache-Control', 'private, no-store')
      .send(doc.pdf);
  }

  @Get('customers/:id/payment-instructions.pdf')
  @Roles(...STAFF, 'member')
  @ApiOperation({
    summary:
      "How to pay into the customer's exclusive account (account details and the rules: SWIFT or ACH only, fees borne by the provider, up to 4 business days) as a PDF in English or Chinese",
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'A4 PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async paymentInstructions(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Query() q: PaymentInstructionsQuery,
    @Res() res: Response,
  ) {
    assertCustomerScope(actor, id);
    const doc = await this.documents.paymentInstructionsPdf(id, q.lang);
    res
      .type('application/pdf')
      .set(
        'Content-Disposition',
        `attachment; filename="payment-instructions-${doc.reference.replace(/[^A-Za-z0-9._-]/g, '_')}-${doc.lang}.pdf"`,
      )
      .set('Content-Language', doc.lang === 'zh' ? 'zh-CN' : 'en')
      .set('Cache-Control', 'private, no-store')
      .send(doc.pdf);
  }

  @Get('bills/:id/why-unsettled')
  @Roles(...STAFF, 'member')
  @ApiOperation({
    summary:
      'Why is this bill still unsettled? (insufficient credit, not issued yet, card restrictions, write-off off…)',
  })
  @ApiOkResponse({ type: WhyUnsettledResponse })
  async why(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    const r = await this.explain.explain(id);
    if (actor.role === 'member') assertCustomerScope(actor, (await this.queries.bill(id)).customerId);
    return r;
  }

  @Post('bills/:id/payments')
  @Roles('super_admin', 'admin', 'account_manager', 'finance', 'member')
  @Idempotent()
  @ApiOperation({
    summary:
      'Manual payment: amount (default outstanding) from the balance and/or an external channel; pauses auto write-off meanwhile',
  })
  @ApiOneOfResponse(
    201,
    'the payment, or (an offline payment by an account manager) the approval request it waits on',
    ManualPaymentResponse,
    PendingApprovalResponse,
  )
  pay(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: ManualPaymentRequest,
    @IdempotencyKey() key: string,
  ) {
    return this.manual.execute({ actor, billId: id, ...body, idempotencyKey: key });
  }

  @Post('customers/:id/cycle-payments')
  @Roles('super_admin', 'admin', 'finance', 'member')
  @Idempotent()
  @ApiOperation({
    summary:
      "Pay by billing cycle (credit control): the cycle's refunds, then the balance, then the external channel pay the cycle's unpaid bills",
  })
  @ApiCreatedResponse({ type: PayCycleResponse })
  payByCycle(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: PayCycleRequest,
    @IdempotencyKey() key: string,
  ) {
    return this.payCycle.execute({ actor, customerId: id, ...body, idempotencyKey: key });
  }

  @Get('repayments')
  @LagTolerant()
  @Roles(...STAFF, 'member')
  @ApiOperation({ summary: 'Repayment records by method (from January 2023)' })
  @ApiPageResponse(RepaymentResponse)
  async repayments(@CurrentActor() actor: Actor, @Query() q: RepaymentsQuery) {
    // another customer's id from a member is refused (as GET /bills does), not silently swapped for its own
    if (actor.role === 'member' && q.customerId) assertCustomerScope(actor, q.customerId);
    const customerId = actor.role === 'member' ? actor.customerId! : q.customerId;
    const page = await this.queries.repayments(
      { ...q, customerId, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined },
      { after: decodeCursor('repayments', q.cursor), limit: q.limit ?? 50 },
    );
    return { items: page.items, nextCursor: encodeCursor('repayments', page.next) };
  }

  @Get('repayments/export.csv')
  @LagTolerant()
  @Roles(...STAFF)
  @ApiOperation({ summary: 'CSV of repayments (same filters as the list, up to 100,000 rows)' })
  @ApiCsvResponse()
  async repaymentsCsv(@Query() q: RepaymentsQuery, @Res() res: Response) {
    const page = await this.queries.repayments(
      { ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined },
      { limit: 100_000 },
    );
    res
      .type('text/csv')
      .attachment('repayments.csv')
      .send(
        toCsv(
          [
            'createdAt',
            'billReference',
            'billingCycle',
            'customerId',
            'method',
            'amount',
            'currency',
            'journalEntryId',
            'reversedAt',
          ],
          page.items,
        ),
      );
  }

  @Post('customers/:id/top-ups')
  @Roles(...MONEY_MOVERS)
  @Idempotent()
  @ApiOperation({ summary: 'Record a top-up (e.g. a bank transfer entered by finance); settles bills oldest first' })
  @ApiCreatedResponse({ type: TopUpResponse })
  topUp(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: TopUpRequest,
    @IdempotencyKey() key: string,
  ) {
    return this.money.topUp({ actor, customerId: id, ...body, idempotencyKey: key });
  }

  @Post('customers/:id/refunds')
  @Roles(...MONEY_MOVERS)
  @Idempotent()
  @ApiOperation({
    summary: "Credit-control refund into the refund balance (pays bills of the refund's cycle or later)",
  })
  @ApiCreatedResponse({ type: RefundResultResponse })
  refund(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: RefundRequest,
    @IdempotencyKey() key: string,
  ) {
    return this.money.refund({ actor, customerId: id, ...body, idempotencyKey: key });
  }

  @Get('customers/:id/refunds')
  @Roles(...STAFF, 'member')
  @ApiOperation({ summary: 'Credit-control refunds and what is left of each' })
  @ApiItemsResponse(RefundResponse)
  refunds(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    assertCustomerScope(actor, id);
    return this.queries.refunds(id).then((items) => ({ items }));
  }

  @Post('customers/:id/stored-value-cards')
  @Roles(...MONEY_MOVERS)
  @Idempotent()
  @ApiOperation({ summary: 'Issue a stored-value card: pays only bills of its month' })
  @ApiCreatedResponse({ type: IssuedCardResponse })
  card(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: CardRequest,
    @IdempotencyKey() key: string,
  ) {
    return this.money.issueCard({ actor, customerId: id, ...body, idempotencyKey: key });
  }

  @Get('customers/:id/stored-value-cards')
  @Roles(...STAFF, 'member')
  @ApiOperation({ summary: 'Stored-value cards and their balances' })
  @ApiItemsResponse(CardResponse)
  cards(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    assertCustomerScope(actor, id);
    return this.queries.cards(id).then((items) => ({ items }));
  }

  @Post('customers/:id/coupons')
  @Roles(...MONEY_MOVERS, 'account_manager')
  @Idempotent()
  @ApiOperation({ summary: 'Issue a coupon (above the caller’s cap it waits for a checker)' })
  @ApiOneOfResponse(201, 'the coupon, or the approval request it waits on', CouponResponse, PendingApprovalResponse)
  coupon(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: CouponRequest) {
    return this.money.issueCoupon({ actor, customerId: id, ...body });
  }

  @Get('customers/:id/coupons')
  @Roles(...STAFF, 'member')
  @ApiOperation({ summary: 'Coupons, used and unused' })
  @ApiItemsResponse(CouponResponse)
  coupons(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    assertCustomerScope(actor, id);
    return this.queries.coupons(id).then((items) => ({ items }));
  }

  @Post('coupons/:id/apply')
  @Roles(...MONEY_MOVERS, 'account_manager')
  @Idempotent()
  @ApiOperation({ summary: 'Deduct a coupon from a bill (a repayment of method coupon)' })
  @ApiCreatedResponse({ type: AppliedCouponResponse })
  applyCoupon(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: ApplyCouponRequest) {
    return this.money.applyCoupon({ actor, couponId: id, billId: body.billId });
  }

  @Post('financial-relationships')
  @Roles('super_admin', 'admin')
  @Idempotent()
  @ApiOperation({ summary: 'Make one customer the main account of another (it may move cash to it)' })
  @ApiCreatedResponse({ type: RelationshipResponse })
  relate(@CurrentActor() actor: Actor, @Body() body: RelationshipRequest) {
    return this.money.createRelationship({ actor, ...body });
  }

  @Post('financial-relationships/:id/end')
  @Roles('super_admin', 'admin', 'member')
  @Idempotent()
  @ApiOperation({
    summary: 'End a financial relationship (a member: only one where its customer is the main account, else 403)',
  })
  @ApiCreatedResponse({ type: RelationshipResponse })
  endRelationship(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    return this.money.endRelationship({ actor, id });
  }

  @Get('customers/:id/financial-relationships')
  @Roles(...STAFF, 'member')
  @ApiOperation({ summary: 'Financial relationships the customer is part of, with the names of both sides' })
  @ApiItemsResponse(RelationshipListItemResponse)
  relationships(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    assertCustomerScope(actor, id);
    return this.money.listRelationships(id).then((items) => ({ items }));
  }

  @Post('transfers')
  @Roles(...MONEY_MOVERS, 'member')
  @Idempotent()
  @ApiOperation({ summary: 'Move cash between a main account and a member it manages' })
  @ApiCreatedResponse({ type: TransferResponse })
  transfer(@CurrentActor() actor: Actor, @Body() body: TransferRequest, @IdempotencyKey() key: string) {
    if (actor.role === 'member') assertCustomerScope(actor, body.fromCustomerId);
    return this.money.transfer({ actor, ...body, idempotencyKey: key });
  }

  @Get('customers/:id/statement')
  @Roles(...STAFF, 'member')
  @ApiOperation({
    summary:
      "Every movement of the customer's money (receipts with reimbursed fees, bill payments, refunds, stored-value cards, transfers) with opening and closing balances of cash, refund, each card and bills paid (JSON or CSV)",
  })
  @ApiOkResponse({ type: StatementResponse })
  @ApiProduces('application/json', 'text/csv')
  async statement(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Query() q: StatementQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    assertCustomerScope(actor, id);
    const s = await this.queries.statement(
      id,
      { from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined },
      { staff: actor.role !== 'member' },
    );
    if (q.format === 'csv') {
      res.type('text/csv').attachment(`statement-${id}.csv`);
      return toCsv(
        [...STATEMENT_CSV_COLUMNS],
        s.movements.map((mv) => ({ ...mv, ...changeColumns(s.currency, mv.changes) })),
      );
    }
    return s;
  }
}

/** The cash columns first (as before issue 12), then what each movement did to the other balances. */
const STATEMENT_CSV_COLUMNS = [
  'at',
  'kind',
  'description',
  'amount',
  'runningBalance',
  'journalEntryId',
  'received',
  'feeReimbursed',
  'refund',
  'storedValueCards',
  'billsPaid',
] as const;

/** Changes of the refund, stored-value card and bills-paid balances in the customer currency ('' when untouched). */
function changeColumns(currency: string, changes: StatementMovement['changes']) {
  const sum = (balance: string) => {
    const mine = changes.filter((c) => c.balance === balance && c.currency === currency);
    return mine.length
      ? mine.reduce((t, c) => t.plus(Money.of(c.amount, currency)), Money.zero(currency)).toString()
      : '';
  };
  return { refund: sum('refund'), storedValueCards: sum('stored_value_card'), billsPaid: sum('bills_paid') };
}
