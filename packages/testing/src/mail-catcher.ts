import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients, lower-cased. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  /** Raw header values by lower-case name (first occurrence), e.g. rawHeaders['list-unsubscribe']. */
  rawHeaders: Record<string, string>;
  /** Attachments with their content decoded as UTF-8 text. */
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface MailCatcher {
  /** SMTP URL for the application under test, e.g. smtp://127.0.0.1:2525. */
  url: string;
  port: number;
  /** Waits (polling, no fixed sleep) for a message to `to` whose subject matches; returns the latest. */
  waitFor(to: string, subject: RegExp, timeoutMs?: number): Promise<ReceivedMail>;
  all(): ReceivedMail[];
  clear(): void;
  close(): Promise<void>;
}

/** A real SMTP listener on loopback (smtp-server) that keeps parsed messages (mailparser) in memory. */
export async function startMailCatcher(options: { port?: number } = {}): Promise<MailCatcher> {
  let messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
      simpleParser(stream)
        .then((parsed) => {
          const rawHeaders: Record<string, string> = {};
          for (const { key, line } of parsed.headerLines) rawHeaders[key] ??= line.slice(line.indexOf(':') + 1).trim();
          messages.push({ to, subject: parsed.subject ?? '', text: parsed.text ?? '', html: typeof parsed.html === 'string' ? parsed.html : '', headers: parsed.headers, rawHeaders, attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content.toString('utf8') })) });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    async waitFor(to, subject, timeoutMs = 15_000) {
      const address = to.trim().toLowerCase();
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.filter((mail) => mail.to.includes(address) && subject.test(mail.subject)).at(-1);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = messages.map((mail) => `${mail.to.join(',')}: ${mail.subject}`).join('; ') || 'none';
          throw new Error(`No mail to ${address} matching ${String(subject)} within ${timeoutMs} ms (received: ${seen})`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    all: () => [...messages],
    clear() {
      messages = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first absolute link in a mail body that contains `fragment`. */
export function linkIn(body: string, fragment: string): string {
  const link = [...body.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((match) => match[0].replace(/&amp;/g, '&')).find((url) => url.includes(fragment));
  if (!link) throw new Error(`No link containing ${fragment} in: ${body.slice(0, 500)}`);
  return link;
}
