import { Inject, Injectable } from '@nestjs/common';
import type { RegisterRequest } from '@lesplein/contracts/auth';
import { ProblemCode } from '@lesplein/contracts/common';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import { Keys, randomToken, tokenHash } from '../../core/crypto/keys.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { Mailer } from '../../core/mail/mailer.service.js';
import { addressIsBanned } from '../moderation/ban-list/ban-hashes.js';
import { AccountMails } from './account-mails.js';
import { EmailTokensRepository } from './email-tokens.repository.js';
import { formerHandleHash, handleFromName } from './handles.js';
import { MembersRepository } from './members.repository.js';
import { Passwords } from './passwords.js';

const VERIFY_HOURS = 48;

type Registration = Required<Pick<RegisterRequest, 'email' | 'password' | 'firstName' | 'lastName'>> & { locale: 'nl' | 'en' };

/** Registration and e-mail verification. Answers never reveal whether an address is known. */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly members: MembersRepository,
    private readonly tokens: EmailTokensRepository,
    private readonly passwords: Passwords,
    private readonly mailer: Mailer,
    private readonly tx: TransactionRunner,
    private readonly keys: Keys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(input: Registration): Promise<void> {
    this.passwords.assertAcceptable(input.password);
    // A banned address (exact or canonical form, docs/moderation.md) gets the answer of any new
    // registration and nothing else: no account, no mail. The hash takes as long as a new account's.
    if (await addressIsBanned(this.keys, this.members, input.email)) {
      await this.passwords.hash(input.password);
      return;
    }
    const existing = await this.members.findCredentialsByEmail(input.email);
    if (existing) {
      if (!existing.emailVerifiedAt) return this.sendVerification(existing.id, existing.email, existing.firstName, existing.locale);
      await this.tx.run((tx) => this.mailer.queue(tx, AccountMails.alreadyRegistered(existing.email, existing.firstName, existing.locale, `${this.config.publicUrl}/login`)));
      return;
    }
    const passwordHash = await this.passwords.hash(input.password);
    const handle = await this.freeHandle(input.firstName, input.lastName);
    await this.tx.run(async (tx) => {
      const created = await this.members.create(tx, { email: input.email, passwordHash, firstName: input.firstName, lastName: input.lastName, handle, locale: input.locale });
      // A concurrent registration took the address: answer the same way.
      if (!created) return;
      await this.queueVerification(tx, created.id, input.email, input.firstName, input.locale);
    });
  }

  /** Creates a verified member directly (CLI and demo seed). */
  async createVerified(input: Registration & { role?: 'member' | 'moderator' | 'admin' }): Promise<string> {
    this.passwords.assertAcceptable(input.password);
    const passwordHash = await this.passwords.hash(input.password);
    const handle = await this.freeHandle(input.firstName, input.lastName);
    const created = await this.members.create(undefined, {
      email: input.email,
      passwordHash,
      firstName: input.firstName,
      lastName: input.lastName,
      handle,
      locale: input.locale,
      role: input.role ?? 'member',
      emailVerifiedAt: new Date(),
    });
    if (!created) throw new DomainError(409, ProblemCode.conflict, 'A member with this e-mail address already exists.');
    return created.id;
  }

  async verify(token: string): Promise<void> {
    const verified = await this.tx.run(async (tx) => {
      const found = await this.tokens.consume(tx, 'verify_email', tokenHash(token));
      if (!found) return false;
      await this.members.markVerified(tx, found.memberId);
      return true;
    });
    if (!verified) throw new DomainError(400, ProblemCode.tokenInvalid, 'This link is invalid, already used or expired; ask for a new one.');
  }

  async resend(email: string): Promise<void> {
    const member = await this.members.findCredentialsByEmail(email);
    if (member && !member.emailVerifiedAt && member.status === 'active') await this.sendVerification(member.id, member.email, member.firstName, member.locale);
  }

  private async sendVerification(memberId: string, email: string, firstName: string, locale: string): Promise<void> {
    await this.tx.run((tx) => this.queueVerification(tx, memberId, email, firstName, locale));
  }

  private async queueVerification(tx: Parameters<Parameters<TransactionRunner['run']>[0]>[0], memberId: string, email: string, firstName: string, locale: string) {
    const token = randomToken();
    await this.tokens.create(tx, { memberId, purpose: 'verify_email', tokenHash: tokenHash(token), expiresAt: new Date(Date.now() + VERIFY_HOURS * 3600 * 1000) });
    await this.mailer.queue(tx, AccountMails.verify(email, firstName, locale, `${this.config.publicUrl}/verify-email?token=${token}`));
  }

  private async freeHandle(firstName: string, lastName: string): Promise<string> {
    const base = handleFromName(firstName, lastName);
    if (!(await this.members.handleTaken(base, formerHandleHash(this.keys, base)))) return base;
    for (;;) {
      const candidate = `${base}-${randomToken().replace(/[^a-z0-9]/g, '').slice(0, 4) || '1'}`;
      if (!(await this.members.handleTaken(candidate, formerHandleHash(this.keys, candidate)))) return candidate;
    }
  }
}
