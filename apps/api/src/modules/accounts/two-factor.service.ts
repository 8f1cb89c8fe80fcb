import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import { ProblemCode } from '@lesplein/contracts/common';
import type { RecoveryCodesResponse, TwoFactorSetupResponse } from '@lesplein/contracts/security';
import type { Actor } from '../../core/auth/actor.js';
import { AuditLog } from '../../core/audit/audit-log.js';
import { Keys } from '../../core/crypto/keys.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { Conflict, DomainError, NotFound } from '../../core/errors/domain-error.js';
import { Mailer } from '../../core/mail/mailer.service.js';
import { AccountMails } from './account-mails.js';
import { MembersRepository } from './members.repository.js';
import { Passwords } from './passwords.js';
import { SecondFactorRepository } from './second-factor.repository.js';

const PURPOSE = 'totp-secret';
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export const invalidCode = () => new DomainError(400, ProblemCode.secondFactorInvalid, 'The code is not valid.', { errors: [{ path: 'code', message: 'Ongeldige code / Invalid code' }] });

function recoveryCode(): string {
  const bytes = crypto.randomBytes(10);
  const chars = [...bytes].map((byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** TOTP two-factor authentication (RFC 6238) with single-use recovery codes. */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly members: MembersRepository,
    private readonly secondFactor: SecondFactorRepository,
    private readonly keys: Keys,
    private readonly passwords: Passwords,
    private readonly mailer: Mailer,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  private hashRecovery(code: string): string {
    return this.keys.hmac('recovery-code', code.trim().toLowerCase());
  }

  /** Starts (or restarts) set-up: a new secret that is not active until confirmed with a code. */
  async setup(actor: Actor): Promise<TwoFactorSetupResponse> {
    const member = await this.members.findCredentialsById(actor.memberId);
    if (!member) throw NotFound('Member');
    if (member.totpEnabledAt) throw Conflict('Two-factor authentication is already enabled.');
    const secret = generateSecret();
    await this.members.setTotpPending(member.id, this.keys.encrypt(PURPOSE, secret));
    return { secret, otpauthUri: generateURI({ issuer: 'Lesplein', label: member.email, secret }) };
  }

  async enable(actor: Actor, code: string): Promise<RecoveryCodesResponse> {
    const member = await this.members.findCredentialsById(actor.memberId);
    if (!member) throw NotFound('Member');
    if (member.totpEnabledAt) throw Conflict('Two-factor authentication is already enabled.');
    if (!member.totpSecret) throw Conflict('Start the set-up first.');
    const step = await this.matchTotp(member.totpSecret, code);
    if (step === undefined) throw invalidCode();
    const codes = Array.from({ length: 10 }, recoveryCode);
    await this.tx.run(async (tx) => {
      await this.members.enableTotp(tx, member.id, step);
      await this.secondFactor.replaceRecoveryCodes(tx, member.id, codes.map((c) => this.hashRecovery(c)));
      await this.mailer.queue(tx, AccountMails.twoFactorChanged(member.email, member.firstName, member.locale, true));
      await this.audit.record(tx, { actor, action: 'member.two_factor_enabled', targetType: 'member', targetId: member.id });
    });
    return { recoveryCodes: codes };
  }

  async disable(actor: Actor, password: string, code: string): Promise<void> {
    if (actor.role !== 'member') throw new DomainError(403, ProblemCode.forbidden, 'Two-factor authentication is required for your role.');
    const member = await this.requirePasswordAndCode(actor, password, code);
    await this.tx.run(async (tx) => {
      await this.members.disableTotp(tx, member.id);
      await this.mailer.queue(tx, AccountMails.twoFactorChanged(member.email, member.firstName, member.locale, false));
      await this.audit.record(tx, { actor, action: 'member.two_factor_disabled', targetType: 'member', targetId: member.id });
    });
  }

  async regenerateRecoveryCodes(actor: Actor, password: string): Promise<RecoveryCodesResponse> {
    const member = await this.members.findCredentialsById(actor.memberId);
    if (!member) throw NotFound('Member');
    if (!member.totpEnabledAt) throw Conflict('Two-factor authentication is not enabled.');
    if (!(await this.passwords.verify(member.passwordHash, password))) throw wrongPassword();
    const codes = Array.from({ length: 10 }, recoveryCode);
    await this.tx.run((tx) => this.secondFactor.replaceRecoveryCodes(tx, member.id, codes.map((c) => this.hashRecovery(c))));
    return { recoveryCodes: codes };
  }

  /** Checks a TOTP code (once per time step) or uses up a recovery code. */
  async verifyCode(memberId: string, code: string): Promise<boolean> {
    const member = await this.members.findCredentialsById(memberId);
    if (!member?.totpSecret || !member.totpEnabledAt) return false;
    if (/^\d{6}$/.test(code.trim())) {
      const step = await this.matchTotp(member.totpSecret, code);
      return step !== undefined && this.members.claimTotpStep(member.id, step);
    }
    return this.secondFactor.useRecoveryCode(member.id, this.hashRecovery(code));
  }

  private async matchTotp(sealedSecret: string, code: string): Promise<number | undefined> {
    const secret = this.keys.decrypt(PURPOSE, sealedSecret);
    const result = await verify({ secret, token: code.trim(), epochTolerance: 30 });
    return result.valid && 'epoch' in result ? Math.floor(result.epoch / 30) : undefined;
  }

  private async requirePasswordAndCode(actor: Actor, password: string, code: string) {
    const member = await this.members.findCredentialsById(actor.memberId);
    if (!member) throw NotFound('Member');
    if (!member.totpEnabledAt) throw Conflict('Two-factor authentication is not enabled.');
    if (!(await this.passwords.verify(member.passwordHash, password))) throw wrongPassword();
    if (!(await this.verifyCode(member.id, code))) throw invalidCode();
    return member;
  }
}

export const wrongPassword = (field = 'password') =>
  new DomainError(400, ProblemCode.invalidCredentials, 'The password is not correct.', { errors: [{ path: field, message: 'Onjuist wachtwoord / Wrong password' }] });
