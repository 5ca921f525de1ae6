/**
 * Messages of the tickets screens, Vietnamese first (the keys), English beside them. Merged into the dashboard's
 * dictionaries by messages.vi.ts / messages.en.ts; a key here must not repeat one from another part.
 */
export const ticketsVi = {} as const;

export const ticketsEn: Record<keyof typeof ticketsVi, string> = {};
