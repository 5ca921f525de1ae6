/**
 * Messages of the public screens, Vietnamese first (the keys), English beside them. Merged into the dashboard's
 * dictionaries by messages.vi.ts / messages.en.ts; a key here must not repeat one from another part.
 */
export const publicVi = {} as const;

export const publicEn: Record<keyof typeof publicVi, string> = {};
