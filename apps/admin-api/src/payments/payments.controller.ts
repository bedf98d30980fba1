import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { assertCustomerScope, STAFF } from '@remitd/access';
import { assertCycle } from '@remitd/billing';
import {
  BillGatewayPaymentUseCase,
  GatewayWebhookUseCase,
  PaygAccountUseCase,
  PaygDeductionUseCase,
  PaymentMethodsUseCase,
} from '@remitd/payments';
import type { Actor } from '@remitd/persistence';
import { CurrentActor, Public, Roles } from '../http/auth';
import { ApiErrors, UuidParam } from '../http/openapi';
import { IdempotencyKey, Idempotent } from '../http/idempotency.interceptor';
import {
  GatewayPaymentRequest,
  LinkPaymentMethodRequest,
  MonthEndRequest,
  PaygActivationRequest,
  PaygSettingsRequest,
} from './payments.dto';
import {
  DeductionRunResponse,
  GatewayPaymentListResponse,
  GatewayPaymentResponse,
  PaygAccountResponse,
  PaygActivationResponse,
  PaymentMethodListResponse,
  PaymentMethodResponse,
  RemovedPaymentMethodResponse,
  WebhookReceivedResponse,
} from './payments.responses';

const MANAGERS = ['super_admin', 'admin', 'account_manager', 'finance', 'member'] as const;

/** Payment methods, pay-as-you-go deduction and payments through the gateway (issue 14, seed 000). */
@ApiTags('payments')
@ApiBearerAuth()
@ApiErrors()
@Controller()
export class PaymentsController {
  constructor(
    private readonly methods: PaymentMethodsUseCase,
    private readonly payg: PaygAccountUseCase,
    private readonly deduction: PaygDeductionUseCase,
    private readonly billPayments: BillGatewayPaymentUseCase,
  ) {}

  @Get('customers/:id/payment-methods')
  @Roles(...MANAGERS)
  @ApiOperation({
    summary:
      "A customer's linked cards and PayPal accounts (token kept inside remitd) and the one last used to pay a bill",
  })
  @ApiOkResponse({ type: PaymentMethodListResponse })
  async list(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PaymentMethodListResponse> {
    assertCustomerScope(actor, id);
    const [items, lastUsedMethodId] = await Promise.all([this.methods.list(id), this.methods.lastUsed(id)]);
    return { items, lastUsedMethodId };
  }

  @Post('customers/:id/payment-methods')
  @Roles(...MANAGERS)
  @ApiOperation({
    summary:
      "Link a card or PayPal account by the token the gateway's page gave the customer; the first linked is the default",
  })
  @ApiCreatedResponse({ type: PaymentMethodResponse })
  link(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: LinkPaymentMethodRequest,
  ): Promise<PaymentMethodResponse> {
    assertCustomerScope(actor, id);
    return this.methods.link({ actor, customerId: id, token: body.token, makeDefault: body.makeDefault });
  }

  @Post('customers/:id/payment-methods/:methodId/default')
  @Roles(...MANAGERS)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Make a linked method the default (automatic deduction uses it)' })
  @ApiOkResponse({ type: PaymentMethodResponse })
  makeDefault(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('methodId') methodId: string,
  ): Promise<PaymentMethodResponse> {
    assertCustomerScope(actor, id);
    return this.methods.makeDefault({ actor, customerId: id, methodId });
  }

  @Delete('customers/:id/payment-methods/:methodId')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Unlink a method; if it was the default, the most recent other one becomes it' })
  @ApiOkResponse({ type: RemovedPaymentMethodResponse })
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('methodId') methodId: string,
  ): Promise<RemovedPaymentMethodResponse> {
    assertCustomerScope(actor, id);
    return this.methods.remove({ actor, customerId: id, methodId });
  }

  @Get('customers/:id/payg')
  @Roles(...STAFF, 'member')
  @ApiOperation({
    summary: 'Pay-as-you-go state: default method, thresholds, what is not deducted yet, pre-authorization, arrears',
  })
  @ApiOkResponse({ type: PaygAccountResponse })
  account(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PaygAccountResponse> {
    assertCustomerScope(actor, id);
    return this.payg.view(id);
  }

  @Post('customers/:id/payg')
  @Roles('super_admin', 'admin', 'account_manager', 'finance')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Set the account's PayPal deduction threshold (USD 8 to 500; ranges per currency)" })
  @ApiOkResponse({ type: PaygAccountResponse })
  settings(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: PaygSettingsRequest,
  ): Promise<PaygAccountResponse> {
    return this.payg.setPaypalThreshold({ actor, customerId: id, paypalThreshold: body.paypalThreshold });
  }

  @Post('customers/:id/payg-activations')
  @Roles(...MANAGERS)
  @ApiOperation({
    summary:
      'Activate a pay-as-you-go product; with PayPal as the default method the first activation pre-authorizes (authorize, then void): 422 PREAUTHORIZATION_FAILED refuses it',
  })
  @ApiCreatedResponse({ type: PaygActivationResponse })
  activate(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: PaygActivationRequest,
  ): Promise<PaygActivationResponse> {
    assertCustomerScope(actor, id);
    return this.payg.activate({ actor, customerId: id, product: body.product });
  }

  @Get('customers/:id/gateway-payments')
  @Roles(...STAFF, 'member')
  @ApiOperation({ summary: "A customer's payments through the gateway (deductions and bill payments), newest first" })
  @ApiOkResponse({ type: GatewayPaymentListResponse })
  async payments(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<GatewayPaymentListResponse> {
    assertCustomerScope(actor, id);
    return { items: await this.billPayments.list(id) };
  }

  @Post('bills/:id/gateway-payments')
  @Roles(...MANAGERS)
  @Idempotent()
  @ApiOperation({
    summary:
      'Pay a bill through the gateway with a linked method (default: the last used). 201 with the outcome, 202 when it is pending (timeout): a second payment meanwhile is 409 PAYMENT_PENDING unless force=true',
  })
  @ApiCreatedResponse({ type: GatewayPaymentResponse, description: 'the gateway answered: succeeded' })
  @ApiAcceptedResponse({ type: GatewayPaymentResponse, description: 'the result is not known yet (pending)' })
  async payBill(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: GatewayPaymentRequest,
    @IdempotencyKey() key: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GatewayPaymentResponse> {
    const payment = await this.billPayments.execute({ actor, billId: id, ...body, idempotencyKey: key });
    if (payment.status === 'pending') res.status(HttpStatus.ACCEPTED);
    return payment;
  }

  @Post('payg/month-end-sweeps')
  @Roles('super_admin', 'admin', 'finance')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Run the month-end deduction of a cycle now (the reconciler runs it when the month ends): every unpaid pay-as-you-go charge of that cycle or before',
  })
  @ApiOkResponse({ type: DeductionRunResponse })
  async monthEnd(@Body() body: MonthEndRequest): Promise<DeductionRunResponse> {
    const r = await this.deduction.monthEnd(assertCycle(body.billingCycle, 'billingCycle'), new Date());
    return r ?? { charged: 0, succeeded: 0, declined: 0, pending: 0 };
  }
}

/** The gateway's asynchronous results: no API key, the HMAC-SHA256 signature is the authentication. */
@ApiTags('payments')
@ApiErrors()
@Controller('webhooks')
export class GatewayWebhookController {
  constructor(private readonly webhook: GatewayWebhookUseCase) {}

  @Post('gateway')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: 'Gateway-Signature', required: true, description: 't=<unix seconds>,v1=<hex HMAC-SHA256>' })
  @ApiOperation({ summary: "The payment gateway's signed result of a charge (see docs/gateway-simulator.md)" })
  @ApiOkResponse({ type: WebhookReceivedResponse })
  receive(@Req() req: Request & { rawBody?: Buffer }): Promise<WebhookReceivedResponse> {
    return this.webhook.receive(req.rawBody ?? Buffer.alloc(0), req.headers['gateway-signature'] as string | undefined);
  }
}
