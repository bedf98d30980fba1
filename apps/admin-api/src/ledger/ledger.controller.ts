import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LedgerVerifier } from '@remitd/ledger';
import { Roles } from '../http/auth';
import { ApiErrors } from '../http/openapi';
import { LedgerVerifyResponse } from './ledger.responses';

@ApiTags('ledger')
@ApiBearerAuth()
@ApiErrors()
@Controller('ledger')
export class LedgerController {
  constructor(private readonly verifier: LedgerVerifier) {}

  @Get('verify')
  @Roles('super_admin', 'admin', 'finance')
  @ApiOperation({ summary: 'Check the ledger invariants: cached balances = sum of postings, journals sum to zero' })
  @ApiOkResponse({ type: LedgerVerifyResponse })
  verify() {
    return this.verifier.verify();
  }
}
