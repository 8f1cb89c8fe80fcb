/// <reference types="node" />
// A real SMTP listener for the browser tests (the `smtp-server` package on loopback) that keeps
// every received message in memory, plus a minimal MIME reader: enough for what nodemailer
// sends (multipart/alternative text + html, quoted-printable or base64, RFC 2047 subjects).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients and To header addresses, lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: Date;
  /** The message as received (headers and encoded body). */
  raw: string;
}

export interface MailCatcher {
  /** SMTP URL for the application under test, e.g. smtp://127.0.0.1:2525. */
  url: string;
  port: number;
  /**
   * Waits until a message to `to` whose subject matches `subject` has arrived and returns the
   * latest such message. Call `clear()` before an action when an earlier match may exist.
   */
  waitFor(to: string, subject: RegExp, timeoutMs?: number): Promise<ReceivedMail>;
  /** Every message received so far, oldest first. */
  all(): ReceivedMail[];
  /** Forgets the messages received so far. */
  clear(): void;
  close(): Promise<void>;
}

const POLL_MS = 50;

export async function startMailCatcher(): Promise<MailCatcher> {
  let messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    banner: 'Lesplein test mail catcher',
    closeTimeout: 2_000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('error', callback);
      stream.once('end', () => {
        try {
          const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
          messages.push(parseMail(Buffer.concat(chunks), envelopeTo));
          callback();
        } catch (error) {
          callback(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  const matches = (mail: ReceivedMail, to: string, subject: RegExp) => {
    subject.lastIndex = 0;
    return mail.to.includes(to) && subject.test(mail.subject);
  };

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    async waitFor(to, subject, timeoutMs = 15_000) {
      const address = to.trim().toLowerCase();
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.filter((mail) => matches(mail, address, subject)).at(-1);
        if (found) return found;
        if (Date.now() >= deadline) {
          const seen = messages.map((mail) => `  to ${mail.to.join(', ')}: ${JSON.stringify(mail.subject)}`);
          throw new Error(
            `No mail to ${address} with a subject matching ${String(subject)} arrived within ${timeoutMs} ms. ` +
              (seen.length ? `Received:\n${seen.join('\n')}` : 'No mail was received at all.'),
          );
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
    all: () => [...messages],
    clear() {
      messages = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Absolute http(s) links in a text or HTML body, in order, with HTML entities for & decoded. */
export function extractLinks(body: string): string[] {
  return [...body.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((match) => match[0].replace(/&amp;/g, '&'));
}

// ---- Minimal MIME reading ------------------------------------------------------------------

interface Part {
  headers: Map<string, string>;
  /** Body bytes as a binary (latin1) string, still transfer-encoded. */
  body: string;
}

export function parseMail(raw: Buffer, envelopeTo: string[] = []): ReceivedMail {
  const binary = raw.toString('latin1');
  const root = splitPart(binary);
  const bodies = { text: '', html: '' };
  collectBodies(root, bodies);
  const header = (name: string) => decodeHeader(root.headers.get(name) ?? '');
  const headerTo = [...header('to').matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g)].map((m) => m[0].toLowerCase());
  return {
    to: [...new Set([...envelopeTo, ...headerTo])],
    from: header('from'),
    subject: header('subject'),
    text: bodies.text,
    html: bodies.html,
    receivedAt: new Date(),
    raw: raw.toString('utf8'),
  };
}

function splitPart(binary: string): Part {
  const match = /\r?\n\r?\n/.exec(binary);
  const head = match ? binary.slice(0, match.index) : binary;
  const body = match ? binary.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  // Unfold continuation lines, then read "Name: value" pairs (first occurrence wins).
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function headerParam(value: string, param: string): string | undefined {
  const match = new RegExp(`;\\s*${param}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return match ? (match[1] ?? match[2]) : undefined;
}

function collectBodies(part: Part, out: { text: string; html: string }): void {
  const contentType = part.headers.get('content-type') ?? 'text/plain';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType.startsWith('multipart/')) {
    const boundary = headerParam(contentType, 'boundary');
    if (!boundary) return;
    const delimiter = `--${boundary}`;
    const sections = part.body.split(delimiter).slice(1); // before the first delimiter: preamble
    for (const section of sections) {
      if (section.startsWith('--')) break; // closing delimiter
      collectBodies(splitPart(section.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, '')), out);
    }
    return;
  }
  const disposition = (part.headers.get('content-disposition') ?? '').toLowerCase();
  if (disposition.startsWith('attachment')) return;
  if (mediaType !== 'text/plain' && mediaType !== 'text/html') return;
  const bytes = decodeTransfer(part.body, part.headers.get('content-transfer-encoding') ?? '7bit');
  const text = decodeCharset(bytes, headerParam(contentType, 'charset') ?? 'utf-8');
  if (mediaType === 'text/plain' && !out.text) out.text = text;
  if (mediaType === 'text/html' && !out.html) out.html = text;
}

function decodeTransfer(body: string, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'base64':
      return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    default:
      return Buffer.from(body, 'latin1');
  }
}

function decodeQuotedPrintable(body: string): Buffer {
  const softBreaksRemoved = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < softBreaksRemoved.length; i++) {
    const char = softBreaksRemoved[i]!;
    const hex = softBreaksRemoved.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(char.charCodeAt(0) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/** Decodes RFC 2047 encoded-words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header read as latin1. */
function decodeHeader(value: string): string {
  // Raw 8-bit header bytes (SMTPUTF8) are UTF-8.
  const unicode = Buffer.from(value, 'latin1').toString('utf8');
  return unicode
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, '$1') // whitespace between encoded-words is dropped
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_word, charset: string, kind: string, text: string) => {
      const bytes =
        kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text.replace(/_/g, ' '));
      return decodeCharset(bytes, charset.split('*')[0]!);
    });
}
