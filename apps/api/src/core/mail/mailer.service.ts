import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import type { Tx } from '../database/prisma.service.js';
import { JobQueue } from '../outbox/job-queue.js';
import { DevMailbox } from './dev-mailbox.js';
import type { OutgoingMail } from './mail.types.js';

export const SEND_MAIL_JOB = 'mail.send';

/**
 * Longest one SMTP send may take (connecting included) before it is abandoned and fails; half the
 * mail job's expiry, so a slow server fails the run rather than leaving it running into a retry.
 */
export const MAIL_SEND_TIMEOUT_MS = 60_000;

/**
 * Outgoing e-mail. Services call `queue(tx, mail)`; the mail is written to the outbox in the
 * same transaction and a worker sends it with nodemailer, retrying while SMTP is down.
 */
@Injectable()
export class Mailer implements OnModuleInit {
  private readonly transport: Transporter | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly mailbox: DevMailbox,
  ) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl, { from: config.mailFrom }) : undefined;
  }

  onModuleInit(): void {
    // A send ends within MAIL_SEND_TIMEOUT_MS, well inside the expiry, so an overdue retry never sends a second copy.
    this.jobs.define<OutgoingMail>({ name: SEND_MAIL_JOB, handler: (mail) => this.deliver(mail), retryLimit: 20, expireInSeconds: 120 });
  }

  queue(tx: Tx, mail: OutgoingMail): Promise<void> {
    return this.jobs.enqueue(tx, SEND_MAIL_JOB, mail);
  }

  /** Sends now (the worker's side). */
  async deliver(mail: OutgoingMail): Promise<void> {
    if (!this.transport) {
      this.mailbox.add(mail);
      return;
    }
    // `signal` is nodemailer's (since 10.5); its type package does not list it yet.
    const message: SendMailOptions & { signal: AbortSignal } = { from: this.config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers ?? {}, attachments: mail.attachments ?? [], signal: AbortSignal.timeout(MAIL_SEND_TIMEOUT_MS) };
    await this.transport.sendMail(message);
  }
}
