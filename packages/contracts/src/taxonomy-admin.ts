import { z } from 'zod';
import { TaxonomyKey } from './taxonomy.js';

const Name = z.string().trim().min(1).max(120);
const Position = z.number().int().min(0).max(100_000);

export const NewSubject = z.strictObject({ key: TaxonomyKey, nameNl: Name, nameEn: Name, parentKey: TaxonomyKey.nullable().default(null), position: Position.optional() });
export type NewSubject = z.input<typeof NewSubject>;

export const SubjectChanges = z
  .strictObject({ nameNl: Name, nameEn: Name, parentKey: TaxonomyKey.nullable(), position: Position })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'Niets te wijzigen / Nothing to change');
export type SubjectChanges = z.infer<typeof SubjectChanges>;

const Ages = { minAge: z.number().int().min(0).max(120), maxAge: z.number().int().min(0).max(120) };

export const NewLevel = z
  .strictObject({ key: TaxonomyKey, nameNl: Name, nameEn: Name, ...Ages, parentKey: TaxonomyKey.nullable().default(null), position: Position.optional() })
  .refine((value) => value.minAge <= value.maxAge, { path: ['maxAge'], message: 'Minstens de minimumleeftijd / At least the minimum age' });
export type NewLevel = z.input<typeof NewLevel>;

export const LevelChanges = z
  .strictObject({ nameNl: Name, nameEn: Name, ...Ages, parentKey: TaxonomyKey.nullable(), position: Position })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'Niets te wijzigen / Nothing to change')
  .refine((value) => value.minAge === undefined || value.maxAge === undefined || value.minAge <= value.maxAge, { path: ['maxAge'], message: 'Minstens de minimumleeftijd / At least the minimum age' });
export type LevelChanges = z.infer<typeof LevelChanges>;

/** Search synonym groups: each group's terms are searched as one another (e.g. "BaO", "basisonderwijs"). */
export const SynonymGroups = z.strictObject({
  groups: z
    .array(z.array(z.string().trim().toLowerCase().min(1).max(60)).min(2).max(20))
    .max(500),
});
export type SynonymGroups = z.infer<typeof SynonymGroups>;
