export * from './sla-clock';
