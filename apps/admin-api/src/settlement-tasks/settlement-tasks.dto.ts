import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../http/pagination';

export const TASK_STATUSES = ['draft', 'running', 'settling', 'not_started', 'closed', 'completed'] as const;

export class TaskItemRequest {
  @ApiProperty({ format: 'uuid', description: 'the account whose bill of that cycle the task settles' })
  @IsUUID()
  customerId!: string;
  @ApiProperty({ example: '2026-09' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'billingCycle must look like 2026-09' })
  billingCycle!: string;
}

export class CreateSettlementTaskRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "the account whose balance pays (its creator's account); a member's key: its own, the default",
  })
  @IsOptional()
  @IsUUID()
  payerCustomerId?: string;
  @ApiPropertyOptional({ example: 'October consolidated settlement' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
  @ApiProperty({ type: [TaskItemRequest], description: 'accounts × billing cycles (at most three cycles)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => TaskItemRequest)
  items!: TaskItemRequest[];
  @ApiPropertyOptional({ description: '"Generate and Run Settlement Bill" at once (default: save as draft)' })
  @IsOptional()
  @IsBoolean()
  run?: boolean;
}

export class EditSettlementTaskRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ type: [TaskItemRequest], description: 'the items in the order they are paid' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => TaskItemRequest)
  items?: TaskItemRequest[];
}

export class SettlementTasksQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  payerCustomerId?: string;
  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: string;
}

export class CandidatesQuery {
  @ApiProperty({ format: 'uuid', description: 'the account whose balance would pay' })
  @IsUUID()
  payerCustomerId!: string;
}
