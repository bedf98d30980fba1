import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly prisma: PrismaService) {}

  find(scope: string, key: string) {
    return this.prisma.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
  }
}
