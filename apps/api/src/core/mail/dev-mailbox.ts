import { Injectable } from '@nestjs/common';
import type { OutgoingMail } from './mail.types.js';

export interface StoredMail extends OutgoingMail {
  id: number;
  at: string;
}

/**
 * Development-only: without SMTP_URL outside production, mail is kept here (in memory, last 50)
 * and shown at /dev/mailbox instead of being sent.
 */
@Injectable()
export class DevMailbox {
  private readonly messages: StoredMail[] = [];
  private next = 1;

  add(mail: OutgoingMail): void {
    this.messages.unshift({ ...mail, id: this.next++, at: new Date().toISOString() });
    this.messages.length = Math.min(this.messages.length, 50);
  }

  list(): StoredMail[] {
    return [...this.messages];
  }
}
