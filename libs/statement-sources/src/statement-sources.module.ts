import { DynamicModule, Module } from '@nestjs/common';
import type { SourceConfig } from '@remitd/config';
import { StatementsModule, type ParserLimits } from '@remitd/statements';
import { PollStatementSourcesUseCase, sourcesFromConfig, STATEMENT_SOURCES } from './poll-statement-sources.usecase';
import { SourceFileReceiptRepository } from './source-file-receipt.repository';
import type { StatementSource } from './statement-source';

@Module({})
export class StatementSourcesModule {
  static forRoot(opts: {
    dataDir: string;
    sources: readonly SourceConfig[] | StatementSource[];
    limits?: ParserLimits;
  }): DynamicModule {
    const sources =
      opts.sources.length && 'list' in opts.sources[0]
        ? (opts.sources as StatementSource[])
        : sourcesFromConfig(opts.sources as SourceConfig[]);
    return {
      module: StatementSourcesModule,
      imports: [StatementsModule.forRoot({ dataDir: opts.dataDir, limits: opts.limits })],
      providers: [
        { provide: STATEMENT_SOURCES, useValue: sources },
        SourceFileReceiptRepository,
        PollStatementSourcesUseCase,
      ],
      exports: [PollStatementSourcesUseCase, StatementsModule],
    };
  }
}
