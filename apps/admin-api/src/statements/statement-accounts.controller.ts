import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Money } from '@remitd/money';
import { STAFF } from '@remitd/access';
import { validationError } from '@remitd/core';
import type { Actor } from '@remitd/persistence';
import {
  AssignStatementAccountUseCase,
  RejectStatementFileUseCase,
  StatementRepository,
  accountKey as toAccountKey,
} from '@remitd/statements';
import { CurrentActor, Roles } from '../http/auth';
import { AccountParam, ApiErrors, UuidParam } from '../http/openapi';
import { Idempotent } from '../http/idempotency.interceptor';
import { CURSOR_UUID, decodeFieldsCursor, encodeFieldsCursor } from '../http/pagination';
import {
  AssignStatementAccountRequest,
  AssignStatementAccountResponse,
  HeldEntriesQuery,
  HeldEntriesResponse,
  RejectStatementFileRequest,
  RejectStatementFileResponse,
  UnknownAccountsResponse,
} from './statement-accounts.dto';

/** An account as a bank writes it: PostgreSQL text cannot hold NUL, so control characters are a 400, not a 500. */
function statementAccount(account: string): string {
  if (!account.trim() || /[\u0000-\u001f\u007f]/.test(account))
    throw validationError('INVALID_ACCOUNT', 'account: not an account number or IBAN', 'account');
  return account;
}

/** issue 11 item 3: entries of an account that is not ours wait here for finance. */
const FINANCE = ['super_admin', 'admin', 'finance'] as const;

@ApiTags('statements')
@ApiBearerAuth()
@ApiErrors()
@Controller()
export class StatementAccountsController {
  constructor(
    private readonly repo: StatementRepository,
    private readonly assignAccount: AssignStatementAccountUseCase,
    private readonly rejectFile: RejectStatementFileUseCase,
  ) {}

  @Get('statement-accounts/unknown')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Statement accounts that are no collection account, with the entries held for them (not credited)',
  })
  @ApiOkResponse({ type: UnknownAccountsResponse })
  async unknown(): Promise<UnknownAccountsResponse> {
    const rows = await this.repo.unknownAccounts();
    return {
      items: rows.map((r) => ({ ...r, credits: money(r.credits, r.currency), debits: money(r.debits, r.currency) })),
    };
  }

  @Get('statement-accounts/:account/held-entries')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'The entries held for an unknown statement account' })
  @ApiOkResponse({ type: HeldEntriesResponse })
  async held(@AccountParam('account') account: string, @Query() q: HeldEntriesQuery): Promise<HeldEntriesResponse> {
    const limit = q.limit ?? 50;
    const after = decodeFieldsCursor('held-entries', q.cursor, { id: CURSOR_UUID });
    const rows = await this.repo.heldEntries(toAccountKey(statementAccount(account)), limit + 1, after?.id);
    const items = rows.slice(0, limit).map((e) => ({
      id: e.id,
      fileId: e.fileId,
      direction: e.direction,
      amount: money(e.amount.toString(), e.currency),
      currency: e.currency,
      status: e.status,
      valueDate: e.valueDate,
      bankReference: e.bankReference,
      remitterName: e.remitterName,
      creditedAccount: e.creditedAccount,
      remittanceUnstructured: e.remittanceUnstructured,
      location: e.location,
    }));
    return {
      items,
      nextCursor: encodeFieldsCursor('held-entries', rows.length > limit ? { id: items[items.length - 1].id } : null),
    };
  }

  @Post('statement-accounts/:account/assign')
  @Roles(...FINANCE)
  @Idempotent()
  @ApiOperation({
    summary:
      'Assign a statement account to a collection account: its held entries are reconciled like any other, and its later statements are read as that collection account’s',
  })
  @ApiCreatedResponse({ type: AssignStatementAccountResponse })
  assign(
    @CurrentActor() actor: Actor,
    @AccountParam('account') account: string,
    @Body() body: AssignStatementAccountRequest,
  ): Promise<AssignStatementAccountResponse> {
    return this.assignAccount.execute({
      actor,
      account: statementAccount(account),
      collectionAccountId: body.collectionAccountId,
    });
  }

  @Post('statement-files/:id/reject')
  @Roles(...FINANCE)
  @Idempotent()
  @ApiOperation({
    summary: 'Reject a file whose account is not ours: its held entries are never credited (they stay visible)',
  })
  @ApiCreatedResponse({ type: RejectStatementFileResponse })
  reject(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: RejectStatementFileRequest,
  ): Promise<RejectStatementFileResponse> {
    return this.rejectFile.execute({ actor, fileId: id, reason: body.reason });
  }
}

/** In the currency's scale; a bank amount finer than the currency allows is shown as the bank wrote it. */
function money(amount: string, currency: string): string {
  try {
    return Money.fromStored(amount, currency).toString();
  } catch {
    return amount;
  }
}
