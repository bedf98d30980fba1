export * from './audit.repository';
export * from './idempotency.repository';
export * from './persistence.module';
export * from './prisma.service';
export * from './transaction';
export { Prisma } from './generated/prisma/client';
export type * as Models from './generated/prisma/models';
export * from './advisory-lock';
export * from './embedded-postgres';
