/**
 * Messages of the catalog screens, Vietnamese first (the keys), English beside them. Merged into the dashboard's
 * dictionaries by messages.vi.ts / messages.en.ts; a key here must not repeat one from another part.
 */
export const catalogVi = {} as const;

export const catalogEn: Record<keyof typeof catalogVi, string> = {};
