export * from './access.module';
export * from './api-keys.service';
export * from './roles';
