import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { assertCustomerScope, STAFF } from '@remitd/access';
import {
  ArrearsClock,
  BalanceAlertsUseCase,
  MESSAGE_TYPES,
  ResourcesUseCase,
  WebhookEventsUseCase,
  type MessageType,
} from '@remitd/arrears';
import { validationError } from '@remitd/core';
import type { Actor } from '@remitd/persistence';
import { CurrentActor, Roles } from '../http/auth';
import { Idempotent } from '../http/idempotency.interceptor';
import { ApiErrors, ApiPageResponse, UuidParam } from '../http/openapi';
import { CURSOR_UUID, decodeFieldsCursor, encodeFieldsCursor, type Page } from '../http/pagination';
import {
  AddContactRequest,
  ReportResourceRequest,
  ResourcesQuery,
  SetBalanceAlertRequest,
  SetSubscriptionsRequest,
  WebhookEventsQuery,
} from './resources.dto';
import {
  BalanceAlertListResponse,
  BalanceAlertResponse,
  ContactListResponse,
  ContactResponse,
  MessageSubscriptionListResponse,
  RenewedResourceResponse,
  ReportedResourceResponse,
  ResourceResponse,
  WebhookEventDetailResponse,
  WebhookEventResponse,
} from './resources.responses';

/** The platform's API keys are admins; people renew and manage contacts (issue 16, seed 003). */
const PLATFORM = ['super_admin', 'admin'] as const;
const MANAGERS = [...STAFF, 'member'] as const;

/** Resources the platform runs, their renewal, and who hears about them (seed 003). */
@ApiTags('resources')
@ApiBearerAuth()
@ApiErrors()
@Controller()
export class ResourcesController {
  constructor(
    private readonly resources: ResourcesUseCase,
    private readonly alerts: BalanceAlertsUseCase,
    private readonly clock: ArrearsClock,
  ) {}

  @Post('customers/:id/resources')
  @Roles(...PLATFORM)
  @ApiOperation({
    summary:
      'The platform reports a resource (monthly subscription or pay-per-hour), by its own id: a second report updates the name, auto-renew and prices',
  })
  @ApiCreatedResponse({ type: ReportedResourceResponse })
  report(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: ReportResourceRequest,
  ): Promise<ReportedResourceResponse> {
    return this.resources.report({ actor, customerId: id, ...body, now: this.clock.now() });
  }

  @Get('resources')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Resources, oldest first; a member sees only its own' })
  @ApiPageResponse(ResourceResponse)
  async list(@CurrentActor() actor: Actor, @Query() q: ResourcesQuery): Promise<Page<ResourceResponse>> {
    // a member asking for another customer's resources is refused, as GET /bills does, not answered with its own
    if (q.customerId) assertCustomerScope(actor, q.customerId);
    const customerId = actor.role === 'member' ? actor.customerId! : q.customerId;
    const after = decodeFieldsCursor('resources', q.cursor, { id: CURSOR_UUID });
    const page = await this.resources.page(
      { customerId, status: q.status },
      { after: after?.id, limit: q.limit ?? 50 },
    );
    return { items: page.items, nextCursor: encodeFieldsCursor('resources', page.next ? { id: page.next } : null) };
  }

  @Get('resources/:id')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'One resource: status (active, isolated, released, stopped, terminated) and period' })
  @ApiOkResponse({ type: ResourceResponse })
  async get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<ResourceResponse> {
    const r = await this.resources.get(id);
    assertCustomerScope(actor, r.customerId);
    return r;
  }

  @Post('resources/:id/renewals')
  @Roles(...MANAGERS)
  @Idempotent()
  @ApiOperation({
    summary:
      'Renew a monthly subscription for one month from the balance; the new period starts at the old expiry. An isolated one (within 7 days of expiry) is restored. 422 INSUFFICIENT_BALANCE, 409 RESOURCE_NOT_RENEWABLE once released',
  })
  @ApiCreatedResponse({ type: RenewedResourceResponse })
  async renew(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RenewedResourceResponse> {
    assertCustomerScope(actor, (await this.resources.get(id)).customerId);
    return this.resources.renew({ actor, resourceId: id, now: this.clock.now() });
  }

  @Get('customers/:id/balance-alerts')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: "The customer's balance alerts: threshold, who gets them, armed or fired" })
  @ApiOkResponse({ type: BalanceAlertListResponse })
  async balanceAlerts(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<BalanceAlertListResponse> {
    assertCustomerScope(actor, id);
    return { items: await this.alerts.list(id) };
  }

  @Post('customers/:id/balance-alerts')
  @Roles(...MANAGERS)
  @ApiOperation({
    summary:
      'Set a balance alert: it fires once when the balance falls below the threshold and re-arms when the balance recovers; setting the same threshold again changes its contacts and channels',
  })
  @ApiCreatedResponse({ type: BalanceAlertResponse })
  setBalanceAlert(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: SetBalanceAlertRequest,
  ): Promise<BalanceAlertResponse> {
    assertCustomerScope(actor, id);
    return this.alerts.set({ actor, customerId: id, ...body });
  }

  @Delete('customers/:id/balance-alerts/:alertId')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Remove a balance alert; answers the alert as it was' })
  @ApiOkResponse({ type: BalanceAlertResponse })
  removeBalanceAlert(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('alertId') alertId: string,
  ): Promise<BalanceAlertResponse> {
    assertCustomerScope(actor, id);
    return this.alerts.remove({ actor, customerId: id, id: alertId });
  }

  @Get('customers/:id/message-subscriptions')
  @Roles(...MANAGERS)
  @ApiOperation({
    summary:
      "Message Subscription Management: the chosen recipients and channels per message type (a type not listed goes to the seed's roles)",
  })
  @ApiOkResponse({ type: MessageSubscriptionListResponse })
  async subscriptions(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<MessageSubscriptionListResponse> {
    assertCustomerScope(actor, id);
    return { items: await this.resources.subscriptions(id) };
  }

  @Put('customers/:id/message-subscriptions/:messageType')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: "Choose who gets a message type on which channels; [] goes back to the seed's roles" })
  @ApiParam({ name: 'messageType', enum: MESSAGE_TYPES })
  @ApiOkResponse({ type: MessageSubscriptionListResponse })
  async setSubscriptions(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Param('messageType') messageType: string,
    @Body() body: SetSubscriptionsRequest,
  ): Promise<MessageSubscriptionListResponse> {
    assertCustomerScope(actor, id);
    if (!(MESSAGE_TYPES as readonly string[]).includes(messageType))
      throw validationError('UNKNOWN_MESSAGE_TYPE', `messageType: one of ${MESSAGE_TYPES.join(', ')}`, 'messageType');
    const items = await this.resources.setSubscriptions({
      actor,
      customerId: id,
      messageType: messageType as MessageType,
      recipients: body.recipients,
    });
    return { items };
  }

  @Get('customers/:id/contacts')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Who hears about the customer’s resources: creator, collaborators (by role), sub-accounts' })
  @ApiOkResponse({ type: ContactListResponse })
  async contacts(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<ContactListResponse> {
    assertCustomerScope(actor, id);
    return { items: await this.resources.contacts(id) };
  }

  @Post('customers/:id/contacts')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Add a contact with an e-mail address and/or a phone number (SMS)' })
  @ApiCreatedResponse({ type: ContactResponse })
  addContact(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: AddContactRequest,
  ): Promise<ContactResponse> {
    assertCustomerScope(actor, id);
    return this.resources.addContact({ actor, customerId: id, ...body });
  }
}

/** The webhooks remitd sends the platform: outbox, delivery log, replay (docs/webhooks.md). */
@ApiTags('resources')
@ApiBearerAuth()
@ApiErrors()
@Controller('webhook-events')
export class WebhookEventsController {
  constructor(private readonly events: WebhookEventsUseCase) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Webhooks to the platform, oldest first' })
  @ApiPageResponse(WebhookEventResponse)
  async list(@Query() q: WebhookEventsQuery): Promise<Page<WebhookEventResponse>> {
    const after = decodeFieldsCursor('webhook-events', q.cursor, { id: CURSOR_UUID });
    const page = await this.events.page(
      { status: q.status, resourceId: q.resourceId, type: q.type },
      { after: after?.id, limit: q.limit ?? 50 },
    );
    return {
      items: page.items,
      nextCursor: encodeFieldsCursor('webhook-events', page.next ? { id: page.next } : null),
    };
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'One webhook with its delivery log' })
  @ApiOkResponse({ type: WebhookEventDetailResponse })
  get(@UuidParam('id') id: string): Promise<WebhookEventDetailResponse> {
    return this.events.get(id);
  }

  @Post(':id/replay')
  @Roles('super_admin', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Send a webhook again (same event id and body), delivered or given up' })
  @ApiOkResponse({ type: WebhookEventResponse })
  replay(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<WebhookEventResponse> {
    return this.events.replay({ actor, id });
  }
}
