import path from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { AssignStatementAccountUseCase } from './assign-statement-account.usecase';
import { IngestStatementFileUseCase } from './ingest-file.usecase';
import { DEFAULT_PARSER_LIMITS, PARSER_LIMITS, type ParserLimits } from './parser-limits';
import { RawFileStore } from './raw-file-store';
import { RejectStatementFileUseCase } from './reject-statement-file.usecase';
import { StatementRepository } from './statement.repository';

@Module({})
export class StatementsModule {
  static forRoot(opts: { dataDir: string; limits?: ParserLimits }): DynamicModule {
    const providers = [
      { provide: RawFileStore, useValue: new RawFileStore(path.join(opts.dataDir, 'raw')) },
      { provide: PARSER_LIMITS, useValue: opts.limits ?? DEFAULT_PARSER_LIMITS },
      StatementRepository,
      IngestStatementFileUseCase,
      AssignStatementAccountUseCase,
      RejectStatementFileUseCase,
    ];
    return { module: StatementsModule, providers, exports: providers };
  }
}
