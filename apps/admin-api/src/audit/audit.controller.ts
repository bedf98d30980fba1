import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { AuditRepository } from '@remitd/persistence';
import { Roles } from '../http/auth';
import { decodeCursor, encodeCursor, PageQuery } from '../http/pagination';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() entityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() actor?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @Roles('super_admin', 'admin', 'finance')
  async list(@Query() q: AuditQuery) {
    const cursor = decodeCursor<string>(q.cursor);
    const page = await this.audit.list(q, { cursor: cursor ? BigInt(cursor) : undefined, limit: q.limit ?? 50 });
    return {
      items: page.items.map((r) => ({ ...r, id: r.id.toString() })),
      nextCursor: page.nextCursor ? encodeCursor(page.nextCursor.toString()) : null,
    };
  }
}
