export * from './dispatch.jobs';
export * from './entities';
