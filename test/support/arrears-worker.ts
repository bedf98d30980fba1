/**
 * One turn of the arrears lifecycle as its own process, for the kill -9 test
 * (test/arrears-kill9.e2e-spec.ts): builds the reconciler's Nest context without schedulers,
 * deducts the pay-per-hour fees and fires the due timers at `now`, printing `done <json>`.
 *
 *   node -r @swc-node/register test/support/arrears-worker.ts '<json {databaseUrl, now}>'
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DeductHourlyFeesUseCase, RunLifecycleUseCase } from '@remitd/arrears';
import { loadConfig } from '@remitd/config';
import { ReconcilerModule } from '../../apps/reconciler/src/reconciler.module';

async function main() {
  const args = JSON.parse(process.argv[2]) as { databaseUrl: string; now: string };
  const config = loadConfig({ DATABASE_URL: args.databaseUrl, REMITD_DATA_DIR: '/tmp/remitd-test-data' });
  const app = await NestFactory.createApplicationContext(ReconcilerModule.forRoot(config, { schedulers: false }), {
    logger: false,
  });
  const now = new Date(args.now);
  const hourly = await app.get(DeductHourlyFeesUseCase).run(now);
  const lifecycle = await app.get(RunLifecycleUseCase).run(now);
  console.log(`done ${JSON.stringify({ hourly, lifecycle })}`);
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
