import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import type { Response } from 'express';
import { STAFF } from '@remitd/access';
import { ProofOfCash } from '@remitd/reconciliation';
import { Roles } from '../http/auth';
import { toCsv } from '../http/csv';
import { ApiErrors } from '../http/openapi';
import { ProofOfCashResponse } from './proof-of-cash.responses';

export class ProofOfCashQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() collectionAccountId!: string;
  @ApiProperty({ example: '2026-12-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) from!: string;
  @ApiProperty({ example: '2026-12-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) to!: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: one row per difference (or per day that ties)' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

const CSV_COLUMNS = [
  'date',
  'currency',
  'bankCredits',
  'bankDebits',
  'bankMovement',
  'bankOpening',
  'bankClosing',
  'ledgerMovement',
  'ties',
  'kind',
  'bankReference',
  'amount',
  'explanation',
];

@ApiTags('reconciliation')
@ApiBearerAuth()
@ApiErrors()
@Controller('proof-of-cash')
export class ProofOfCashController {
  constructor(private readonly proof: ProofOfCash) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      "Daily proof of cash of a collection account: per banking day, the bank's booked movement against the bank-clearing ledger account's movement into customers' money; ties or not, every difference listed (JSON, or CSV with format=csv or Accept: text/csv)",
  })
  @ApiOkResponse({ type: ProofOfCashResponse })
  @ApiProduces('application/json', 'text/csv')
  async view(
    @Query() q: ProofOfCashQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProofOfCashResponse | string> {
    const days = await this.proof.execute(q);
    const csv = q.format === 'csv' || (q.format === undefined && /\btext\/csv\b/.test(accept ?? ''));
    if (!csv) return { collectionAccountId: q.collectionAccountId, from: q.from, to: q.to, days };
    res.type('text/csv').attachment(`proof-of-cash-${q.from}-${q.to}.csv`);
    return toCsv(
      CSV_COLUMNS,
      days.flatMap((d) => {
        const day = { ...d, ties: d.ties ? 'ties' : 'does not tie' };
        return d.differences.length === 0 ? [day] : d.differences.map((x) => ({ ...day, ...x }));
      }),
    );
  }
}
