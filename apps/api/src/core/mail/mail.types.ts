/** A rendered e-mail, ready to send. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** Small text attachments (e.g. a consent receipt as JSON). */
  attachments?: { filename: string; contentType: string; content: string }[];
}
