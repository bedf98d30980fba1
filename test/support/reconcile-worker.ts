/**
 * One reconciler replica as a separate process, for crash tests (test/reconciliation-crash.e2e-spec.ts):
 * builds the reconciler's Nest context (no schedulers, no statement sources), reconciles every
 * pending entry with ReconcileEntriesUseCase.drain(batchSize), then sends the outbox with
 * DispatchNotificationsUseCase.execute() until no pending message is left. The test SIGKILLs it
 * at random instants.
 *
 *   node -r @swc-node/register test/support/reconcile-worker.ts '<json WorkerArgs>'
 *
 * E-mails go through FileEmailChannel into `mailDir` (one .eml per dedupe key: a resend replaces
 * the file); every completed send is also appended to `sendLog` (one dedupe key per line), so
 * the test can see resends after crashes. Progress is printed on stdout as `<event> <json>` lines.
 */
import { appendFileSync } from 'node:fs';
import { loadConfig } from '@remitd/config';
import {
  DispatchNotificationsUseCase,
  FileEmailChannel,
  type NotificationChannel,
  type OutboundMessage,
  type SendResult,
} from '@remitd/notifications';
import { PrismaService } from '@remitd/persistence';
import { ReconcileEntriesUseCase } from '@remitd/reconciliation';
import { startReconciler } from '../../apps/reconciler/src/main';

export interface WorkerArgs {
  databaseUrl: string;
  /** the reconciler's data directory (nothing is read from it: no sources) */
  dataDir: string;
  mailDir: string;
  sendLog: string;
  batchSize: number;
  /** batches at once: 1 makes the order of crediting (and so who paid which bill) deterministic */
  concurrency: number;
  /** outbox claim lease: a killed sender's claims come back after this */
  leaseMs: number;
}

/** FileEmailChannel that also records every completed send. */
class RecordingFileChannel implements NotificationChannel {
  readonly name = 'email' as const;
  private readonly inner: FileEmailChannel;

  constructor(
    dir: string,
    private readonly log: string,
  ) {
    this.inner = new FileEmailChannel({ dir, from: 'billing@remitd.test' });
  }

  async send(msg: OutboundMessage): Promise<SendResult> {
    const r = await this.inner.send(msg);
    appendFileSync(this.log, `${msg.dedupeKey}\n`);
    return r;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

const say = (event: string, data: unknown = {}) => process.stdout.write(`${event} ${JSON.stringify(data)}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(args: WorkerArgs): Promise<void> {
  const config = loadConfig({
    DATABASE_URL: args.databaseUrl,
    RECONCILER_PORT: '0',
    REMITD_DATA_DIR: args.dataDir,
    DB_POOL_SIZE: '4',
  });
  const reconciler = await startReconciler(config, {
    logger: false,
    schedulers: false,
    sources: [],
    channels: [new RecordingFileChannel(args.mailDir, args.sendLog)],
  });
  say('ready', { pid: process.pid });

  const reconciled = await reconciler.ctx.get(ReconcileEntriesUseCase).drain(args.batchSize, args.concurrency);
  say('reconciled', reconciled);

  const dispatch = reconciler.ctx.get(DispatchNotificationsUseCase);
  const prisma = reconciler.ctx.get(PrismaService);
  const mail = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  let idleSince = Date.now();
  for (;;) {
    const r = await dispatch.execute(50, args.leaseMs);
    for (const k of Object.keys(mail) as (keyof typeof mail)[]) mail[k] += r[k];
    if (r.claimed > 0) {
      idleSince = Date.now();
      continue;
    }
    // nothing due: done, unless messages leased by a killed replica are still waiting for their lease to run out
    const pending = await prisma.notification.count({ where: { status: 'pending' } });
    if (pending === 0) break;
    if (Date.now() - idleSince > 10 * args.leaseMs + 30_000)
      throw new Error(`${pending} notification(s) stay pending and never become due`);
    await sleep(Math.min(250, args.leaseMs));
  }
  say('dispatched', mail);
  await reconciler.close();
  say('done');
}

main(JSON.parse(process.argv[2] ?? '{}') as WorkerArgs).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`reconcile-worker failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
