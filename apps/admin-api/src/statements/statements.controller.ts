import { Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { STAFF } from '@remitd/access';
import type { Actor } from '@remitd/persistence';
import { StatementRepository } from '@remitd/statements';
import { CurrentActor, Roles } from '../http/auth';
import { decodeCursor, encodeCursor, PageQuery } from '../http/pagination';
import { ApiErrors, ApiPageResponse, UuidParam } from '../http/openapi';
import { FILE_STATUSES, StatementAlertResponse, StatementFileResponse } from './statements.responses';

export class FilesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FILE_STATUSES })
  @IsOptional()
  @IsIn(FILE_STATUSES)
  status?: string;
}

export class AlertsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'all'], default: 'open' }) @IsOptional() @IsIn(['open', 'all']) show?: string;
}

@ApiTags('statements')
@ApiBearerAuth()
@ApiErrors()
@Controller()
export class StatementsController {
  constructor(private readonly repo: StatementRepository) {}

  @Get('statement-files')
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      'Bank files received, newest first; quarantined ones carry the parser reason, duplicates (same content as a file received before, not ingested again) name it in duplicateOf',
  })
  @ApiPageResponse(StatementFileResponse)
  async files(@Query() q: FilesQuery) {
    const page = await this.repo.listFiles(
      { status: q.status },
      { after: decodeCursor('statement-files', q.cursor), limit: q.limit ?? 50 },
    );
    return {
      items: page.items.map((f) => ({ ...f, size: f.size.toString() })),
      nextCursor: encodeCursor('statement-files', page.next),
    };
  }

  @Get('statement-alerts')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Continuity breaks (balance, sequence), unbalanced statements, unknown accounts' })
  @ApiPageResponse(StatementAlertResponse)
  async alerts(@Query() q: AlertsQuery) {
    const page = await this.repo.listAlerts(
      { open: q.show !== 'all' },
      { after: decodeCursor('statement-alerts', q.cursor), limit: q.limit ?? 50 },
    );
    return { items: page.items, nextCursor: encodeCursor('statement-alerts', page.next) };
  }

  @Post('statement-alerts/:id/acknowledge')
  @Roles('super_admin', 'admin', 'finance', 'account_manager')
  @ApiOperation({ summary: 'Acknowledge an alert: it leaves the open list (show=all still lists it)' })
  @ApiCreatedResponse({ type: StatementAlertResponse })
  acknowledge(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    return this.repo.acknowledgeAlert(id, actor.id);
  }
}
