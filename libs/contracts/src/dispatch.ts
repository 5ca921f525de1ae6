/** Shapes and socket events of the dispatch context, shared by server and dashboard. */

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DispatchServerEvents {}
