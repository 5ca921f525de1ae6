export * from './roles';
export * from './errors';
export * from './identity';
export * from './geo';
export * from './realtime';
export * from './pagination';
export * from './phone';
