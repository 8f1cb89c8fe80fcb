import type { FieldVisibility, OptionalField, OwnProfile, PublicProfile, VisibleField } from '@lesplein/contracts/profile';
import type { MemberProfileRow } from './members.repository.js';

/** Privacy by default: nothing is public until the member chooses so. */
export const DEFAULT_VISIBILITY: Record<VisibleField, FieldVisibility> = {
  placeOfResidence: 'private',
  gender: 'private',
  dateOfBirth: 'private',
  school: 'members',
  professionalRole: 'members',
  teaching: 'members',
  photo: 'members',
  aboutMe: 'members',
  website: 'members',
  socialLinks: 'members',
};

export function visibilityOf(stored: unknown): Record<VisibleField, FieldVisibility> {
  const chosen = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<VisibleField, FieldVisibility>>;
  const result = { ...DEFAULT_VISIBILITY };
  for (const key of Object.keys(DEFAULT_VISIBILITY) as VisibleField[]) {
    const value = chosen[key];
    if (value === 'public' || value === 'members' || value === 'private') result[key] = value;
  }
  return result;
}

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export function toOwnProfile(row: MemberProfileRow): OwnProfile {
  const consents: Record<OptionalField, boolean> = {
    photo: row.photoMimeType !== null,
    aboutMe: row.aboutMe !== null,
    website: row.website !== null,
    socialLinks: row.socialLinks.length > 0,
  };
  return {
    handle: row.handle,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    placeOfResidence: row.placeOfResidence,
    gender: row.gender as OwnProfile['gender'],
    dateOfBirth: isoDate(row.dateOfBirth),
    school: row.school,
    professionalRole: row.professionalRole as OwnProfile['professionalRole'],
    subjects: row.subjects.map((s) => s.subjectKey),
    levels: row.levels.map((l) => l.levelKey),
    aboutMe: row.aboutMe,
    website: row.website,
    socialLinks: row.socialLinks,
    hasPhoto: row.photoMimeType !== null,
    consents,
    visibility: visibilityOf(row.fieldVisibility),
    locale: row.locale === 'en' ? 'en' : 'nl',
  };
}

export type Viewer = 'anonymous' | 'member' | 'self';

export function canSee(visibility: FieldVisibility, viewer: Viewer): boolean {
  return viewer === 'self' || visibility === 'public' || (visibility === 'members' && viewer === 'member');
}

/** Only the fields this viewer may see; empty fields are left out. */
export function toPublicProfile(row: MemberProfileRow, viewer: Viewer, photoUrl: string): PublicProfile {
  const visibility = visibilityOf(row.fieldVisibility);
  const show = (field: VisibleField) => canSee(visibility[field], viewer);
  const profile: PublicProfile = {
    handle: row.handle,
    displayName: `${row.firstName} ${row.lastName}`,
    memberSince: row.createdAt.toISOString(),
  };
  if (show('placeOfResidence') && row.placeOfResidence) profile.placeOfResidence = row.placeOfResidence;
  if (show('gender') && row.gender) profile.gender = row.gender as PublicProfile['gender'];
  if (show('dateOfBirth') && row.dateOfBirth) profile.dateOfBirth = isoDate(row.dateOfBirth) ?? undefined;
  if (show('school') && row.school) profile.school = row.school;
  if (show('professionalRole') && row.professionalRole) profile.professionalRole = row.professionalRole as PublicProfile['professionalRole'];
  if (show('teaching')) {
    profile.subjects = row.subjects.map((s) => s.subjectKey);
    profile.levels = row.levels.map((l) => l.levelKey);
  }
  if (show('aboutMe') && row.aboutMe) profile.aboutMe = row.aboutMe;
  if (show('website') && row.website) profile.website = row.website;
  if (show('socialLinks') && row.socialLinks.length > 0) profile.socialLinks = row.socialLinks;
  if (show('photo') && row.photoMimeType) profile.photoUrl = photoUrl;
  return profile;
}
