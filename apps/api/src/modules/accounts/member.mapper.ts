import type { CurrentMember } from '@lesplein/contracts/auth';
import type { MemberProfileRow } from './members.repository.js';

export function toCurrentMember(row: MemberProfileRow): CurrentMember {
  const twoFactorEnabled = row.totpEnabledAt !== null;
  return {
    id: row.id,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    handle: row.handle,
    role: row.role,
    twoFactorEnabled,
    twoFactorSetupRequired: row.role !== 'member' && !twoFactorEnabled,
    banListRight: row.role === 'admin' || (row.role === 'moderator' && row.banListRight),
    locale: row.locale === 'en' ? 'en' : 'nl',
  };
}
