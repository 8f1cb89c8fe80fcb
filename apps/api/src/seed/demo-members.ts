/** Demo accounts seeded on the first start of an empty database (listed in the README). */
export const DEMO_PASSWORD = 'Lesplein-demo-2026';

export const DEMO_MEMBERS = [
  {
    email: 'an.peeters@demo.lesplein.test',
    firstName: 'An',
    lastName: 'Peeters',
    role: 'member' as const,
    profile: { placeOfResidence: 'Gent', school: 'Basisschool De Regenboog', professionalRole: 'teacher' as const, subjects: ['nederlands', 'wiskunde'], levels: ['lager-3', 'lager-4'] },
  },
  {
    email: 'jonas.maes@demo.lesplein.test',
    firstName: 'Jonas',
    lastName: 'Maes',
    role: 'member' as const,
    profile: { placeOfResidence: 'Leuven', school: 'Sint-Pieterscollege', professionalRole: 'teacher' as const, subjects: ['geschiedenis', 'aardrijkskunde'], levels: ['sec-graad-2'] },
  },
  {
    email: 'fatima.elamrani@demo.lesplein.test',
    firstName: 'Fatima',
    lastName: 'El Amrani',
    role: 'member' as const,
    profile: { placeOfResidence: 'Antwerpen', school: 'Atheneum Deurne', professionalRole: 'teacher' as const, subjects: ['nt2', 'frans'], levels: ['okan'] },
  },
  {
    email: 'moderator@demo.lesplein.test',
    firstName: 'Mo',
    lastName: 'Derator',
    role: 'moderator' as const,
    profile: { professionalRole: 'pedagogical-adviser' as const, subjects: [], levels: [] },
  },
  {
    email: 'admin@demo.lesplein.test',
    firstName: 'Ada',
    lastName: 'Beheer',
    role: 'admin' as const,
    profile: { professionalRole: 'other' as const, subjects: [], levels: [] },
  },
];
