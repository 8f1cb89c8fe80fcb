import { Injectable } from '@nestjs/common';
import type { AdminMemberPage, AdminMemberView } from '@lesplein/contracts/admin-members';
import type { Role } from '@lesplein/contracts/auth';
import type { Actor } from '../../core/auth/actor.js';
import { AuditLog } from '../../core/audit/audit-log.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../core/errors/domain-error.js';
import { toAdminMember } from './admin-member.mapper.js';
import { AdminMembersRepository } from './admin-members.repository.js';

const encodeCursor = (handle: string) => Buffer.from(handle, 'utf8').toString('base64url');

function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const handle = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z0-9-]{1,60}$/.test(handle)) throw ValidationFailed([{ path: 'cursor', message: 'Ongeldige cursor / Invalid cursor' }]);
  return handle;
}

/**
 * Admins manage roles (docs/moderation.md): find members, make them member, moderator or admin,
 * and give moderators the ban-list right. An admin cannot change their own role and the last
 * active admin cannot be demoted. A role change ends every session of the member, so they sign in
 * again with the new rights (moderators and admins set up 2FA before anything else; the session
 * guard enforces it). Every change is in the logbook.
 */
@Injectable()
export class AdminMembersService {
  constructor(
    private readonly members: AdminMembersRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async search(actor: Actor, query: { query?: string; role?: Role; cursor?: string; limit: number }): Promise<AdminMemberPage> {
    assertAdmin(actor);
    const rows = await this.members.search({ query: query.query ? query.query.toLowerCase() : undefined, role: query.role }, decodeCursor(query.cursor), query.limit + 1);
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return { items: items.map(toAdminMember), nextCursor: rows.length > query.limit && last ? encodeCursor(last.handle) : null };
  }

  async changeRole(actor: Actor, handle: string, role: Role): Promise<AdminMemberView> {
    assertAdmin(actor);
    return this.transactions.run(async (tx) => {
      await this.members.lockRoles(tx);
      // Read again under the lock: an admin demoted a moment ago may no longer change roles.
      if ((await this.members.roleOf(tx, actor.memberId)) !== 'admin') throw Forbidden();
      const target = await this.members.byHandle(handle, tx);
      if (!target) throw NotFound('Member');
      if (target.role === role) return toAdminMember(target);
      if (target.role === 'admin' && (await this.members.countOtherActiveAdmins(tx, target.id)) === 0) {
        throw Conflict('De laatste beheerder blijft beheerder / The last admin cannot be demoted.');
      }
      if (target.id === actor.memberId) throw Forbidden('Je kunt je eigen rol niet wijzigen / You cannot change your own role.');
      const changed = await this.members.setRole(tx, target.id, role);
      const sessionsEnded = await this.members.endSessions(tx, target.id);
      await this.audit.record(tx, {
        actor,
        action: 'member.role_changed',
        targetType: 'member',
        targetId: target.id,
        details: { from: target.role, to: role, sessionsEnded, ...(target.banListRight && !changed.banListRight ? { banListRightRemoved: true } : {}) },
      });
      return toAdminMember(changed);
    });
  }

  /** Gives or takes the ban-list right; only moderators and admins hold it (admins see the list anyway). */
  async setBanListRight(actor: Actor, handle: string, granted: boolean): Promise<AdminMemberView> {
    assertAdmin(actor);
    return this.transactions.run(async (tx) => {
      const target = await this.members.byHandle(handle, tx);
      if (!target) throw NotFound('Member');
      if (target.role === 'member') throw Conflict('Alleen moderatoren en beheerders kunnen dit recht hebben / Only moderators and admins can hold the ban-list right.');
      if (target.banListRight === granted) return toAdminMember(target);
      const changed = await this.members.setBanListRight(tx, target.id, granted);
      await this.audit.record(tx, { actor, action: 'member.ban_list_right_changed', targetType: 'member', targetId: target.id, details: { granted } });
      return toAdminMember(changed);
    });
  }
}

/** The route guard already allows admins only; the service does not rely on it. */
function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw Forbidden();
}
