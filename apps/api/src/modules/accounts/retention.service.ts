import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import { SessionsRepository } from '../../core/auth/sessions.repository.js';
import { JobQueue } from '../../core/outbox/job-queue.js';
import { EmailTokensRepository } from './email-tokens.repository.js';
import { LoginLogRepository } from './login-log.repository.js';
import { SecondFactorRepository } from './second-factor.repository.js';

export const PURGE_ACCOUNT_LOGS_JOB = 'accounts.purge-logs';

export interface PurgeResult {
  loginAttempts: number;
  loginHistory: number;
  sessions: number;
  emailTokens: number;
  challenges: number;
}

/**
 * Deletes security data when its retention ends: log-in attempts after 24 hours, log-in
 * history after 90 days (both configurable), expired sessions, tokens and challenges.
 * Runs every 10 minutes through the job queue.
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  constructor(
    private readonly loginLog: LoginLogRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: EmailTokensRepository,
    private readonly secondFactor: SecondFactorRepository,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: PURGE_ACCOUNT_LOGS_JOB, cron: '*/10 * * * *', retryLimit: 2, expireInSeconds: 600, retention: true, handler: () => this.purge() });
  }

  async purge(now = new Date()): Promise<PurgeResult> {
    const hour = 3600 * 1000;
    return {
      loginAttempts: await this.loginLog.purgeAttemptsBefore(new Date(now.getTime() - this.config.loginAttemptRetentionHours * hour)),
      loginHistory: await this.loginLog.purgeHistoryBefore(new Date(now.getTime() - this.config.loginHistoryRetentionDays * 24 * hour)),
      sessions: await this.sessions.purgeExpired(),
      emailTokens: await this.tokens.purgeExpired(),
      challenges: await this.secondFactor.purgeExpiredChallenges(),
    };
  }
}
