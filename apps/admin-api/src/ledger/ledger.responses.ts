import { ApiProperty } from '@nestjs/swagger';

export class BalanceMismatch {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ example: 'customer:…:cash:EUR' }) code!: string;
  @ApiProperty({ example: '100.00' }) cached!: string;
  @ApiProperty({ example: '90.00' }) sumOfPostings!: string;
}

export class UnbalancedJournal {
  @ApiProperty({ format: 'uuid' }) journalEntryId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '0.01' }) total!: string;
}

export class LedgerVerifyResponse {
  @ApiProperty({ description: 'true when every invariant holds' }) ok!: boolean;
  @ApiProperty({ type: [BalanceMismatch] }) balanceMismatches!: BalanceMismatch[];
  @ApiProperty({ type: [UnbalancedJournal] }) unbalancedJournals!: UnbalancedJournal[];
  @ApiProperty() postingCurrencyMismatches!: number;
  @ApiProperty() orphanPostings!: number;
}
