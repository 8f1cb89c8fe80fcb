import { escapeHtml } from '../../core/mail/compose-mail.js';
import type { OutgoingMail } from '../../core/mail/mail.types.js';

export interface NewsletterMailInput {
  to: string;
  firstName: string;
  locale: string;
  subject: string;
  body: string;
  /** The page that confirms the unsubscription (for people). */
  pageUrl: string;
  /** The RFC 8058 one-click endpoint (for mail clients). */
  oneClickUrl: string;
}

/**
 * A newsletter or invitation: the greeting, the text (paragraphs split at blank lines, escaped),
 * and an unsubscribe link in the footer, with List-Unsubscribe and List-Unsubscribe-Post
 * headers so mail clients offer one-click unsubscribe (RFC 8058).
 */
export function newsletterMail(input: NewsletterMailInput): OutgoingMail {
  const en = input.locale === 'en';
  const greeting = en ? `Hello ${input.firstName},` : `Dag ${input.firstName},`;
  const paragraphs = input.body.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
  const footer = en
    ? `You receive this because you asked for Lesplein's newsletters and invitations. Unsubscribe with one click: ${input.pageUrl}`
    : `Je krijgt dit omdat je de nieuwsbrieven en uitnodigingen van Lesplein wilde ontvangen. Uitschrijven met één klik: ${input.pageUrl}`;
  const text = [greeting, ...paragraphs, footer, 'Lesplein'].join('\n\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5"><p>${escapeHtml(greeting)}</p>${paragraphs
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('')}<p style="color:#555">${escapeHtml(footer.slice(0, footer.lastIndexOf(':') + 1))} <a href="${escapeHtml(input.pageUrl)}">${en ? 'Unsubscribe' : 'Uitschrijven'}</a></p><p>Lesplein</p></body></html>`;
  return {
    to: input.to,
    subject: input.subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${input.oneClickUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
