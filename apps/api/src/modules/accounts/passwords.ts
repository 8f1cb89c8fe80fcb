import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { ProblemCode } from '@lesplein/contracts/common';
import { DomainError } from '../../core/errors/domain-error.js';

// OWASP's argon2id recommendation (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The ~49,000 most common passwords shipped with @zxcvbn-ts/language-common, plus local favourites. */
const COMMON = new Set<string>([
  ...(dictionary['passwords-common'] as string[]),
  'wachtwoord', 'wachtwoord1', 'wachtwoord123', 'klascement', 'lesplein123', 'leerkracht', 'onderwijs', 'welkom123', 'azerty123', 'azertyuiop',
]);

/** Hashing (argon2id) and the password policy: at least 10 characters and not a common password. */
@Injectable()
export class Passwords {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, so unknown addresses cannot be told apart by timing. */
  async verifyNothing(password: string): Promise<void> {
    this.dummyHash ??= this.hash('not-a-real-password-for-timing');
    await this.verify(await this.dummyHash, password);
  }

  isCommon(password: string): boolean {
    const lower = password.toLowerCase();
    return COMMON.has(lower) || COMMON.has(lower.replace(/[\d!?.]+$/, ''));
  }

  /** Throws 400 weak_password for a password in the common list (length is checked by the contract). */
  assertAcceptable(password: string, field = 'password'): void {
    if (password.length < 10 || this.isCommon(password)) {
      throw new DomainError(400, ProblemCode.weakPassword, 'This password is too common or too short; choose a longer, less predictable one.', {
        errors: [{ path: field, message: 'Dit wachtwoord is te vaak gebruikt of te kort / This password is too common or too short' }],
      });
    }
  }
}
