export * from './domain-error';
export * from './plural';
export * from './processes';
export * from './private-files';
