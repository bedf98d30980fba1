import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import type { SourceConfig } from '@remitd/config';
import {
  DEFAULT_PARSER_LIMITS,
  fileTooLarge,
  IngestStatementFileUseCase,
  PARSER_LIMITS,
  RawFileStore,
  type IngestOutcome,
  type ParserLimits,
} from '@remitd/statements';
import { LocalDirSource } from './local-dir.source';
import { forEachSource } from './poll-sources';
import { SftpSource } from './sftp.source';
import { SourceFileReceiptRepository } from './source-file-receipt.repository';
import type { RemoteFile, StatementSource } from './statement-source';

export const STATEMENT_SOURCES = Symbol('STATEMENT_SOURCES');

export function sourcesFromConfig(configs: readonly SourceConfig[]): StatementSource[] {
  return configs.map((c) =>
    c.type === 'local'
      ? new LocalDirSource({
          id: c.id,
          dir: c.dir,
          pattern: c.pattern ? new RegExp(c.pattern) : undefined,
          settle:
            c.minAgeMs === undefined ? undefined : { minAgeMs: c.minAgeMs, emptyGraceMs: c.emptyGraceMs ?? 600_000 },
        })
      : new SftpSource({
          id: c.id,
          host: c.host,
          port: c.port,
          username: c.username,
          password: c.password,
          privateKey: c.privateKeyPath ? readFileSync(c.privateKeyPath) : undefined,
          hostKeySha256: c.hostKeySha256,
          remoteDir: c.remoteDir,
          pattern: c.pattern ? new RegExp(c.pattern) : undefined,
        }),
  );
}

export interface PolledFile {
  sourceId: string;
  name: string;
  /** `moved`: taken in on an earlier poll whose move failed; only moved this time */
  outcome: IngestOutcome['status'] | 'moved' | 'error';
  detail?: string;
}

/**
 * One poll of every source: each new file is stored (content-addressed) before anything else,
 * ingested exactly once, then moved to processed/ or failed/ on the source. A crash between
 * ingestion and the move is harmless: the next poll sees a duplicate and only moves it.
 * One source's outage does not stop the others.
 */
@Injectable()
export class PollStatementSourcesUseCase implements OnModuleDestroy {
  private readonly logger = new Logger('statement-poll');

  constructor(
    @Inject(STATEMENT_SOURCES) private readonly sources: StatementSource[],
    private readonly raw: RawFileStore,
    private readonly ingest: IngestStatementFileUseCase,
    private readonly receipts: SourceFileReceiptRepository,
    @Optional() @Inject(PARSER_LIMITS) private readonly limits: ParserLimits = DEFAULT_PARSER_LIMITS,
  ) {}

  async execute(): Promise<PolledFile[]> {
    const polled: PolledFile[] = [];
    await forEachSource(
      this.sources,
      async (source) => {
        for (const file of await source.list()) polled.push(await this.one(source, file));
      },
      this.logger,
    );
    return polled;
  }

  private async one(source: StatementSource, file: RemoteFile): Promise<PolledFile> {
    const base = { sourceId: source.id, name: file.name };
    try {
      const refused = await this.refuseBeforeReading(source, file);
      if (refused) return { ...base, ...refused };
      const stored = await this.store(source, file);
      const outcome = await this.ingest.execute({
        sourceId: source.id,
        fileName: file.name,
        storedPath: stored.path,
        sha256: stored.sha256,
        size: stored.size,
      });
      if (outcome.status !== 'busy' && !source.localPath) await this.receipts.remember(file, outcome.fileId);
      switch (outcome.status) {
        case 'ingested':
          await source.markProcessed(file);
          break;
        case 'duplicate':
          this.logger.log(
            `${file.name} is a duplicate of ${outcome.of} (${outcome.previousStatus}); not ingested again`,
          );
          if (outcome.previousStatus === 'quarantined')
            await source.markFailed(file, `duplicate of quarantined file ${outcome.of}`);
          else await source.markProcessed(file);
          break;
        case 'quarantined':
          await source.markFailed(file, outcome.reason);
          break;
        case 'busy':
          break; // another replica is ingesting it
      }
      return {
        ...base,
        outcome: outcome.status,
        detail: outcome.status === 'quarantined' ? outcome.reason : undefined,
      };
    } catch (e) {
      this.logger.error(`${source.id}/${file.name}: ${(e as Error).message}; will retry`);
      return { ...base, outcome: 'error', detail: (e as Error).message };
    }
  }

  /**
   * Before a byte is read: a file larger than the limit goes to failed/ (never downloaded, never
   * on the disk twice); a remote file already taken in (same name, size and mtime) whose move
   * failed on an earlier poll is only moved, not downloaded and hashed again.
   */
  private async refuseBeforeReading(
    source: StatementSource,
    file: RemoteFile,
  ): Promise<Pick<PolledFile, 'outcome' | 'detail'> | null> {
    const tooLarge = fileTooLarge(file.size, this.limits, file.name);
    if (tooLarge) {
      this.logger.warn(`${source.id}/${tooLarge.message}`);
      await source.markFailed(file, tooLarge.message);
      return { outcome: 'quarantined', detail: tooLarge.message };
    }
    if (source.localPath) return null; // claimed into the work folder: hashing it again is cheap and exact
    const receipt = await this.receipts.find(file);
    if (!receipt) return null;
    if (receipt.status === 'quarantined') await source.markFailed(file, receipt.error ?? 'quarantined');
    else await source.markProcessed(file);
    this.logger.log(`${source.id}/${file.name} was taken in before (${receipt.status}); moved, not downloaded again`);
    return { outcome: 'moved', detail: `already ${receipt.status} as file ${receipt.fileId}` };
  }

  /** The raw copy first, never the whole file in memory where the source can stream. */
  private async store(source: StatementSource, file: RemoteFile) {
    if (source.localPath) return this.raw.putFile(source.localPath(file));
    if (source.downloadTo) {
      const tmp = await this.raw.tempPath();
      await source.downloadTo(file, tmp);
      return this.raw.adopt(tmp);
    }
    return this.raw.putBuffer(await source.download(file));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.sources.map((s) => s.close().catch(() => undefined)));
  }
}
