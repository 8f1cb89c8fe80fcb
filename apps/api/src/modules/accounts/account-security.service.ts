import { Inject, Injectable } from '@nestjs/common';
import { ProblemCode } from '@lesplein/contracts/common';
import type { LoginHistory, SessionList } from '@lesplein/contracts/security';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import type { Actor } from '../../core/auth/actor.js';
import { SessionsRepository } from '../../core/auth/sessions.repository.js';
import { Keys, randomToken, tokenHash } from '../../core/crypto/keys.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { DomainError, NotFound } from '../../core/errors/domain-error.js';
import { AuditLog } from '../../core/audit/audit-log.js';
import { Mailer } from '../../core/mail/mailer.service.js';
import { addressIsBanned } from '../moderation/ban-list/ban-hashes.js';
import { AccountMails } from './account-mails.js';
import { EmailTokensRepository } from './email-tokens.repository.js';
import { LoginLogRepository } from './login-log.repository.js';
import { MembersRepository } from './members.repository.js';
import { Passwords } from './passwords.js';
import { wrongPassword } from './two-factor.service.js';

const CHANGE_EMAIL_HOURS = 24;

/** What a member does on the security page: sessions, history, password and e-mail changes. */
@Injectable()
export class AccountSecurityService {
  constructor(
    private readonly members: MembersRepository,
    private readonly sessions: SessionsRepository,
    private readonly loginLog: LoginLogRepository,
    private readonly tokens: EmailTokensRepository,
    private readonly passwords: Passwords,
    private readonly mailer: Mailer,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly keys: Keys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listSessions(actor: Actor): Promise<SessionList> {
    const rows = await this.sessions.listForMember(actor.memberId);
    return {
      items: rows.map((row) => ({
        id: row.id,
        createdAt: row.createdAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
        ipPrefix: row.ipPrefix,
        userAgent: row.userAgent,
        current: row.id === actor.sessionId,
      })),
    };
  }

  /** Ends one of the member's own sessions; another member's session id is simply not found. */
  async endSession(actor: Actor, sessionId: string): Promise<void> {
    if ((await this.sessions.deleteForMember(actor.memberId, sessionId)) === 0) throw NotFound('Session');
  }

  async signOutOthers(actor: Actor): Promise<number> {
    return this.sessions.deleteAllForMember(undefined, actor.memberId, actor.sessionId);
  }

  async loginHistory(actor: Actor): Promise<LoginHistory> {
    const since = new Date(Date.now() - this.config.loginHistoryRetentionDays * 24 * 3600 * 1000);
    const rows = await this.loginLog.listHistory(actor.memberId, since);
    return { items: rows.map((row) => ({ at: row.at.toISOString(), ipPrefix: row.ipPrefix, userAgent: row.userAgent })), retentionDays: this.config.loginHistoryRetentionDays };
  }

  /** Changes the password, keeps this session, ends the others and tells the member by e-mail. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const member = await this.members.findCredentialsById(actor.memberId);
    if (!member) throw NotFound('Member');
    if (!(await this.passwords.verify(member.passwordHash, currentPassword))) throw wrongPassword('currentPassword');
    this.passwords.assertAcceptable(newPassword, 'newPassword');
    const passwordHash = await this.passwords.hash(newPassword);
    await this.tx.run(async (tx) => {
      await this.members.setPassword(tx, member.id, passwordHash);
      await this.sessions.deleteAllForMember(tx, member.id, actor.sessionId);
      await this.audit.record(tx, { actor, action: 'member.password_changed', targetType: 'member', targetId: member.id });
      await this.mailer.queue(tx, AccountMails.passwordChanged(member.email, member.firstName, member.locale, `${this.config.publicUrl}/forgot-password`));
    });
  }

  /**
   * Asks to change the address: the password is required, the new address must confirm by
   * link, the old address is told. A taken or banned address gets the same answer and no link.
   */
  async requestEmailChange(actor: Actor, newEmail: string, password: string): Promise<void> {
    const member = await this.members.findCredentialsById(actor.memberId);
    if (!member) throw NotFound('Member');
    if (!(await this.passwords.verify(member.passwordHash, password))) throw wrongPassword();
    if (newEmail === member.email) {
      throw new DomainError(400, ProblemCode.validation, 'This is already your e-mail address.', { errors: [{ path: 'newEmail', message: 'Dit is al je e-mailadres / This is already your address' }] });
    }
    const taken = (await this.members.emailTaken(newEmail)) || (await addressIsBanned(this.keys, this.members, newEmail));
    const token = randomToken();
    await this.tx.run(async (tx) => {
      await this.mailer.queue(tx, AccountMails.emailChangeRequested(member.email, member.firstName, member.locale));
      await this.audit.record(tx, { actor, action: 'member.email_change_requested', targetType: 'member', targetId: member.id });
      if (taken) return;
      await this.tokens.create(tx, { memberId: member.id, purpose: 'change_email', tokenHash: tokenHash(token), newEmail, expiresAt: new Date(Date.now() + CHANGE_EMAIL_HOURS * 3600 * 1000) });
      await this.mailer.queue(tx, AccountMails.confirmNewEmail(newEmail, member.firstName, member.locale, `${this.config.publicUrl}/confirm-email?token=${token}`));
    });
  }

  async confirmEmailChange(token: string): Promise<void> {
    const outcome = await this.tx.run(async (tx) => {
      const found = await this.tokens.consume(tx, 'change_email', tokenHash(token));
      if (!found?.newEmail) return 'invalid' as const;
      const before = await this.members.findProfile(found.memberId, tx);
      if (!before) return 'invalid' as const;
      // Banned since the request: answered as an address taken meanwhile.
      if (await addressIsBanned(this.keys, this.members, found.newEmail, tx)) return 'taken' as const;
      if (!(await this.members.setEmail(tx, found.memberId, found.newEmail))) return 'taken' as const;
      await this.mailer.queue(tx, AccountMails.emailChanged(before.email, before.firstName, before.locale));
      await this.audit.record(tx, { actor: { memberId: found.memberId, role: before.role }, action: 'member.email_changed', targetType: 'member', targetId: found.memberId });
      return 'done' as const;
    });
    if (outcome === 'invalid') throw new DomainError(400, ProblemCode.tokenInvalid, 'This link is invalid, already used or expired.');
    if (outcome === 'taken') throw new DomainError(409, ProblemCode.conflict, 'This e-mail address is now in use by another account.');
  }
}
