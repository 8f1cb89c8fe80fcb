import { z } from 'zod';

export const EducationLevel = z.object({
  key: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  parentKey: z.string().nullable(),
});
export type EducationLevel = z.infer<typeof EducationLevel>;

export const Subject = z.object({
  key: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  parentKey: z.string().nullable(),
});
export type Subject = z.infer<typeof Subject>;

/** The whole taxonomy, flat lists in display order (children follow their parent). */
export const Taxonomy = z.object({
  levels: z.array(EducationLevel),
  subjects: z.array(Subject),
});
export type Taxonomy = z.infer<typeof Taxonomy>;

export const TaxonomyKey = z.string().trim().min(1).max(60).regex(/^[a-z0-9-]+$/, { message: 'Ongeldige sleutel / Invalid key' });
