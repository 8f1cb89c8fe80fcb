import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '../../../config/env.js';
import { Mailer } from '../../../core/mail/mailer.service.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { OidcProviderService } from '../oidc/oidc-provider.service.js';
import { OidcStoreRepository } from '../oidc/oidc-store.repository.js';
import { SigningKeys } from '../oidc/signing-keys.js';
import { AuthorisationsService } from './authorisations.service.js';
import { CONSENT_MAIL_JOB, DISCLOSURE_RETENTION_DAYS, PARTNER_NOTIFY_JOB, PARTNER_PURGE_JOB, type ConsentMailJob } from './consent-jobs.js';
import { consentReceiptMail } from './consent-mails.js';
import { ConsentRecordsRepository } from './consent-records.repository.js';

const NOTIFY_TIMEOUT_MS = 10_000;

/**
 * The side effects of consent, delivered from the outbox with retries: the member's receipt by
 * e-mail, and the partner's back-channel notice of a withdrawal (a Security Event Token, RFC 8417,
 * signed with the provider's key, POSTed to the partner's notification URL).
 */
@Injectable()
export class ConsentJobsService implements OnModuleInit {
  private readonly logger = new Logger('ConsentJobs');

  constructor(
    private readonly jobs: JobQueue,
    private readonly records: ConsentRecordsRepository,
    private readonly authorisations: AuthorisationsService,
    private readonly mailer: Mailer,
    private readonly signingKeys: SigningKeys,
    private readonly oidc: OidcProviderService,
    private readonly store: OidcStoreRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define<ConsentMailJob>({ name: CONSENT_MAIL_JOB, retryLimit: 10, expireInSeconds: 120, handler: (job) => this.mailReceipt(job) });
    this.jobs.define<{ consentId: string }>({ name: PARTNER_NOTIFY_JOB, retryLimit: 12, expireInSeconds: 60, handler: (job) => this.notifyPartner(job.consentId) });
    this.jobs.define({ name: PARTNER_PURGE_JOB, cron: '15 4 * * *', retryLimit: 2, expireInSeconds: 600, retention: true, handler: () => this.purge() });
  }

  /** Removes what is past its time; consent records themselves are evidence and stay. */
  async purge(now = new Date()): Promise<{ artefacts: number; disclosures: number }> {
    const artefacts = await this.store.purgeExpired(now);
    const disclosures = await this.records.purgeDisclosures(new Date(now.getTime() - DISCLOSURE_RETENTION_DAYS * 24 * 3600 * 1000));
    return { artefacts, disclosures };
  }

  async mailReceipt(job: ConsentMailJob): Promise<void> {
    const row = await this.records.forReceipt(job.consentId);
    if (!row?.member) return; // the account is gone: nobody to write to
    const receipt = await this.authorisations.receiptFor(job.consentId);
    await this.mailer.deliver(
      consentReceiptMail({
        to: row.member.email,
        firstName: row.member.firstName,
        locale: row.member.locale,
        event: job.event,
        partnerName: row.partner.name,
        dpoEmail: row.partner.dpoEmail,
        pageUrl: `${this.config.publicUrl}/account/authorisations`,
        consentId: row.id,
        receipt,
      }),
    );
  }

  /** Throws on failure so the queue retries (with backoff) until the partner accepts it. */
  async notifyPartner(consentId: string): Promise<void> {
    const row = await this.records.forReceipt(consentId);
    if (!row?.withdrawal || !row.partner.notificationUrl) return;
    const { kid, key } = await this.signingKeys.signingKey();
    const token = await new SignJWT({
      events: {
        [`${this.oidc.issuer}/events/consent-withdrawn`]: {
          consent_id: row.id,
          withdrawn_at: row.withdrawal.withdrawnAt.toISOString(),
          withdrawn_by: row.withdrawal.withdrawnBy,
          categories: row.grantedScopes,
        },
      },
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'secevent+jwt' })
      .setIssuer(this.oidc.issuer)
      .setAudience(row.partner.clientId)
      .setSubject(row.subject)
      .setIssuedAt()
      .setJti(randomUUID())
      .sign(key);
    const response = await fetch(row.partner.notificationUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/secevent+jwt', accept: 'application/json' },
      body: token,
      redirect: 'error',
      signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
    });
    if (!response.ok) {
      this.logger.warn(`Partner ${row.partner.name} refused the withdrawal notice (${response.status}); retrying later`);
      throw new Error(`Partner notification failed with HTTP ${response.status}`);
    }
  }
}
