import { Inject, Injectable } from '@nestjs/common';
import { ProblemCode } from '@lesplein/contracts/common';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import { SessionsRepository } from '../../core/auth/sessions.repository.js';
import { Keys, randomToken, tokenHash } from '../../core/crypto/keys.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { Mailer } from '../../core/mail/mailer.service.js';
import { addressIsBanned } from '../moderation/ban-list/ban-hashes.js';
import { AccountMails } from './account-mails.js';
import { EmailTokensRepository } from './email-tokens.repository.js';
import { MembersRepository } from './members.repository.js';
import { Passwords } from './passwords.js';

const RESET_MINUTES = 60;

/** Password reset by e-mail: the same answer whether or not the address exists. */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly members: MembersRepository,
    private readonly tokens: EmailTokensRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: Passwords,
    private readonly mailer: Mailer,
    private readonly tx: TransactionRunner,
    private readonly keys: Keys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(email: string): Promise<void> {
    const member = await this.members.findCredentialsByEmail(email);
    if (!member || member.status !== 'active') return;
    // Banned addresses get the same answer and no link (their accounts are locked anyway).
    if (await addressIsBanned(this.keys, this.members, member.email)) return;
    const token = randomToken();
    await this.tx.run(async (tx) => {
      await this.tokens.create(tx, { memberId: member.id, purpose: 'reset_password', tokenHash: tokenHash(token), expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
      await this.mailer.queue(tx, AccountMails.reset(member.email, member.firstName, member.locale, `${this.config.publicUrl}/reset-password?token=${token}`));
    });
  }

  /** Sets the new password, ends every session and confirms the e-mail address (the link proved it). */
  async reset(token: string, password: string): Promise<void> {
    this.passwords.assertAcceptable(password);
    const passwordHash = await this.passwords.hash(password);
    const done = await this.tx.run(async (tx) => {
      const found = await this.tokens.consume(tx, 'reset_password', tokenHash(token));
      if (!found) return false;
      await this.members.setPassword(tx, found.memberId, passwordHash);
      await this.members.markVerified(tx, found.memberId);
      await this.sessions.deleteAllForMember(tx, found.memberId);
      return true;
    });
    if (!done) throw new DomainError(400, ProblemCode.tokenInvalid, 'This link is invalid, already used or expired; ask for a new one.');
  }
}
