/** @hotline/sla: what the hotline knows about time limits. The working calendar is framework-free so any process can use it. */
export * from './calendar';
