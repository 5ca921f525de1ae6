/** @hotline/sla: what the hotline knows about time limits. The working calendar and the SLA clock are framework-free. */
export * from './calendar';
export * from './engine';
export * from './persistence';
export * from './sla.module';
