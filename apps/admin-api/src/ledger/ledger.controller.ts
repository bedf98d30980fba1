import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LedgerVerifier } from '@remitd/ledger';
import { Roles } from '../http/auth';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  constructor(private readonly verifier: LedgerVerifier) {}

  @Get('verify')
  @Roles('super_admin', 'admin', 'finance')
  @ApiOperation({ summary: 'Check the ledger invariants: cached balances = sum of postings, journals sum to zero' })
  verify() {
    return this.verifier.verify();
  }
}
