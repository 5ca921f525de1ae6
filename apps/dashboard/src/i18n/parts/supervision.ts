/**
 * Messages of the supervision screens, Vietnamese first (the keys), English beside them. Merged into the dashboard's
 * dictionaries by messages.vi.ts / messages.en.ts; a key here must not repeat one from another part.
 */
export const supervisionVi = {} as const;

export const supervisionEn: Record<keyof typeof supervisionVi, string> = {};
