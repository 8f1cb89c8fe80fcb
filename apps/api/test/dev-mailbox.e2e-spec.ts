import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SMTP_URL: '', NODE_ENV: 'development' });
});
afterAll(() => t.close());

describe('development mailbox (no SMTP_URL)', () => {
  it('keeps outgoing mail and shows it at /dev/mailbox instead of sending it', async () => {
    const client = t.client();
    await client.post('/api/auth/register', { email: 'postbus@example.org', password: 'Correct-Paard-Batterij-7', firstName: 'Post', lastName: 'Bus' });
    await waitUntil(async () => (await client.get('/dev/mailbox')).text.includes('postbus@example.org'), 15_000, 'the mail in the mailbox');
    const page = await client.get('/dev/mailbox');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Bevestig je e-mailadres');
    expect(page.text).toMatch(/<a href="http:\/\/localhost:5173\/verify-email\?token=[A-Za-z0-9_-]+">/);
    expect(t.mail.all()).toHaveLength(0);
  });
});

describe('development mailbox with SMTP configured', () => {
  it('does not exist', async () => {
    const withSmtp = await startTestApp();
    try {
      expect((await withSmtp.client().get('/dev/mailbox')).status).toBe(404);
    } finally {
      await withSmtp.close();
    }
  });
});
