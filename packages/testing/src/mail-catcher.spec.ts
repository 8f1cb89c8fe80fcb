import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, startMailCatcher, type MailCatcher } from './mail-catcher.js';

describe('mail catcher', () => {
  let catcher: MailCatcher;
  beforeAll(async () => {
    catcher = await startMailCatcher();
  });
  afterAll(() => catcher.close());

  it('receives a real SMTP message from nodemailer and parses it', async () => {
    const transport = nodemailer.createTransport(catcher.url);
    await transport.sendMail({ from: 'a@example.org', to: 'Zoë <zoe@example.org>', subject: 'Bevestig je adres – één keer', text: 'Klik: https://x.test/verify-email?token=abc', html: '<p><a href="https://x.test/verify-email?token=abc&amp;x=1">ok</a></p>' });
    const mail = await catcher.waitFor('ZOE@example.org', /Bevestig/);
    expect(mail.subject).toBe('Bevestig je adres – één keer');
    expect(linkIn(mail.text, 'verify-email')).toBe('https://x.test/verify-email?token=abc');
    expect(linkIn(mail.html, 'verify-email')).toBe('https://x.test/verify-email?token=abc&x=1');
    await expect(catcher.waitFor('nobody@example.org', /x/, 200)).rejects.toThrow(/No mail to nobody@example.org/);
  });
});
