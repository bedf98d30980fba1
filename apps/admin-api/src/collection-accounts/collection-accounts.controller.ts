import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsNotEmpty, IsOptional, IsString, Length } from 'class-validator';
import { STAFF } from '@remitd/access';
import { CreateCollectionAccountUseCase, VirtualAccountRepository } from '@remitd/customers';
import type { Actor } from '@remitd/persistence';
import { CurrentActor, Roles } from '../http/auth';

export class CreateCollectionAccountRequest {
  @ApiProperty({ example: 'Main USD collection account' }) @IsString() @IsNotEmpty() name!: string;
  @ApiPropertyOptional({ example: 'DE89370400440532013000' }) @IsOptional() @IsString() iban?: string;
  @ApiPropertyOptional({ example: '0532013000', description: 'required without an IBAN (e.g. a US account)' })
  @IsOptional()
  @IsString()
  accountNumber?: string;
  @ApiPropertyOptional({ example: 'COBADEFFXXX' }) @IsOptional() @IsString() bic?: string;
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
@Controller('collection-accounts')
export class CollectionAccountsController {
  constructor(
    private readonly create: CreateCollectionAccountUseCase,
    private readonly repo: VirtualAccountRepository,
  ) {}

  @Post()
  @Roles('super_admin', 'admin')
  createAccount(@CurrentActor() actor: Actor, @Body() body: CreateCollectionAccountRequest) {
    return this.create.execute({ actor, ...body }).then(serialize);
  }

  @Get()
  @Roles(...STAFF)
  async list() {
    return { items: (await this.repo.listCollectionAccounts()).map(serialize) };
  }
}

function serialize<T extends { nextSerial: bigint }>(row: T) {
  const { nextSerial, ...rest } = row;
  return { ...rest, virtualAccountsAllocated: (nextSerial - 1n).toString() };
}
