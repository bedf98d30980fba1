import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The native schema engine cannot be downloaded on locked-down hosts; `prisma generate`
// only checks that the path exists, and migrations run through scripts/migrate.ts (wasm).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, 'node_modules/prisma/build/schema_engine_bg.wasm');

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
});
