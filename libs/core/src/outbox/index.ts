export * from './effects';
export * from './outbox-record.entity';
export * from './outbox-relay';
export * from './unit-of-work';
