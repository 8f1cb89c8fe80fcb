import { Inject, Injectable } from '@nestjs/common';
import { ProblemCode } from '@lesplein/contracts/common';
import type { NewsletterList, NewsletterSettings, NewsletterUnsubscribeResponse, NewsletterView, SendNewsletter } from '@lesplein/contracts/newsletter';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import { AuditLog } from '../../core/audit/audit-log.js';
import type { Actor } from '../../core/auth/actor.js';
import { Keys, safeEqual } from '../../core/crypto/keys.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { Mailer } from '../../core/mail/mailer.service.js';
import { newsletterMail } from './newsletter-mail.js';
import { toNewsletterView } from './newsletter.mapper.js';
import { NewsletterRepository } from './newsletter.repository.js';

const TOKEN_PURPOSE = 'newsletter-unsubscribe';

/**
 * Newsletters and invitations only with consent: a member opts in (off by default) and out on
 * their settings or with the one-click link in every newsletter; each choice is appended as
 * evidence. Admins send a newsletter to the members who opted in, one e-mail each through the
 * outbox (audited).
 */
@Injectable()
export class NewsletterService {
  constructor(
    private readonly newsletters: NewsletterRepository,
    private readonly transactions: TransactionRunner,
    private readonly mailer: Mailer,
    private readonly audit: AuditLog,
    private readonly keys: Keys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async settings(actor: Actor): Promise<NewsletterSettings> {
    const history = await this.newsletters.history(actor.memberId);
    return { subscribed: history[0]?.granted ?? false, history: history.map((row) => ({ granted: row.granted, source: row.source, at: row.at.toISOString() })) };
  }

  async update(actor: Actor, subscribed: boolean): Promise<NewsletterSettings> {
    await this.newsletters.recordChoice(actor.memberId, subscribed, 'settings');
    return this.settings(actor);
  }

  /** One-click unsubscribe (RFC 8058), authorised by the signed token alone. */
  async unsubscribe(token: string): Promise<NewsletterUnsubscribeResponse> {
    const memberId = this.memberOf(token);
    if (!memberId || !(await this.newsletters.memberExists(memberId))) throw new DomainError(400, ProblemCode.tokenInvalid, 'This unsubscribe link is not valid.');
    await this.newsletters.recordChoice(memberId, false, 'unsubscribe_link');
    return { subscribed: false };
  }

  unsubscribeToken(memberId: string): string {
    return `${Buffer.from(memberId).toString('base64url')}.${this.keys.hmac(TOKEN_PURPOSE, memberId)}`;
  }

  private memberOf(token: string): string | null {
    const [payload = '', signature = ''] = token.split('.');
    const memberId = Buffer.from(payload, 'base64url').toString('utf8');
    return memberId && safeEqual(signature, this.keys.hmac(TOKEN_PURPOSE, memberId)) ? memberId : null;
  }

  async list(): Promise<NewsletterList> {
    const [rows, subscribers] = await Promise.all([this.newsletters.list(), this.newsletters.subscriberCount()]);
    return { items: rows.map(toNewsletterView), subscribers };
  }

  /** Sends to every member who opted in, in their language, each with their own unsubscribe link. */
  async send(actor: Actor, input: SendNewsletter): Promise<NewsletterView> {
    const row = await this.transactions.run(async (tx) => {
      const recipients = await this.newsletters.subscribers(tx);
      for (const recipient of recipients) {
        const en = recipient.locale === 'en';
        const token = this.unsubscribeToken(recipient.id);
        await this.mailer.queue(
          tx,
          newsletterMail({
            to: recipient.email,
            firstName: recipient.firstName,
            locale: recipient.locale,
            subject: en ? input.subjectEn : input.subjectNl,
            body: en ? input.bodyEn : input.bodyNl,
            pageUrl: `${this.config.publicUrl}/newsletter/unsubscribe?token=${token}`,
            oneClickUrl: `${this.config.publicUrl}/api/newsletter/unsubscribe?token=${token}`,
          }),
        );
      }
      const created = await this.newsletters.create(tx, { ...input, recipientCount: recipients.length, sentById: actor.memberId });
      await this.audit.record(tx, { actor, action: 'newsletter.sent', targetType: 'newsletter', targetId: created.id, details: { recipients: recipients.length } });
      return created;
    });
    return toNewsletterView(row);
  }
}
