import { ApiProperty } from '@nestjs/swagger';

export class BillingEntityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Example Cloud (Singapore) PTE LTD' }) name!: string;
  @ApiProperty({ example: 'SG', description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ example: 'Asia/Singapore', description: 'IANA time zone' }) timeZone!: string;
  @ApiProperty({ type: [String], example: ['USD', 'SGD'], description: 'the currencies its customers are billed in' })
  currencies!: string[];
  @ApiProperty({ description: 'its credit-control customers get an exclusive bank account automatically' })
  offersExclusiveAccounts!: boolean;
  @ApiProperty({ type: [String], description: 'the collection accounts it owns, oldest first' })
  collectionAccountIds!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class HolidayResponse {
  @ApiProperty({ example: '2026-08-10', format: 'date' }) date!: string;
  @ApiProperty({ example: 'National Day (observed)' }) name!: string;
}

export class HolidayCalendarResponse {
  @ApiProperty({ format: 'uuid' }) billingEntityId!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ type: [HolidayResponse], description: 'in date order' }) holidays!: HolidayResponse[];
}
