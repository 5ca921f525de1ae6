/** The feedback context's entities, registered in the one DataSource (libs/core/src/database/entities.ts). */
export const FEEDBACK_ENTITIES: Function[] = [];
