import type { AdminMemberView } from '@lesplein/contracts/admin-members';
import type { AdminMemberRow } from './admin-members.repository.js';

/** A member as admins see them when managing roles: no e-mail address. */
export function toAdminMember(row: AdminMemberRow): AdminMemberView {
  return {
    handle: row.handle,
    displayName: `${row.firstName} ${row.lastName}`,
    role: row.role,
    banListRight: row.banListRight,
    status: row.status,
    twoFactorEnabled: row.totpEnabledAt !== null,
  };
}
