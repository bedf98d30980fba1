import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Money } from '@remitd/money';
import { UnmatchedQueueRepository, type RemittanceEvent } from '@remitd/reconciliation';
import type { Response } from 'express';

/** A client that has not read this much of its stream is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Server-sent events for the console: one LISTEN connection per admin API process (not one per
 * client), fanned out to every connected client. A `: ping` comment every 15 s keeps proxies and
 * browsers from closing an idle stream. Clients are ended when the app shuts down.
 */
@Injectable()
export class RemittanceEventsHub implements OnApplicationBootstrap, OnModuleDestroy {
  private static readonly logger = new Logger('RemittanceEventsHub');
  static readonly PING_MS = 15_000;

  private readonly clients = new Set<Response>();
  private watcher?: { stop(): Promise<void> };
  private ticker?: NodeJS.Timeout;
  private up = false;
  private waiting: (() => void)[] = [];

  constructor(private readonly repo: UnmatchedQueueRepository) {}

  onApplicationBootstrap(): void {
    this.watcher = this.repo.watchEvents({
      onEvent: (event) => this.broadcast(event),
      onUp: () => {
        this.up = true;
        for (const resolve of this.waiting.splice(0)) resolve();
      },
      onDown: () => {
        this.up = false;
      },
    });
    this.ticker = setInterval(() => this.ping(), RemittanceEventsHub.PING_MS);
    this.ticker.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.ticker);
    for (const resolve of this.waiting.splice(0)) resolve();
    // open streams would keep the HTTP server from closing
    for (const res of this.clients) res.end();
    this.clients.clear();
    await this.watcher?.stop();
  }

  /** Resolves once the LISTEN connection is up (or after `timeoutMs`): events committed after it are heard. */
  listening(timeoutMs = 5_000): Promise<void> {
    if (this.up) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Adds a client whose headers were sent; it is removed when its connection closes. */
  add(res: Response): void {
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** `: ping` to every client (the timer calls it; tests may too). */
  ping(): void {
    this.write(': ping\n\n');
  }

  private broadcast(event: RemittanceEvent): void {
    if (event.type !== 'remittance') return;
    let remittedAmount = event.remittedAmount;
    try {
      remittedAmount = Money.fromStored(event.remittedAmount, event.currency).toString();
    } catch {
      // an amount finer than its currency is shown as stored
    }
    const data = {
      id: event.id,
      kind: event.kind === 'insert' ? 'created' : 'updated',
      state: event.state,
      customerId: event.customerId,
      currency: event.currency,
      remittedAmount,
      ownerId: event.ownerId,
      at: new Date(event.at).toISOString(),
    };
    this.write(`event: remittance\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private write(chunk: string): void {
    for (const res of this.clients) {
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        RemittanceEventsHub.logger.warn('dropping an event-stream client that stopped reading');
        res.destroy();
        this.clients.delete(res);
        continue;
      }
      res.write(chunk);
    }
  }
}
