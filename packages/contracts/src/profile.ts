import { z } from 'zod';
import { PersonName } from './auth.js';
import { TaxonomyKey } from './taxonomy.js';

/** Who may see a profile field. */
export const FieldVisibility = z.enum(['public', 'members', 'private']);
export type FieldVisibility = z.infer<typeof FieldVisibility>;

/** Profile fields whose visibility the member chooses. Name is always shown with publications; e-mail never. */
export const VisibleField = z.enum([
  'placeOfResidence',
  'gender',
  'dateOfBirth',
  'school',
  'professionalRole',
  'teaching',
  'photo',
  'aboutMe',
  'website',
  'socialLinks',
]);
export type VisibleField = z.infer<typeof VisibleField>;

/** Optional fields, stored only with the member's explicit consent per field. */
export const OptionalField = z.enum(['photo', 'aboutMe', 'website', 'socialLinks']);
export type OptionalField = z.infer<typeof OptionalField>;

export const Gender = z.enum(['female', 'male', 'x']);
export type Gender = z.infer<typeof Gender>;

export const ProfessionalRole = z.enum(['teacher', 'principal', 'care-coordinator', 'pedagogical-adviser', 'student-teacher', 'teacher-educator', 'other']);
export type ProfessionalRole = z.infer<typeof ProfessionalRole>;

const IsoDate = z.iso.date({ message: 'Datum als JJJJ-MM-DD / Date as YYYY-MM-DD' });
const HttpUrl = z
  .url({ protocol: /^https?$/, message: 'Een http(s)-adres / An http(s) address' })
  .max(300);
const ShortText = z.string().trim().min(1).max(120);

export const OwnProfile = z.object({
  handle: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  placeOfResidence: z.string().nullable(),
  gender: Gender.nullable(),
  dateOfBirth: z.string().nullable(),
  school: z.string().nullable(),
  professionalRole: ProfessionalRole.nullable(),
  subjects: z.array(z.string()),
  levels: z.array(z.string()),
  aboutMe: z.string().nullable(),
  website: z.string().nullable(),
  socialLinks: z.array(z.string()),
  hasPhoto: z.boolean(),
  /** Current consent per optional field. */
  consents: z.record(OptionalField, z.boolean()),
  visibility: z.record(VisibleField, FieldVisibility),
  locale: z.enum(['nl', 'en']),
});
export type OwnProfile = z.infer<typeof OwnProfile>;

export const UpdateProfileRequest = z.strictObject({
  firstName: PersonName.optional(),
  lastName: PersonName.optional(),
  placeOfResidence: ShortText.nullable().optional(),
  gender: Gender.nullable().optional(),
  dateOfBirth: IsoDate.nullable().optional(),
  school: ShortText.nullable().optional(),
  professionalRole: ProfessionalRole.nullable().optional(),
  subjects: z.array(TaxonomyKey).max(30).optional(),
  levels: z.array(TaxonomyKey).max(30).optional(),
  visibility: z.partialRecord(VisibleField, FieldVisibility).optional(),
  locale: z.enum(['nl', 'en']).optional(),
});
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

/** Setting an optional text field records consent for it; `consent` must be true. */
export const SetOptionalFieldRequest = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('aboutMe'), consent: z.literal(true), value: z.string().trim().min(1).max(2000) }),
  z.strictObject({ field: z.literal('website'), consent: z.literal(true), value: HttpUrl }),
  z.strictObject({ field: z.literal('socialLinks'), consent: z.literal(true), value: z.array(HttpUrl).min(1).max(5) }),
]);
export type SetOptionalFieldRequest = z.infer<typeof SetOptionalFieldRequest>;

export const OptionalFieldParam = z.strictObject({ field: OptionalField });

/** A member as others see them: only the fields their visibility allows for this viewer. */
export const PublicProfile = z.object({
  handle: z.string(),
  displayName: z.string(),
  memberSince: z.iso.datetime(),
  placeOfResidence: z.string().optional(),
  gender: Gender.optional(),
  dateOfBirth: z.string().optional(),
  school: z.string().optional(),
  professionalRole: ProfessionalRole.optional(),
  subjects: z.array(z.string()).optional(),
  levels: z.array(z.string()).optional(),
  aboutMe: z.string().optional(),
  website: z.string().optional(),
  socialLinks: z.array(z.string()).optional(),
  photoUrl: z.string().optional(),
});
export type PublicProfile = z.infer<typeof PublicProfile>;

export const HandleParam = z.strictObject({ handle: z.string().min(1).max(60).regex(/^[a-z0-9-]+$/) });

/** Which usage data the member's public profile shows (KlasCement: "where they choose"). */
export const ProfileUsageSettings = z.strictObject({
  showPublicFolders: z.boolean(),
  showResources: z.boolean(),
  showComments: z.boolean(),
  showFavouritesCount: z.boolean(),
  showFollows: z.boolean(),
});
export type ProfileUsageSettings = z.infer<typeof ProfileUsageSettings>;

export const UpdateProfileUsageSettings = ProfileUsageSettings.partial();
export type UpdateProfileUsageSettings = z.infer<typeof UpdateProfileUsageSettings>;

/** What the profile shows of the member's activity, as far as they allow. */
export const ProfileActivity = z.object({
  favouritesCount: z.number().int().nullable(),
  comments: z
    .array(z.object({ id: z.uuid(), resource: z.object({ id: z.uuid(), title: z.string() }), excerpt: z.string(), createdAt: z.iso.datetime() }))
    .nullable(),
});
export type ProfileActivity = z.infer<typeof ProfileActivity>;
