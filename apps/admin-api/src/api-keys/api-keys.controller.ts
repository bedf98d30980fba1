import { Body, Controller, Delete, Get, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID } from 'class-validator';
import { ApiKeysService, ROLES, type RoleName } from '@remitd/access';
import type { Actor } from '@remitd/persistence';
import { CurrentActor, Roles } from '../http/auth';
import { UuidParam } from '../http/openapi';
import { ApiErrors, ApiItemsResponse } from '../http/openapi';
import { ApiKeyResponse, CreatedApiKeyResponse, RevokedApiKeyResponse } from './api-keys.responses';

export class CreateApiKeyRequest {
  @ApiProperty({ example: 'finance team laptop' }) @IsString() @IsNotEmpty() name!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES as unknown as string[]) role!: RoleName;
  @ApiPropertyOptional({ description: 'member keys only: the customer they belong to' })
  @IsOptional()
  @IsUUID()
  customerId?: string;
  @ApiPropertyOptional({ description: 'admins: the unified-settlement permission' })
  @IsOptional()
  @IsBoolean()
  unifiedSettlement?: boolean;
}

@ApiTags('api keys')
@ApiBearerAuth()
@ApiErrors()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @Roles('super_admin')
  @ApiOperation({ summary: 'Create an API key for a role (the key is shown once)' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateApiKeyRequest) {
    return this.keys.create({ actor, ...body });
  }

  @Get()
  @Roles('super_admin')
  @ApiOperation({ summary: 'API keys (never the keys themselves)' })
  @ApiItemsResponse(ApiKeyResponse)
  async list() {
    return { items: await this.keys.list() };
  }

  @Delete(':id')
  @Roles('super_admin')
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiOkResponse({ type: RevokedApiKeyResponse })
  revoke(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    return this.keys.revoke(actor, id);
  }
}
