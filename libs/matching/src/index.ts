export * from './fee';
export * from './match-rules';
