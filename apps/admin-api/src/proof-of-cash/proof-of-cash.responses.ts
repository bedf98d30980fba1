import { ApiProperty } from '@nestjs/swagger';

export const PROOF_OF_CASH_DIFFERENCE_KINDS = [
  'not_reconciled',
  'unmatched_queue',
  'debit_not_booked',
  'return',
  'fee_reimbursement',
] as const;

export class ProofOfCashDifferenceResponse {
  @ApiProperty({ enum: PROOF_OF_CASH_DIFFERENCE_KINDS, example: 'unmatched_queue' }) kind!: string;
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty({ nullable: true, type: String, example: 'FED26120100001' }) bankReference!: string | null;
  @ApiProperty({ example: '12.34', description: 'as the bank moved it: credits positive, debits negative' })
  amount!: string;
  @ApiProperty({ example: 'waiting in the unmatched queue (held in suspense)' }) explanation!: string;
}

export class ProofOfCashDayResponse {
  @ApiProperty({ example: '2026-12-01', description: 'the banking day (booking date of the entries)' }) date!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '1845.50' }) bankCredits!: string;
  @ApiProperty({ example: '0.00' }) bankDebits!: string;
  @ApiProperty({ example: '1845.50', description: 'credits − debits the bank booked that day' }) bankMovement!: string;
  @ApiProperty({ nullable: true, type: String, example: '0.00', description: 'the last statement closing on the day' })
  bankOpening!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '1845.50' }) bankClosing!: string | null;
  @ApiProperty({ nullable: true, type: Boolean, example: true, description: 'opening + movement = closing' })
  bankBalanced!: boolean | null;
  @ApiProperty({
    example: '1845.50',
    description: "what the books moved from the bank-clearing account into customers' money for that day's entries",
  })
  ledgerMovement!: string;
  @ApiProperty({ example: true, description: 'bank movement = ledger movement and the bank balances add up' })
  ties!: boolean;
  @ApiProperty({ type: [ProofOfCashDifferenceResponse] }) differences!: ProofOfCashDifferenceResponse[];
}

export class ProofOfCashResponse {
  @ApiProperty({ format: 'uuid' }) collectionAccountId!: string;
  @ApiProperty({ example: '2026-12-01' }) from!: string;
  @ApiProperty({ example: '2026-12-01' }) to!: string;
  @ApiProperty({ type: [ProofOfCashDayResponse], description: 'one per banking day and currency with entries' })
  days!: ProofOfCashDayResponse[];
}
