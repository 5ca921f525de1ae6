/** The identity context's jobs (payload types + which queue); merged into core's JobMap and the apps' job catalog. */
export interface IdentityJobMap {
  /** Deletes refresh tokens that expired long ago (they are kept a while for reuse detection). */
  'purge-expired-refresh-tokens': Record<string, never>;
}

declare module '@hotline/core' {
  interface JobMap extends IdentityJobMap {}
}

export const IDENTITY_JOB_QUEUE: { readonly [N in keyof IdentityJobMap]: string } = {
  'purge-expired-refresh-tokens': 'maintenance',
};
