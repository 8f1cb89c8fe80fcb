import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import { Public } from '../auth/auth.decorators.js';
import { NotFound } from '../errors/domain-error.js';
import { escapeHtml as escape } from './compose-mail.js';
import { DevMailbox } from './dev-mailbox.js';


/** Development-only page listing the mail that would have been sent (no SMTP_URL). */
@ApiExcludeController()
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(
    private readonly mailbox: DevMailbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  page(): string {
    if (this.config.env === 'production' || this.config.smtpUrl) throw NotFound('Page');
    const items = this.mailbox
      .list()
      .map(
        (mail) =>
          `<article><h2>${escape(mail.subject)}</h2><p><strong>Aan / To:</strong> ${escape(mail.to)} · ${escape(mail.at)}</p><pre>${escape(mail.text).replace(
            /(https?:\/\/[^\s<]+)/g,
            '<a href="$1">$1</a>',
          )}</pre></article>`,
      )
      .join('\n');
    return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Ontwikkelpostbus / Development mailbox</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}article{border:1px solid #bbb;border-radius:6px;padding:0 1rem;margin:1rem 0}pre{white-space:pre-wrap}</style></head>
<body><main><h1>Ontwikkelpostbus / Development mailbox</h1><p>Alleen in ontwikkeling: mails die zonder SMTP_URL verstuurd zouden worden. Development only.</p>${items || '<p>Nog geen mails. / No mail yet.</p>'}</main></body></html>`;
  }
}
