import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../http/pagination';

export class AssignStatementAccountRequest {
  @ApiProperty({ description: 'the collection account the statement account belongs to' })
  @IsUUID()
  collectionAccountId!: string;
}

export class RejectStatementFileRequest {
  @ApiProperty({ example: 'account of another company, sent to us by mistake' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class HeldEntriesQuery extends PageQuery {}

export class UnknownAccountView {
  @ApiProperty({ example: 'GB33BUKB20201555555555' }) accountKey!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ description: 'held entries (booked, pending and information)' }) entries!: number;
  @ApiProperty({ description: 'of them booked' }) booked!: number;
  @ApiProperty({ example: '300.00', description: 'booked credits held, decimal string' }) credits!: string;
  @ApiProperty({ example: '0.00', description: 'booked debits held, decimal string' }) debits!: string;
  @ApiProperty({ type: [String], description: 'files the held entries came in' }) fileIds!: string[];
  @ApiProperty() firstSeenAt!: Date;
}

export class UnknownAccountsResponse {
  @ApiProperty({ type: [UnknownAccountView] }) items!: UnknownAccountView[];
}

export class HeldEntryView {
  @ApiProperty() id!: string;
  @ApiProperty() fileId!: string;
  @ApiProperty({ enum: ['CRDT', 'DBIT'] }) direction!: string;
  @ApiProperty({ example: '200.00' }) amount!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ enum: ['BOOK', 'PDNG', 'INFO'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) valueDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) bankReference!: string | null;
  @ApiProperty({ nullable: true, type: String }) remitterName!: string | null;
  @ApiProperty({ nullable: true, type: String }) creditedAccount!: string | null;
  @ApiProperty({ nullable: true, type: String }) remittanceUnstructured!: string | null;
  @ApiProperty({ example: 'Stmt[1]/Ntry[1]' }) location!: string;
}

export class HeldEntriesResponse {
  @ApiProperty({ type: [HeldEntryView] }) items!: HeldEntryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class AssignStatementAccountResponse {
  @ApiProperty() accountKey!: string;
  @ApiProperty() collectionAccountId!: string;
  @ApiProperty({ description: 'held entries now the collection account’s' }) released!: number;
  @ApiProperty({ description: 'of them, booked entries queued for reconciliation' }) queued!: number;
}

export class RejectStatementFileResponse {
  @ApiProperty() fileId!: string;
  @ApiProperty({ description: 'held entries that will never be credited' }) rejected!: number;
  @ApiProperty() reason!: string;
}
