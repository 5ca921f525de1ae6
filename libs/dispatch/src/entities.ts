/** The dispatch context's entities, registered in the one DataSource (libs/core/src/database/entities.ts). */
export const DISPATCH_ENTITIES: Function[] = [];
