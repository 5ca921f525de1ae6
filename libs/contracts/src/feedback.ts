/** Shapes and socket events of the feedback context, shared by server and dashboard. */

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface FeedbackServerEvents {}
