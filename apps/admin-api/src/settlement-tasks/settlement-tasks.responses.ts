import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@remitd/access';
import { TASK_STATUSES } from './settlement-tasks.dto';

class TaskActor {
  @ApiProperty({ example: 'apikey:…' }) id!: string;
  @ApiProperty({ enum: [...ROLES, 'system'], description: 'system: the reconciler' }) role!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class SettlementTaskSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ST-202611-1A2B3C4D', description: 'write it in the transfer reference' }) reference!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) payerCustomerId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ enum: TASK_STATUSES }) status!: string;
  @ApiProperty({ type: TaskActor }) createdBy!: TaskActor;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: Date | null;
}

class TaskItemResponse {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() customerName!: string;
  @ApiProperty({ example: '2026-09' }) billingCycle!: string;
  @ApiProperty({ description: 'the order the task pays in (1 first)' }) position!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) billId!: string | null;
  @ApiProperty({ type: String, nullable: true }) billReference!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'unsettled' }) billStatus!: string | null;
  @ApiProperty({ example: '120.00' }) consumption!: string;
  @ApiProperty({ example: '120.00' }) toBeRepaid!: string;
  @ApiProperty({ example: '0.00' }) paidByTask!: string;
  @ApiProperty({ description: 'settled by something else meanwhile: it dropped out of the amount' })
  settledOtherwise!: boolean;
}

class TaskTotals {
  @ApiProperty({ example: '360.00' }) consumption!: string;
  @ApiProperty({ example: '360.00' }) toBeRepaid!: string;
  @ApiProperty({ example: '0.00' }) paidByTask!: string;
}

class TaskHistoryEntry {
  @ApiProperty({ type: String, nullable: true, enum: TASK_STATUSES }) from!: string | null;
  @ApiProperty({ enum: TASK_STATUSES }) to!: string;
  @ApiProperty({ type: TaskActor }) actor!: TaskActor;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: Date;
}

export class SettlementTaskResponse extends SettlementTaskSummaryResponse {
  @ApiProperty({ type: [TaskItemResponse] }) items!: TaskItemResponse[];
  @ApiProperty({ type: TaskTotals, description: '"View Total"' }) totals!: TaskTotals;
  @ApiProperty({ type: [TaskHistoryEntry] }) history!: TaskHistoryEntry[];
}

class HeldBy {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty() reference!: string;
}

class CandidateCycle {
  @ApiProperty({ example: '2026-09' }) billingCycle!: string;
  @ApiProperty({ format: 'uuid' }) billId!: string;
  @ApiProperty() billReference!: string;
  @ApiProperty({ example: 'unsettled' }) billStatus!: string;
  @ApiProperty({ example: '120.00' }) consumption!: string;
  @ApiProperty({ example: '120.00' }) toBeRepaid!: string;
  @ApiProperty({ description: 'false: greyed out, another open task holds it' }) selectable!: boolean;
  @ApiProperty({ type: HeldBy, nullable: true }) heldBy!: HeldBy | null;
}

class CandidateAccount {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() customerName!: string;
  @ApiProperty({ type: [CandidateCycle], description: 'cycles descending' }) cycles!: CandidateCycle[];
}

export class SettlementCandidatesResponse {
  @ApiProperty({ format: 'uuid' }) payerCustomerId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: [CandidateAccount], description: 'grouped by account name' }) accounts!: CandidateAccount[];
}

class ExclusiveAccount {
  @ApiProperty() number!: string;
  @ApiProperty({ type: String, nullable: true }) bic!: string | null;
  @ApiProperty() accountHolderName!: string;
  @ApiProperty({ type: String, nullable: true }) bankName!: string | null;
}

export class SettlementTaskPaymentResponse {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: TASK_STATUSES }) status!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '360.00' }) toBeRepaid!: string;
  @ApiProperty({ example: '100.00', description: "the payer's balance now" }) balance!: string;
  @ApiProperty({ example: '260.00', description: 'what the payer must still transfer' }) amountDue!: string;
  @ApiProperty({ type: ExclusiveAccount, nullable: true }) exclusiveAccount!: ExclusiveAccount | null;
  @ApiProperty({ description: 'write it in the transfer: the task it pays' }) paymentReference!: string;
}

export class SettlementTaskDeletedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() deleted!: boolean;
}
