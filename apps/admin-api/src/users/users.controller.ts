import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ROLES, STAFF, type RoleName } from '@remitd/access';
import type { RemitdConfig } from '@remitd/config';
import { UsersService, userView } from '@remitd/identity';
import type { Actor } from '@remitd/persistence';
import { CurrentActor, Roles } from '../http/auth';
import { REMITD_CONFIG } from '../http/config.token';
import { ApiErrors, ApiPageResponse, UuidParam } from '../http/openapi';
import { decodeCursor, encodeCursor, PageQuery, type Page } from '../http/pagination';
import { SignInLinkResponse, UserResponse } from './users.responses';

export class CreateUserRequest {
  @ApiProperty({ example: 'ada@example.com' }) @IsString() @IsNotEmpty() @MaxLength(320) email!: string;
  @ApiProperty({ example: 'Ada Lovelace' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES as unknown as string[]) role!: RoleName;
  @ApiPropertyOptional({ format: 'uuid', description: 'members only: the customer they belong to' })
  @IsOptional()
  @IsUUID()
  customerId?: string;
  @ApiPropertyOptional({ minLength: 12, description: 'omit to sign in by link (POST /users/{id}/sign-in-link) or SSO' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  password?: string;
  @ApiPropertyOptional({ description: 'admins: may manage unified settlement tasks (seed 001)' })
  @IsOptional()
  @IsBoolean()
  unifiedSettlement?: boolean;
}

@ApiTags('users')
@ApiBearerAuth()
@ApiErrors()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    @Inject(REMITD_CONFIG) private readonly config: RemitdConfig,
  ) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: 'People who sign in to the console, oldest first' })
  @ApiPageResponse(UserResponse)
  async list(@Query() q: PageQuery): Promise<Page<UserResponse>> {
    const page = await this.users.list({ after: decodeCursor('users', q.cursor), limit: q.limit ?? 50 });
    return {
      items: page.items.map((u) => userView(u, this.config.identity)),
      nextCursor: encodeCursor('users', page.next),
    };
  }

  @Post()
  @Roles('super_admin', 'admin')
  @ApiOperation({ summary: 'Create a user (only a super admin creates super admins)' })
  @ApiCreatedResponse({ type: UserResponse })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateUserRequest): Promise<UserResponse> {
    return userView(await this.users.create({ actor, ...body }), this.config.identity);
  }

  @Post(':id/unlock')
  @Roles('super_admin', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift a lockout after failed sign-ins' })
  @ApiOkResponse({ type: UserResponse })
  async unlock(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<UserResponse> {
    return userView(await this.users.unlock(actor, id), this.config.identity);
  }

  @Post(':id/sign-in-link')
  @Roles('super_admin')
  @ApiOperation({ summary: 'A one-time sign-in link for the user (24 h; shown once)' })
  @ApiCreatedResponse({ type: SignInLinkResponse })
  signInLink(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<SignInLinkResponse> {
    return this.users.issueSignInLink(actor, id);
  }
}
