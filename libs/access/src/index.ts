export * from './access.errors';
export * from './access.module';
export * from './api-keys.service';
export * from './approval-request.repository';
export * from './approvals.module';
export * from './approvals.service';
export * from './roles';
