import { ApiProperty } from '@nestjs/swagger';

export class InflowResponse {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '12500.00', description: 'remitted amounts received today' }) amount!: string;
  @ApiProperty({ example: 14 }) count!: number;
}

export class MatchingDayResponse {
  @ApiProperty({ example: '2026-12-01', description: 'a calendar day in the time zone' }) day!: string;
  @ApiProperty({ example: 40, description: 'arrived that day and credited by a rule' }) automatic!: number;
  @ApiProperty({ example: 3, description: 'arrived that day and resolved by a person (assign, split, return)' })
  manual!: number;
  @ApiProperty({ example: 2, description: 'arrived that day and still unmatched' }) unmatched!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 0.8889,
    description: 'automatic / all that arrived, 0 to 1; null when none arrived',
  })
  rate!: number | null;
}

export class QueueDayResponse {
  @ApiProperty({ example: '2026-12-01' }) day!: string;
  @ApiProperty({ example: 12, description: 'items in the unmatched queue at the end of the day (now, for today)' })
  open!: number;
  @ApiProperty({ nullable: true, type: Number, example: 9, description: 'whole days the oldest of them had waited' })
  oldestAgeDays!: number | null;
}

export class EmailCountsResponse {
  @ApiProperty({ example: 2 }) pending!: number;
  @ApiProperty({ example: 0 }) failed!: number;
  @ApiProperty({ example: 31 }) sentToday!: number;
}

export class DashboardResponse {
  @ApiProperty({ example: 'Europe/Berlin', description: 'the time zone the days are in' }) timeZone!: string;
  @ApiProperty({ type: [InflowResponse] }) inflowToday!: InflowResponse[];
  @ApiProperty({ type: [MatchingDayResponse], description: 'oldest day first' }) matching!: MatchingDayResponse[];
  @ApiProperty({ type: [QueueDayResponse], description: 'oldest day first' }) queue!: QueueDayResponse[];
  @ApiProperty({ type: EmailCountsResponse }) emails!: EmailCountsResponse;
}
