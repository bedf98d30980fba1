import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@remitd/persistence';
import { ManageSettlementTasksUseCase, SettlementTaskDocuments, SettlementTaskQueries } from '@remitd/settlement-tasks';
import { CurrentActor, Roles } from '../http/auth';
import { toCsv } from '../http/csv';
import { IdempotencyKey, Idempotent } from '../http/idempotency.interceptor';
import { ApiCsvResponse, ApiErrors, ApiPageResponse, UuidParam } from '../http/openapi';
import { decodeCursor, encodeCursor } from '../http/pagination';
import {
  CandidatesQuery,
  CreateSettlementTaskRequest,
  EditSettlementTaskRequest,
  SettlementTasksQuery,
} from './settlement-tasks.dto';
import {
  SettlementCandidatesResponse,
  SettlementTaskDeletedResponse,
  SettlementTaskPaymentResponse,
  SettlementTaskResponse,
  SettlementTaskSummaryResponse,
} from './settlement-tasks.responses';

/** who may call: the use cases then require super admin, an admin with the permission, or a member for itself */
const TASK_ROLES = ['super_admin', 'admin', 'member'] as const;

/** Unified settlement tasks (seed 001). */
@ApiTags('settlement-tasks')
@ApiBearerAuth()
@ApiErrors()
@Controller('settlement-tasks')
export class SettlementTasksController {
  constructor(
    private readonly manage: ManageSettlementTasksUseCase,
    private readonly queries: SettlementTaskQueries,
    private readonly documents: SettlementTaskDocuments,
  ) {}

  @Get()
  @Roles(...TASK_ROLES)
  @ApiOperation({ summary: 'Settlement tasks, newest first (a member: those it pays)' })
  @ApiPageResponse(SettlementTaskSummaryResponse)
  async list(@CurrentActor() actor: Actor, @Query() q: SettlementTasksQuery) {
    const page = await this.queries.list(
      actor,
      { payerCustomerId: q.payerCustomerId, status: q.status },
      { after: decodeCursor('settlement-tasks', q.cursor), limit: q.limit ?? 50 },
    );
    return { items: page.items, nextCursor: encodeCursor('settlement-tasks', page.next) };
  }

  @Get('candidates')
  @Roles(...TASK_ROLES)
  @ApiOperation({
    summary:
      'The bills a task of this payer may choose (settled and unsettled, issued, from April 2023, not the current month), grouped by account name, cycles descending; a cycle another open task holds is not selectable and names it',
  })
  @ApiOkResponse({ type: SettlementCandidatesResponse })
  candidates(@CurrentActor() actor: Actor, @Query() q: CandidatesQuery): Promise<SettlementCandidatesResponse> {
    return this.queries.candidates(actor, q.payerCustomerId);
  }

  @Post()
  @Roles(...TASK_ROLES)
  @Idempotent()
  @ApiOperation({
    summary:
      'Create a task (a draft, or "Generate and Run" with run=true: the payer’s balance pays at once). 409 CYCLE_IN_ANOTHER_TASK names the task holding a cycle',
  })
  @ApiCreatedResponse({ type: SettlementTaskResponse })
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateSettlementTaskRequest,
    @IdempotencyKey() _key: string,
  ): Promise<SettlementTaskResponse> {
    return this.manage.create({ actor, ...body });
  }

  @Get(':id')
  @Roles(...TASK_ROLES)
  @ApiOperation({ summary: 'A task: its items, totals and status history with actors' })
  @ApiOkResponse({ type: SettlementTaskResponse })
  view(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<SettlementTaskResponse> {
    return this.queries.view(actor, id);
  }

  @Patch(':id')
  @Roles(...TASK_ROLES)
  @ApiOperation({ summary: 'Edit a draft: name, items (in the order given, the order it pays in)' })
  @ApiOkResponse({ type: SettlementTaskResponse })
  edit(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: EditSettlementTaskRequest,
  ): Promise<SettlementTaskResponse> {
    return this.manage.edit({ actor, id, ...body });
  }

  @Delete(':id')
  @Roles(...TASK_ROLES)
  @ApiOperation({ summary: 'Delete a draft, permanently' })
  @ApiOkResponse({ type: SettlementTaskDeletedResponse })
  async delete(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<SettlementTaskDeletedResponse> {
    await this.manage.delete({ actor, id });
    return { id, deleted: true };
  }

  @Post(':id/run')
  @Roles(...TASK_ROLES)
  @Idempotent()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Generate and Run: Draft → Running, paid at once as far as the payer’s balance goes' })
  @ApiOkResponse({ type: SettlementTaskResponse })
  run(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IdempotencyKey() _key: string,
  ): Promise<SettlementTaskResponse> {
    return this.manage.run({ actor, id });
  }

  @Post(':id/enable')
  @Roles(...TASK_ROLES)
  @Idempotent()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Enable: Not Started → Running, paid at once as far as the payer’s balance goes' })
  @ApiOkResponse({ type: SettlementTaskResponse })
  enable(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IdempotencyKey() _key: string,
  ): Promise<SettlementTaskResponse> {
    return this.manage.enable({ actor, id });
  }

  @Post(':id/stop')
  @Roles(...TASK_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Stop: Running or Settling → Not Started; automatic settlement is restored. A settlement in flight is waited for, never cut in half',
  })
  @ApiOkResponse({ type: SettlementTaskResponse })
  stop(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<SettlementTaskResponse> {
    return this.manage.stop({ actor, id });
  }

  @Post(':id/close')
  @Roles(...TASK_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close: Not Started → Closed, final; its cycles may be chosen again' })
  @ApiOkResponse({ type: SettlementTaskResponse })
  close(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<SettlementTaskResponse> {
    return this.manage.close({ actor, id });
  }

  @Get(':id/payment')
  @Roles(...TASK_ROLES)
  @ApiOperation({ summary: '"Make payment": the payer’s exclusive bank account and the amount still due' })
  @ApiOkResponse({ type: SettlementTaskPaymentResponse })
  payment(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<SettlementTaskPaymentResponse> {
    return this.queries.payment(actor, id);
  }

  @Get(':id/export.csv')
  @Roles(...TASK_ROLES)
  @ApiOperation({ summary: 'The task as CSV: accounts, cycles, consumption, to be repaid, paid, status' })
  @ApiCsvResponse()
  async csv(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Res() res: Response) {
    const task = await this.queries.view(actor, id);
    res
      .type('text/csv')
      .attachment(`settlement-task-${task.reference}.csv`)
      .send(
        toCsv(
          [
            'taskReference',
            'taskStatus',
            'account',
            'customerId',
            'billingCycle',
            'billReference',
            'currency',
            'consumption',
            'toBeRepaid',
            'paidByTask',
            'billStatus',
          ],
          task.items.map((i) => ({
            taskReference: task.reference,
            taskStatus: task.status,
            account: i.customerName,
            customerId: i.customerId,
            billingCycle: i.billingCycle,
            billReference: i.billReference ?? '',
            currency: task.currency,
            consumption: i.consumption,
            toBeRepaid: i.toBeRepaid,
            paidByTask: i.paidByTask,
            billStatus: i.billStatus ?? '',
          })),
        ),
      );
  }

  @Get(':id/pdf')
  @Roles(...TASK_ROLES)
  @ApiOperation({ summary: 'The consolidated PDF of the task: every account × cycle, the totals, the stamp and seal' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async consolidatedPdf(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Res() res: Response) {
    const doc = await this.documents.consolidatedPdf(actor, id);
    res
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="settlement-task-${doc.reference}.pdf"`)
      .send(doc.pdf);
  }

  @Get(':id/bills/:billId/pdf')
  @Roles(...TASK_ROLES)
  @ApiOperation({
    summary: 'One monthly bill of the task, stamped "settled by unified settlement task …" (and sealed)',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async billPdf(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('billId') billId: string,
    @Res() res: Response,
  ) {
    const doc = await this.documents.billPdf(actor, id, billId);
    res
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="${doc.reference.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`)
      .send(doc.pdf);
  }
}
