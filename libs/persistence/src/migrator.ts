/**
 * Applies, checks and creates Prisma migrations without Prisma's native schema engine.
 *
 * The Prisma CLI downloads a native engine from outside the npm registry, which locked-down
 * build hosts cannot reach. The same engine ships as WebAssembly on npm; this drives it through
 * the pg driver adapter. The folder layout and the `_prisma_migrations` table are Prisma's own,
 * so hosts with internet can still use `prisma migrate` on the same migrations.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { esmImport } from './esm-import';

/** The repository: three levels up from this file, four from its build in dist/. */
export const REPO_ROOT = (() => {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir))
    if (existsSync(path.join(dir, 'prisma', 'schema.prisma'))) return dir;
  throw new Error(`no prisma/schema.prisma in any folder above ${__dirname}`);
})();
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma', 'migrations');
export const SCHEMA_FILE = path.join(REPO_ROOT, 'prisma', 'schema.prisma');

interface SchemaEngineLike {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diagnoseMigrationHistory(input: unknown): Promise<{
    failedMigrationNames: string[];
    editedMigrationNames: string[];
    hasMigrationsTable: boolean;
    history: null | { diagnostic: string; unappliedMigrationNames?: string[]; unpersistedMigrationNames?: string[] };
  }>;
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
}

type EngineModule = {
  SchemaEngine: { new: (o: unknown, log: (m: string) => void, adapter: object) => Promise<SchemaEngineLike> };
  __wbg_set_wasm(w: unknown): void;
};

// Node has WebAssembly; the DOM lib that types it is not part of this server project.
declare const WebAssembly: {
  instantiate(
    bytes: Buffer,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let enginePromise: Promise<EngineModule> | null = null;

/** The wasm package is an ES module importing its .wasm directly; instantiate it by hand for Node. */
function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const pkgDir = path.join(REPO_ROOT, 'node_modules', '@prisma', 'schema-engine-wasm');
    const bgUrl = 'file://' + path.join(pkgDir, 'schema_engine_bg.js');
    const bg = (await esmImport(bgUrl)) as EngineModule & Record<string, unknown>;
    const bytes = readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return enginePromise;
}

/** adapter-pg cannot decode pg_catalog's "char" (OID 18) that introspection reads; report it as text. */
function patchCharDecoding(adapter: object): void {
  let proto: Record<string, unknown> | null = Object.getPrototypeOf(adapter);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'performIO')) proto = Object.getPrototypeOf(proto);
  if (!proto || (proto as { __charPatched?: boolean }).__charPatched) return;
  const original = proto.performIO as (...a: unknown[]) => Promise<{ fields: { dataTypeID: number }[] }>;
  proto.performIO = async function (this: unknown, ...args: unknown[]) {
    const result = await original.apply(this, args);
    for (const f of result.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
    return result;
  };
  (proto as { __charPatched?: boolean }).__charPatched = true;
}

function poolConfig(url: string, database?: string) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || u.searchParams.get('host') || undefined,
    port: u.port ? Number(u.port) : undefined,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
  };
}

/** The main factory, plus a shadow database we create and drop ourselves (adapter-pg's would reuse the real one). */
function adapterFactory(url: string) {
  const main = new PrismaPg(poolConfig(url));
  const factory = {
    adapterName: main.adapterName,
    provider: main.provider,
    connect: async () => {
      const a = await main.connect();
      patchCharDecoding(a);
      return a;
    },
    connectToShadowDb: async () => {
      const name = `remitd_shadow_${randomUUID().replace(/-/g, '')}`;
      const admin = new Client(poolConfig(url));
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const shadow = await new PrismaPg(poolConfig(url, name)).connect();
      patchCharDecoding(shadow);
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        const c = new Client(poolConfig(url));
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      };
      return shadow;
    },
  };
  return bindMigrationAwareSqlAdapterFactory(factory as never);
}

function migrationsList() {
  const dirs = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((d) => {
      const file = path.join(MIGRATIONS_DIR, d, 'migration.sql');
      return {
        path: d,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok', value: readFileSync(file, 'utf8') }
            : { tag: 'error', value: 'missing migration.sql' },
        },
      };
    }),
  };
}

const FILTERS = { externalTables: [], externalEnums: [] };

async function withEngine<T>(url: string, fn: (e: SchemaEngineLike) => Promise<T>): Promise<T> {
  const mod = await loadEngineModule();
  const schema = readFileSync(SCHEMA_FILE, 'utf8');
  const logs: string[] = [];
  const engine = await mod.SchemaEngine.new(
    { datamodels: [[SCHEMA_FILE, schema]] },
    (m: string) => logs.push(m),
    adapterFactory(url),
  );
  return fn(engine);
}

/** `prisma migrate deploy`: applies every migration not yet applied. Safe to run concurrently (the engine takes an advisory lock). */
export async function migrateDeploy(url: string): Promise<string[]> {
  return withEngine(
    url,
    async (e) =>
      (await e.applyMigrations({ migrationsList: migrationsList(), filters: FILTERS })).appliedMigrationNames,
  );
}

/** `prisma migrate status` */
export async function migrateStatus(url: string) {
  return withEngine(url, (e) =>
    e.diagnoseMigrationHistory({ migrationsList: migrationsList(), optInToShadowDatabase: false, filters: FILTERS }),
  );
}

/** `prisma migrate dev --create-only`: writes the SQL that takes the migrations to schema.prisma. */
export async function migrateCreate(url: string, name: string): Promise<string | null> {
  const schema = readFileSync(SCHEMA_FILE, 'utf8');
  const result = await withEngine(url, (e) =>
    e.diff({
      from: { tag: 'migrations', ...migrationsList() },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_FILE, content: schema }] },
      script: true,
      exitCode: true,
      filters: FILTERS,
    }),
  );
  if (result.exitCode !== 2 || !result.stdout) return null;
  const stamp = new Date()
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name.replace(/[^a-zA-Z0-9_]/g, '_')}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), result.stdout);
  return dir;
}

export function schemaChecksum(): string {
  return createHash('sha256').update(readFileSync(SCHEMA_FILE)).digest('hex');
}
