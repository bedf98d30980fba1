import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsNotEmpty, IsOptional, IsString, Length } from 'class-validator';
import { STAFF } from '@remitd/access';
import { CreateCollectionAccountUseCase, VirtualAccountRepository } from '@remitd/customers';
import type { Actor } from '@remitd/persistence';
import { CurrentActor, Roles } from '../http/auth';
import { ApiErrors, ApiItemsResponse } from '../http/openapi';
import { CollectionAccountResponse } from './collection-accounts.responses';

export class CreateCollectionAccountRequest {
  @ApiProperty({ example: 'Main USD collection account' }) @IsString() @IsNotEmpty() name!: string;
  @ApiPropertyOptional({ example: 'DE89370400440532013000' }) @IsOptional() @IsString() iban?: string;
  @ApiPropertyOptional({ example: '0532013000', description: 'required without an IBAN (e.g. a US account)' })
  @IsOptional()
  @IsString()
  accountNumber?: string;
  @ApiPropertyOptional({ example: 'COBADEFFXXX' }) @IsOptional() @IsString() bic?: string;
  @ApiPropertyOptional({
    example: '021000021',
    description: 'US ABA routing number for ACH (9 digits, ABA checksum validated)',
  })
  @IsOptional()
  @IsString()
  routingNumber?: string;
  @ApiPropertyOptional({
    example: 'Example Cloud GmbH',
    description: 'the legal name customers write as beneficiary; defaults to the provider name',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  accountHolderName?: string;
  @ApiPropertyOptional({ example: 'Commerzbank AG', description: 'the bank customers send transfers to' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  bankName?: string;
  @ApiProperty({ example: ['USD', 'EUR'] })
  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  @Length(3, 3, { each: true })
  currencies!: string[];
}

@ApiTags('collection accounts')
@ApiBearerAuth()
@ApiErrors()
@Controller('collection-accounts')
export class CollectionAccountsController {
  constructor(
    private readonly create: CreateCollectionAccountUseCase,
    private readonly repo: VirtualAccountRepository,
  ) {}

  @Post()
  @Roles('super_admin', 'admin')
  @ApiOperation({ summary: 'Register a bank account that receives transfers; virtual accounts are numbered under it' })
  @ApiCreatedResponse({ type: CollectionAccountResponse })
  createAccount(@CurrentActor() actor: Actor, @Body() body: CreateCollectionAccountRequest) {
    return this.create.execute({ actor, ...body }).then(serialize);
  }

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Collection accounts' })
  @ApiItemsResponse(CollectionAccountResponse)
  async list() {
    return { items: (await this.repo.listCollectionAccounts()).map(serialize) };
  }
}

function serialize<T extends { nextSerial: bigint }>(row: T) {
  const { nextSerial, ...rest } = row;
  return { ...rest, virtualAccountsAllocated: (nextSerial - 1n).toString() };
}
