import { Module } from '@nestjs/common';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysService } from './api-keys.service';

@Module({ providers: [ApiKeyRepository, ApiKeysService], exports: [ApiKeysService] })
export class AccessModule {}
