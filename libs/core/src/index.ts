export * from './domain-error';
export * from './plural';
