import { ApiProperty } from '@nestjs/swagger';

/**
 * what libs/statements raises (issue 12 item 11 adds duplicate_statement for a re-sent statement),
 * and the daily proof of cash of libs/reconciliation (a closed day that does not tie)
 */
export const ALERT_KINDS = [
  'balance_break',
  'sequence_gap',
  'unbalanced_statement',
  'unknown_collection_account',
  'entry_key_collision',
  'duplicate_statement',
  'proof_of_cash_does_not_tie',
] as const;

export const FILE_STATUSES = ['ingested', 'quarantined', 'duplicate'] as const;

export class DuplicateOfResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['ingested', 'quarantined'] }) status!: string | null;
}

export class StatementFileResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sourceId!: string;
  @ApiProperty({ example: 'camt053-2026-10-02.xml' }) fileName!: string;
  @ApiProperty({ nullable: true, type: String }) sha256!: string | null;
  @ApiProperty({ example: '18234', description: 'bytes (decimal string)' }) size!: string;
  @ApiProperty({ nullable: true, type: String, example: 'camt.053' }) format!: string | null;
  @ApiProperty({ enum: FILE_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String, description: 'why it was quarantined' }) error!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Stmt[1]/Ntry[3]/Amt' }) errorLocation!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the raw copy (a duplicate: the original's)" })
  storedPath!: string | null;
  @ApiProperty() statementCount!: number;
  @ApiProperty() entryCount!: number;
  @ApiProperty({ description: 'entries not seen in an earlier file' }) newEntryCount!: number;
  @ApiProperty({ format: 'date-time' }) receivedAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) processedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) rejectedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) rejectedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectionReason!: string | null;
  @ApiProperty({
    nullable: true,
    type: DuplicateOfResponse,
    description: 'a duplicate (status duplicate): the file received before with the same content',
  })
  duplicateOf!: DuplicateOfResponse | null;
}

export class StatementAlertResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind!: string;
  @ApiProperty() accountKey!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) fileId!: string | null;
  @ApiProperty({ nullable: true, type: String }) statementId!: string | null;
  @ApiProperty() message!: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) details!: unknown;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acknowledgedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgedBy!: string | null;
}
