import type { OutgoingMail } from './mail.types.js';

/** HTML-escapes text for e-mail bodies. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A plain e-mail: paragraphs, an optional link, signed by the platform; text and HTML alike. */
export function composeMail(to: string, subject: string, paragraphs: string[], link?: { url: string; label: string }): OutgoingMail {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : []), '', 'Lesplein'].join('\n\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${
    link ? `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>` : ''
  }<p>Lesplein</p></body></html>`;
  return { to, subject, text, html };
}
