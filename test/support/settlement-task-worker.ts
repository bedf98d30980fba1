/**
 * One settlement-task scheduler pass as its own process, for the kill -9 test
 * (test/settlement-tasks-kill9.e2e-spec.ts): the reconciler's Nest context without schedulers runs
 * SettleTaskUseCase.pass(), printing `done <json>` when it finishes.
 *
 *   node -r @swc-node/register test/support/settlement-task-worker.ts '<json {databaseUrl}>'
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@remitd/config';
import { SettleTaskUseCase } from '@remitd/settlement-tasks';
import { ReconcilerModule } from '../../apps/reconciler/src/reconciler.module';

async function main() {
  const args = JSON.parse(process.argv[2]) as { databaseUrl: string };
  const config = loadConfig({ DATABASE_URL: args.databaseUrl, REMITD_DATA_DIR: '/tmp/remitd-test-data' });
  const app = await NestFactory.createApplicationContext(ReconcilerModule.forRoot(config, { schedulers: false }), {
    logger: false,
  });
  const result = await app.get(SettleTaskUseCase).pass(10_000);
  console.log(`done ${JSON.stringify(result)}`);
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
