import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { STAFF } from '@remitd/access';
import type { Actor } from '@remitd/persistence';
import { StatementRepository } from '@remitd/statements';
import { CurrentActor, Roles } from '../http/auth';
import { PageQuery } from '../http/pagination';

export class FilesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['ingested', 'quarantined'] })
  @IsOptional()
  @IsIn(['ingested', 'quarantined'])
  status?: string;
}

export class AlertsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'all'], default: 'open' }) @IsOptional() @IsIn(['open', 'all']) show?: string;
}

@ApiTags('statements')
@ApiBearerAuth()
@Controller()
export class StatementsController {
  constructor(private readonly repo: StatementRepository) {}

  @Get('statement-files')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Bank files received, newest first; quarantined ones carry the parser reason' })
  async files(@Query() q: FilesQuery) {
    const limit = q.limit ?? 50;
    const rows = await this.repo.listFiles({ status: q.status }, limit + 1, q.cursor);
    const items = rows.slice(0, limit).map((f) => ({ ...f, size: f.size.toString() }));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].receivedAt.toISOString() : null };
  }

  @Get('statement-alerts')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Continuity breaks (balance, sequence), unbalanced statements, unknown accounts' })
  async alerts(@Query() q: AlertsQuery) {
    return { items: await this.repo.listAlerts(q.show !== 'all', q.limit ?? 50) };
  }

  @Post('statement-alerts/:id/acknowledge')
  @Roles('super_admin', 'admin', 'finance', 'account_manager')
  acknowledge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.repo.acknowledgeAlert(id, actor.id);
  }
}
