import { Body, Controller, Get, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BillingEntitiesUseCase, BillingEntityRepository } from '@remitd/customers';
import type { Actor } from '@remitd/persistence';
import { CurrentActor, Roles } from '../http/auth';
import { ApiErrors, ApiPageResponse, UuidParam } from '../http/openapi';
import { decodeCursor, encodeCursor, PageQuery } from '../http/pagination';
import { BillingEntityResponse, HolidayCalendarResponse } from './billing-entities.responses';

export class CreateBillingEntityRequest {
  @ApiProperty({ example: 'Example Cloud (Singapore) PTE LTD' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'SG', description: 'ISO 3166-1 alpha-2' })
  @IsString()
  @Length(2, 2)
  country!: string;

  @ApiProperty({ example: 'Asia/Singapore', description: 'IANA time zone' })
  @IsString()
  @IsNotEmpty()
  timeZone!: string;

  @ApiProperty({ type: [String], example: ['USD', 'SGD'] })
  @IsArray()
  @IsString({ each: true })
  @Length(3, 3, { each: true })
  currencies!: string[];

  @ApiPropertyOptional({
    default: true,
    description: 'credit-control customers get an exclusive bank account automatically (seed 002)',
  })
  @IsOptional()
  @IsBoolean()
  offersExclusiveAccounts?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'existing collection accounts the entity owns' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  collectionAccountIds?: string[];
}

export class UpdateBillingEntityRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ example: 'US' }) @IsOptional() @IsString() @Length(2, 2) country?: string;
  @ApiPropertyOptional({ example: 'America/Los_Angeles' }) @IsOptional() @IsString() @IsNotEmpty() timeZone?: string;
  @ApiPropertyOptional({ type: [String], example: ['USD'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @Length(3, 3, { each: true })
  currencies?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() offersExclusiveAccounts?: boolean;
  @ApiPropertyOptional({
    type: [String],
    description: 'the collection accounts the entity owns afterwards (others it owned are released)',
  })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  collectionAccountIds?: string[];
}

export class HolidaysQuery {
  @ApiProperty({ example: 2026, description: 'the calendar year' })
  @Type(() => Number)
  @IsInt()
  @Min(1970)
  @Max(9999)
  year!: number;
}

export class HolidayRequest {
  @ApiProperty({ example: '2026-08-10', format: 'date' }) @IsString() date!: string;
  @ApiProperty({ example: 'National Day (observed)' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
}

export class ReplaceHolidaysRequest {
  @ApiProperty({ type: [HolidayRequest], description: 'the whole calendar of the year; an empty list clears it' })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => HolidayRequest)
  holidays!: HolidayRequest[];
}

const FINANCE = ['super_admin', 'admin', 'finance'] as const;

@ApiTags('billing entities')
@ApiBearerAuth()
@ApiErrors()
@Controller('billing-entities')
export class BillingEntitiesController {
  constructor(
    private readonly entities: BillingEntitiesUseCase,
    private readonly repo: BillingEntityRepository,
  ) {}

  @Post()
  @Roles(...FINANCE)
  @ApiOperation({ summary: "Register one of the provider's contracting entities (seed 002)" })
  @ApiCreatedResponse({ type: BillingEntityResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateBillingEntityRequest): Promise<BillingEntityResponse> {
    return this.entities.create({ actor, ...body });
  }

  @Get()
  @Roles(...FINANCE)
  @ApiOperation({ summary: 'Billing entities, oldest first' })
  @ApiPageResponse(BillingEntityResponse)
  async list(@Query() q: PageQuery) {
    const page = await this.repo.list({ after: decodeCursor('billing-entities', q.cursor), limit: q.limit ?? 50 });
    const items = await Promise.all(page.items.map((e) => this.entities.get(e.id)));
    return { items, nextCursor: encodeCursor('billing-entities', page.next) };
  }

  @Get(':id')
  @Roles(...FINANCE)
  @ApiOperation({ summary: 'A billing entity' })
  @ApiOkResponse({ type: BillingEntityResponse })
  get(@UuidParam('id') id: string): Promise<BillingEntityResponse> {
    return this.entities.get(id);
  }

  @Patch(':id')
  @Roles(...FINANCE)
  @ApiOperation({
    summary: 'Change a billing entity: name, country, time zone, currencies, exclusive accounts, collection accounts',
  })
  @ApiOkResponse({ type: BillingEntityResponse })
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateBillingEntityRequest,
  ): Promise<BillingEntityResponse> {
    return this.entities.update(id, { actor, ...body });
  }

  @Get(':id/holidays')
  @Roles(...FINANCE)
  @ApiOperation({ summary: "The entity's holidays of a year (business-day payment periods skip them)" })
  @ApiOkResponse({ type: HolidayCalendarResponse })
  holidays(@UuidParam('id') id: string, @Query() q: HolidaysQuery): Promise<HolidayCalendarResponse> {
    return this.entities.holidays(id, q.year);
  }

  @Put(':id/holidays')
  @Roles(...FINANCE)
  @ApiOperation({
    summary: "Replace the entity's holiday calendar of a year; bills issued afterwards count business days with it",
  })
  @ApiOkResponse({ type: HolidayCalendarResponse })
  replaceHolidays(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Query() q: HolidaysQuery,
    @Body() body: ReplaceHolidaysRequest,
  ): Promise<HolidayCalendarResponse> {
    return this.entities.replaceHolidays(actor, id, q.year, body.holidays);
  }
}
