import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { AuditRepository } from '@remitd/persistence';
import { Roles } from '../http/auth';
import { decodeSequenceCursor, encodeSequenceCursor, PageQuery } from '../http/pagination';
import { ApiErrors, ApiPageResponse } from '../http/openapi';
import { AuditEntryResponse } from './audit.responses';
import { LagTolerant } from '../http/read-routing.interceptor';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() entityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() actor?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@ApiErrors()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @LagTolerant()
  @Roles('super_admin', 'admin', 'finance')
  @ApiOperation({ summary: 'The audit log, newest first: every state change, who made it and what changed' })
  @ApiPageResponse(AuditEntryResponse)
  async list(@Query() q: AuditQuery) {
    const page = await this.audit.list(q, {
      cursor: decodeSequenceCursor('audit-log', q.cursor),
      limit: q.limit ?? 50,
    });
    return {
      items: page.items.map((r) => ({ ...r, id: r.id.toString() })),
      nextCursor: encodeSequenceCursor('audit-log', page.nextCursor),
    };
  }
}
