export * from './ingest-file.usecase';
export * from './natural-key';
export * from './raw-file-store';
export * from './read-statements';
export * from './statement-events';
export * from './statement.model';
export * from './statement.repository';
export * from './statements.module';
