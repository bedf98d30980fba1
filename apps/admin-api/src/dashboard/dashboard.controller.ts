import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { STAFF } from '@remitd/access';
import { DASHBOARD_MAX_DAYS, QueueDashboard } from '@remitd/reconciliation';
import { Roles } from '../http/auth';
import { ApiErrors } from '../http/openapi';
import { DashboardResponse } from './dashboard.responses';
import { LagTolerant } from '../http/read-routing.interceptor';

export class DashboardQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: DASHBOARD_MAX_DAYS, default: 30, description: 'days in the series' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(DASHBOARD_MAX_DAYS)
  days?: number;
}

@ApiTags('dashboard')
@ApiBearerAuth()
@ApiErrors()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: QueueDashboard) {}

  @Get()
  @LagTolerant()
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      'Money in today, matching per day, the unmatched queue per day and the e-mail outbox (days in the configured time zone)',
  })
  @ApiOkResponse({ type: DashboardResponse })
  view(@Query() q: DashboardQuery): Promise<DashboardResponse> {
    return this.dashboard.view(q.days ?? 30);
  }
}
