export * from './feedback.jobs';
export * from './entities';
