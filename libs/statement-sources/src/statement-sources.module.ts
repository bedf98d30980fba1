import { DynamicModule, Module } from '@nestjs/common';
import type { SourceConfig } from '@remitd/config';
import { StatementsModule } from '@remitd/statements';
import { PollStatementSourcesUseCase, sourcesFromConfig, STATEMENT_SOURCES } from './poll-statement-sources.usecase';
import type { StatementSource } from './statement-source';

@Module({})
export class StatementSourcesModule {
  static forRoot(opts: { dataDir: string; sources: readonly SourceConfig[] | StatementSource[] }): DynamicModule {
    const sources =
      opts.sources.length && 'list' in opts.sources[0]
        ? (opts.sources as StatementSource[])
        : sourcesFromConfig(opts.sources as SourceConfig[]);
    return {
      module: StatementSourcesModule,
      imports: [StatementsModule.forRoot({ dataDir: opts.dataDir })],
      providers: [{ provide: STATEMENT_SOURCES, useValue: sources }, PollStatementSourcesUseCase],
      exports: [PollStatementSourcesUseCase, StatementsModule],
    };
  }
}
