export * from './domain-error';
export * from './processes';
export * from './private-files';
