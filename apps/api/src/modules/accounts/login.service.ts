import { Injectable } from '@nestjs/common';
import type { CurrentMember } from '@lesplein/contracts/auth';
import { ProblemCode } from '@lesplein/contracts/common';
import type { ClientInfo } from '../../core/auth/actor.js';
import { SessionService } from '../../core/auth/session.service.js';
import { Keys, randomToken, tokenHash } from '../../core/crypto/keys.js';
import { DomainError, NotFound, RateLimited } from '../../core/errors/domain-error.js';
import { addressIsBanned } from '../moderation/ban-list/ban-hashes.js';
import { FAILURE_WINDOW_MS, FREE_FAILURES_PER_ACCOUNT, FREE_FAILURES_PER_IP, remainingDelaySeconds } from './brute-force.js';
import { LoginLogRepository, type LoginOutcome } from './login-log.repository.js';
import { toCurrentMember } from './member.mapper.js';
import { MembersRepository } from './members.repository.js';
import { loginEmailHash } from './login-email-hash.js';
import { Passwords } from './passwords.js';
import { SecondFactorRepository } from './second-factor.repository.js';
import { TwoFactorService } from './two-factor.service.js';

const CHALLENGE_MINUTES = 5;
const CHALLENGE_ATTEMPTS = 5;

export interface VerifiedMember {
  id: string;
  twoFactorEnabled: boolean;
}

export type LoginResult = { status: 'signed_in'; member: CurrentMember; sessionToken: string } | { status: 'second_factor_required'; challenge: string };

const invalidCredentials = () => new DomainError(401, ProblemCode.invalidCredentials, 'The e-mail address or password is not correct.');

/**
 * Log-in: password check with brute-force delays per address and per IP prefix, every attempt
 * logged (purged after 24 h), then either a session or a second-factor challenge.
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly members: MembersRepository,
    private readonly log: LoginLogRepository,
    private readonly passwords: Passwords,
    private readonly keys: Keys,
    private readonly sessions: SessionService,
    private readonly secondFactor: SecondFactorRepository,
    private readonly twoFactor: TwoFactorService,
  ) {}

  /** The Passport local strategy's check. Throws a problem for every refusal. */
  async verifyCredentials(email: string, password: string, client: ClientInfo): Promise<VerifiedMember> {
    const emailHash = loginEmailHash(this.keys, email);
    const record = (outcome: LoginOutcome, memberId: string | null = null) =>
      this.log.recordAttempt({ outcome, memberId, emailHash, ipPrefix: client.ipPrefix, userAgent: client.userAgent });

    const since = new Date(Date.now() - FAILURE_WINDOW_MS);
    const [byAccount, byIp] = await Promise.all([this.log.failuresSince({ emailHash }, since), this.log.failuresSince({ ipPrefix: client.ipPrefix }, since)]);
    const wait = Math.max(
      remainingDelaySeconds(byAccount.count, byAccount.last, FREE_FAILURES_PER_ACCOUNT),
      remainingDelaySeconds(byIp.count, byIp.last, FREE_FAILURES_PER_IP),
    );
    if (wait > 0) {
      await record('rate_limited');
      throw RateLimited(wait);
    }

    const member = await this.members.findCredentialsByEmail(email);
    if (!member) {
      await this.passwords.verifyNothing(password);
      await record('unknown_account');
      throw invalidCredentials();
    }
    if (!(await this.passwords.verify(member.passwordHash, password))) {
      await record('bad_password', member.id);
      throw invalidCredentials();
    }
    // A banned address gets the answer of a wrong password (its account is locked when the ban is
    // added; this also covers an account that a registration created while the ban was being added).
    if (await addressIsBanned(this.keys, this.members, member.email)) {
      await record('locked', member.id);
      throw invalidCredentials();
    }
    if (member.status === 'deletion_pending') {
      await record('locked', member.id);
      throw new DomainError(403, ProblemCode.accountDeletionPending, 'This account is being deleted. To keep it, use the cancel link in the e-mail we sent when the deletion was asked.');
    }
    if (member.status !== 'active') {
      await record('locked', member.id);
      throw new DomainError(403, ProblemCode.forbidden, 'This account is locked.');
    }
    // A suspension by a moderator: the member learns until when (after the right password only).
    if (member.suspendedUntil && member.suspendedUntil > new Date()) {
      await record('locked', member.id);
      throw new DomainError(403, ProblemCode.accountSuspended, `This account is suspended until ${member.suspendedUntil.toISOString()}; the e-mail with the moderators' decision explains why and how to appeal.`);
    }
    if (!member.emailVerifiedAt) {
      await record('unverified', member.id);
      throw new DomainError(403, ProblemCode.emailNotVerified, 'Confirm your e-mail address first; we can send the link again.');
    }
    return { id: member.id, twoFactorEnabled: member.totpEnabledAt !== null };
  }

  /** After the password: a session, or a challenge when the member uses 2FA. */
  async begin(member: VerifiedMember, client: ClientInfo): Promise<LoginResult> {
    if (!member.twoFactorEnabled) return this.signIn(member.id, client);
    const challenge = randomToken();
    await this.secondFactor.createChallenge({ id: tokenHash(challenge), memberId: member.id, expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000) });
    return { status: 'second_factor_required', challenge };
  }

  async completeSecondFactor(challenge: string, code: string, client: ClientInfo): Promise<LoginResult> {
    const found = await this.secondFactor.attemptChallenge(tokenHash(challenge), CHALLENGE_ATTEMPTS);
    if (!found) throw new DomainError(401, ProblemCode.tokenInvalid, 'This log-in step has expired; log in again.');
    if (!(await this.twoFactor.verifyCode(found.memberId, code))) {
      await this.log.recordAttempt({ outcome: 'second_factor_failed', memberId: found.memberId, emailHash: 'second-factor', ipPrefix: client.ipPrefix, userAgent: client.userAgent });
      throw new DomainError(401, ProblemCode.secondFactorInvalid, 'The code is not valid.', { errors: [{ path: 'code', message: 'Ongeldige code / Invalid code' }] });
    }
    await this.secondFactor.deleteChallenge(tokenHash(challenge));
    return this.signIn(found.memberId, client);
  }

  private async signIn(memberId: string, client: ClientInfo): Promise<LoginResult> {
    const profile = await this.members.findProfile(memberId);
    if (!profile) throw NotFound('Member');
    const sessionToken = await this.sessions.start(memberId, client);
    await Promise.all([
      this.log.recordAttempt({ outcome: 'success', memberId, emailHash: this.keys.hmac('login-email', profile.email), ipPrefix: client.ipPrefix, userAgent: client.userAgent }),
      this.log.recordLogin({ memberId, ipPrefix: client.ipPrefix, userAgent: client.userAgent }),
      this.members.touchActivity(memberId),
    ]);
    return { status: 'signed_in', member: toCurrentMember(profile), sessionToken };
  }
}
