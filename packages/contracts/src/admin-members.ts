import { z } from 'zod';
import { Role } from './auth.js';

/** Admins: find members by the start of their handle or e-mail address, optionally by role. */
export const AdminMemberQuery = z.strictObject({
  /** Empty means every member. */
  query: z.string().trim().max(100).optional(),
  role: Role.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type AdminMemberQuery = z.infer<typeof AdminMemberQuery>;

/** A member as admins manage roles: no e-mail address. */
export const AdminMemberView = z.object({
  handle: z.string(),
  displayName: z.string(),
  role: Role,
  /** A moderator who may see and edit the ban list (admins always may). */
  banListRight: z.boolean(),
  /** locked: the account is being deleted or its address is on the ban list. */
  status: z.enum(['active', 'locked', 'deletion_pending']),
  twoFactorEnabled: z.boolean(),
});
export type AdminMemberView = z.infer<typeof AdminMemberView>;

export const AdminMemberPage = z.object({ items: z.array(AdminMemberView), nextCursor: z.string().nullable() });
export type AdminMemberPage = z.infer<typeof AdminMemberPage>;

export const ChangeRoleRequest = z.strictObject({ role: Role });
export type ChangeRoleRequest = z.infer<typeof ChangeRoleRequest>;

export const BanListRightRequest = z.strictObject({ granted: z.boolean() });
export type BanListRightRequest = z.infer<typeof BanListRightRequest>;
