import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import type { Tx } from '../database/prisma.service.js';
import { randomToken, tokenHash } from '../crypto/keys.js';
import type { Actor, ClientInfo } from './actor.js';
import { SessionsRepository } from './sessions.repository.js';

const TOUCH_AFTER_MS = 5 * 60 * 1000;

/** Creates, resolves and ends server-side sessions. */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get maxAgeSeconds(): number {
    return this.config.sessionIdleDays * 24 * 3600;
  }

  private expiry(): Date {
    return new Date(Date.now() + this.maxAgeSeconds * 1000);
  }

  /** Starts a new session (a fresh id at every log-in) and returns the cookie token. */
  async start(memberId: string, client: ClientInfo, tx?: Tx): Promise<string> {
    const token = randomToken();
    await this.sessions.create(tx, { id: tokenHash(token), memberId, expiresAt: this.expiry(), ipPrefix: client.ipPrefix, userAgent: client.userAgent });
    return token;
  }

  /** The actor behind a cookie token, or undefined when the session is unknown, expired or locked. */
  async resolve(token: string): Promise<Actor | undefined> {
    const session = await this.sessions.find(tokenHash(token));
    if (!session || session.member.status !== 'active') return undefined;
    // A suspension by a moderator ends every session until it runs out.
    if (session.member.suspendedUntil && session.member.suspendedUntil > new Date()) return undefined;
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) await this.sessions.touch(session.id, this.expiry());
    return {
      memberId: session.memberId,
      role: session.member.role,
      sessionId: session.id,
      twoFactorEnabled: session.member.totpEnabledAt !== null,
    };
  }

  end(sessionId: string): Promise<void> {
    return this.sessions.delete(sessionId);
  }
}
