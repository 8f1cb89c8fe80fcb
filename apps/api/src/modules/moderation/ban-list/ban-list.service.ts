import { Injectable } from '@nestjs/common';
import type { AddBanEntryRequest, BanEntryAdded, BanEntryAddress, BanEntryPage } from '@lesplein/contracts/ban-list';
import type { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { AuditLog } from '../../../core/audit/audit-log.js';
import { Keys } from '../../../core/crypto/keys.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../../core/errors/domain-error.js';
import { decodeCursor, pageOf } from '../../../core/pagination/cursor.js';
import { ConsentWithdrawalService } from '../../partners/consent/consent-withdrawal.service.js';
import { BAN_LIST_SEAL_PURPOSE, banHashesOf, hashForms } from './ban-hashes.js';
import { toBanEntryView } from './ban-entry.mapper.js';
import { BanListRepository } from './ban-list.repository.js';
import { canonicalLookup, emailForms } from './canonical-email.js';

/** A validated request to add an entry (the address NFKC-normalised and trimmed by the contract). */
export type NewBanEntry = z.output<typeof AddBanEntryRequest>;

const NOT_AN_ADDRESS = 'Geen bruikbaar e-mailadres / Not a usable e-mail address';

/**
 * The ban list (docs/moderation.md): keyed hashes of the exact and the canonical form of banned
 * addresses, and the address itself (encrypted) only when the moderator keeps it. Only admins and
 * moderators with the ban-list right see or change it; every change and every read of an address
 * is in the logbook, which holds ids only. Adding an address that an account has (exact or
 * canonical) locks that account at once: sessions ended, partner consents withdrawn. Removing an
 * entry does not unlock an account: that is a separate decision by an admin.
 */
@Injectable()
export class BanListService {
  constructor(
    private readonly entries: BanListRepository,
    private readonly transactions: TransactionRunner,
    private readonly withdrawals: ConsentWithdrawalService,
    private readonly keys: Keys,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor, query: { cursor?: string; limit: number }): Promise<BanEntryPage> {
    await this.assertBanListRight(actor);
    const rows = await this.entries.page(decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return { items: page.items.map(toBanEntryView), nextCursor: page.nextCursor };
  }

  /** The kept address of an entry; every read is recorded before the address is returned. */
  async readAddress(actor: Actor, id: string): Promise<BanEntryAddress> {
    await this.assertBanListRight(actor);
    const entry = await this.entries.byId(id);
    if (!entry?.sealedEmail) throw NotFound('Address');
    await this.audit.recordNow({ actor, action: 'ban_list.address_read', targetType: 'ban_entry', targetId: entry.id });
    return { address: this.keys.decrypt(BAN_LIST_SEAL_PURPOSE, entry.sealedEmail) };
  }

  /**
   * Adds an address. The same exact address twice is a conflict (409): the first entry stands.
   * Accounts with the address (exact or canonical form) are locked in the same transaction as
   * the entry; an address of a moderator or admin is refused (409) until an admin changes their
   * role, so the list cannot lock out the platform's own staff.
   */
  async add(actor: Actor, input: NewBanEntry): Promise<BanEntryAdded> {
    await this.assertBanListRight(actor);
    const forms = emailForms(input.email);
    if (!forms) throw ValidationFailed([{ path: 'email', message: NOT_AN_ADDRESS }]);
    const hashes = hashForms(this.keys, forms);
    const sealedEmail = input.keepAddress ? this.keys.encrypt(BAN_LIST_SEAL_PURPOSE, forms.exact) : null;

    const { entry, locked } = await this.transactions.run(async (tx) => {
      const created = await this.entries.create(tx, { ...hashes, sealedEmail, reason: input.reason, addedById: actor.memberId });
      if (!created) throw Conflict('Dit adres staat al op de banlijst / This address is already on the ban list.');
      const candidates = await this.entries.lockCandidates(tx, canonicalLookup(forms), forms.exact);
      const matched = candidates.filter((candidate) => {
        const theirs = emailForms(candidate.email);
        return theirs !== null && (theirs.exact === forms.exact || theirs.canonical === forms.canonical);
      });
      if (matched.some((member) => member.role !== 'member')) {
        throw Conflict('Dit adres hoort bij een moderator of beheerder; een beheerder wijzigt eerst de rol / This address belongs to a moderator or admin: an admin changes their role first.');
      }
      const memberIds = matched.map((member) => member.id);
      await this.entries.lockAccounts(tx, memberIds);
      await this.audit.record(tx, {
        actor,
        action: 'ban_list.entry_added',
        targetType: 'ban_entry',
        targetId: created.id,
        details: { accountMatched: memberIds.length > 0, accountsLocked: memberIds.length, addressKept: input.keepAddress },
      });
      for (const memberId of memberIds) {
        await this.audit.record(tx, { actor, action: 'member.locked_by_ban', targetType: 'member', targetId: memberId, details: { banEntryId: created.id } });
      }
      return { entry: created, locked: memberIds };
    });

    // The accounts are locked already (the partner API and the provider serve active members only);
    // this ends their partner authorisations for good, each withdrawal in its own transaction.
    for (const memberId of locked) await this.withdrawals.withdrawAllForMember(memberId, 'admin', actor.memberId);
    return { entry: toBanEntryView(entry), accountsLocked: locked.length };
  }

  /**
   * Undoes a ban decision overturned on appeal: removes the entries the member's address matches
   * and unlocks the account. Called by moderation decisions, not by the ban-list page.
   */
  async liftForMember(actor: Actor, member: { id: string; email: string }): Promise<void> {
    const hashes = banHashesOf(this.keys, member.email);
    await this.transactions.run(async (tx) => {
      const removed = hashes ? await this.entries.deleteMatching(tx, hashes) : [];
      await this.entries.unlock(tx, member.id);
      for (const id of removed) await this.audit.record(tx, { actor, action: 'ban_list.entry_removed', targetType: 'ban_entry', targetId: id, details: { reason: 'appeal overturned' } });
      await this.audit.record(tx, { actor, action: 'member.unlocked', targetType: 'member', targetId: member.id });
    });
  }

  /** Removes an entry. Accounts it locked stay locked: unlocking is a separate admin decision. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.assertBanListRight(actor);
    await this.transactions.run(async (tx) => {
      if (!(await this.entries.delete(tx, id))) throw NotFound('Ban entry');
      await this.audit.record(tx, { actor, action: 'ban_list.entry_removed', targetType: 'ban_entry', targetId: id });
    });
  }

  /** Admins always; moderators only with the ban-list right (read from the database at each call). */
  private async assertBanListRight(actor: Actor): Promise<void> {
    if (actor.role === 'admin') return;
    if (actor.role === 'moderator' && (await this.entries.hasBanListRight(actor.memberId))) return;
    throw Forbidden('Je hebt geen toegang tot de banlijst / You have no access to the ban list.');
  }
}
