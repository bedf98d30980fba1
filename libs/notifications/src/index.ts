export * from './templates';
export * from './money-format';
export * from './return-reasons';
export * from './channels';
export * from './retry-policy';
export * from './outbox.repository';
export * from './dispatch-notifications.usecase';
export * from './notifications.module';
