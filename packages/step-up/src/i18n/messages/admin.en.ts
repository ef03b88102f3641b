/** The admin pages' words, the source catalogue (filled by the admin pages; docs/decisions/040). */
export const adminEn = {} as const;

export type AdminMessages = { readonly [K in keyof typeof adminEn]: string };
