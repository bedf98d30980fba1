import { Test } from '@nestjs/testing';
import type { DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import { PersistenceModule } from '@remitd/persistence';
import { createTestDatabase } from './test-database';

/** A Nest context on a fresh database cloned from the migrated template. */
export async function createTestContext(imports: (Type | DynamicModule)[], poolSize = 10) {
  const db = await createTestDatabase();
  const moduleRef = await Test.createTestingModule({
    imports: [PersistenceModule.forRoot({ url: db.url, poolSize }), ...imports],
  }).compile();
  await moduleRef.init();
  return {
    url: db.url,
    ctx: moduleRef as INestApplicationContext,
    get: <T>(t: Type<T>) => moduleRef.get(t, { strict: false }),
    close: async () => {
      await moduleRef.close();
      await db.drop();
    },
  };
}
