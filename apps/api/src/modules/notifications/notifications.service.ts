import { escapeHtml as escape } from '../../core/mail/compose-mail.js';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ProblemCode } from '@lesplein/contracts/common';
import {
  NotificationType as NotificationTypes,
  type NotificationChannel,
  type NotificationPage,
  type NotificationPreferences,
  type NotificationType,
  type NotificationView,
  type UnsubscribeResponse,
} from '@lesplein/contracts/notification';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import type { Actor } from '../../core/auth/actor.js';
import { Keys, safeEqual } from '../../core/crypto/keys.js';
import type { Tx } from '../../core/database/prisma.service.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { DomainError, NotFound } from '../../core/errors/domain-error.js';
import { Mailer } from '../../core/mail/mailer.service.js';
import { JobQueue } from '../../core/outbox/job-queue.js';
import { decodeCursor, pageOf } from '../../core/pagination/cursor.js';
import { searchPagePath, storedFilters } from '../search/activity/search-filters.js';
import { notificationLine, TYPE_LABELS } from './notification-texts.js';
import { NotificationsRepository, type NewNotification } from './notifications.repository.js';

export const DIGEST_JOB = 'notifications.digest';
export const PURGE_NOTIFICATIONS_JOB = 'notifications.purge';
const RETENTION_DAYS = 90;

/** Defaults: e-mail at once for messages and moderation, the bell for the rest. */
export const DEFAULT_CHANNELS: Record<NotificationType, NotificationChannel> = {
  comment_on_resource: 'in_app',
  comment_reply: 'in_app',
  mention: 'in_app',
  new_follower: 'in_app',
  new_message: 'email',
  resource_hidden: 'email',
  folder_new_resource: 'in_app',
  // The member asked for this alert when saving the search.
  saved_search_match: 'email',
};

export type NotificationEvent = Omit<NewNotification, 'channel'>;

type Locale = 'nl' | 'en';
const localeOf = (value: string): Locale => (value === 'en' ? 'en' : 'nl');

/**
 * In-app notifications and e-mail per type and member preference (off, in-app, e-mail at once,
 * daily digest). Created in the caller's transaction; e-mail goes through the outbox, so an SMTP
 * outage delays mail and loses none. Every e-mail has a one-click unsubscribe link and header.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mailer: Mailer,
    private readonly jobs: JobQueue,
    private readonly keys: Keys,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Exclusive: two runs at once could both send a member the same digest.
    this.jobs.define({ name: DIGEST_JOB, cron: '0 6 * * *', retryLimit: 3, expireInSeconds: 1800, exclusive: () => 'all', handler: async () => void (await this.sendDigests()) });
    this.jobs.define({ name: PURGE_NOTIFICATIONS_JOB, cron: '30 3 * * *', retryLimit: 2, expireInSeconds: 600, retention: true, handler: () => this.purge() });
  }

  /** Records events for their recipients (never for the actor themselves) and queues immediate e-mail. */
  async notify(tx: Tx, events: NotificationEvent[]): Promise<void> {
    const wanted = events.filter((event) => event.recipientId !== event.actorId);
    if (wanted.length === 0) return;
    const preferences = await this.notifications.preferences([...new Set(wanted.map((e) => e.recipientId))], tx);
    const channelOf = (event: NotificationEvent) =>
      preferences.find((p) => p.memberId === event.recipientId && p.type === event.type)?.channel ?? DEFAULT_CHANNELS[event.type];
    const rows = wanted.map((event) => ({ ...event, channel: channelOf(event) })).filter((row) => row.channel !== 'off');
    if (rows.length === 0) return;
    const created = await this.notifications.create(tx, rows);
    const immediate = created.filter((row) => row.channel === 'email');
    if (immediate.length === 0) return;
    const facts = await this.facts(tx, immediate);
    for (const row of immediate) {
      const recipient = facts.recipients.get(row.recipientId);
      if (!recipient) continue;
      const locale = localeOf(recipient.locale);
      const line = notificationLine(row.type, locale, facts.of(row));
      await this.mailer.queue(tx, this.mail(recipient, row.type, line, [`${line}: ${this.config.publicUrl}${this.path(row, facts.actorHandle(row), facts.savedSearch(row))}`]));
      await this.notifications.markEmailed(tx, [row.id]);
    }
  }

  async list(actor: Actor, query: { cursor?: string; limit: number }): Promise<NotificationPage> {
    const rows = await this.notifications.list(actor.memberId, decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    const [resources, folders] = await Promise.all([
      this.notifications.resources(page.items.flatMap((row) => (row.resourceId ? [row.resourceId] : []))),
      this.notifications.folders(page.items.flatMap((row) => (row.folderId ? [row.folderId] : []))),
    ]);
    const items: NotificationView[] = page.items.map((row) => {
      const resource = resources.find((r) => r.id === row.resourceId) ?? null;
      const folder = folders.find((f) => f.id === row.folderId) ?? null;
      return {
        id: row.id,
        type: row.type,
        actor: row.actor ? { handle: row.actor.handle, displayName: `${row.actor.firstName} ${row.actor.lastName}` } : null,
        resource,
        folder,
        commentId: row.commentId,
        conversationId: row.conversationId,
        savedSearch: row.savedSearch ? { id: row.savedSearch.id, name: row.savedSearch.name, matches: row.matchCount ?? 1 } : null,
        path: this.path(row, row.actor?.handle ?? null, row.savedSearch),
        read: row.readAt !== null,
        createdAt: row.createdAt.toISOString(),
      };
    });
    return { items, nextCursor: page.nextCursor, unread: await this.notifications.unreadCount(actor.memberId) };
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    if ((await this.notifications.markRead(actor.memberId, id)) === 0) throw NotFound('Notification');
  }

  async markAllRead(actor: Actor): Promise<number> {
    return this.notifications.markAllRead(actor.memberId);
  }

  unread(actor: Actor): Promise<number> {
    return this.notifications.unreadCount(actor.memberId);
  }

  async preferences(actor: Actor): Promise<NotificationPreferences> {
    const rows = await this.notifications.preferences([actor.memberId]);
    const preferences = { ...DEFAULT_CHANNELS };
    for (const row of rows) preferences[row.type] = row.channel;
    return { preferences };
  }

  async setPreferences(actor: Actor, changes: Partial<Record<NotificationType, NotificationChannel>>): Promise<NotificationPreferences> {
    for (const [type, channel] of Object.entries(changes) as Array<[NotificationType, NotificationChannel]>) await this.notifications.setPreference(actor.memberId, type, channel);
    return this.preferences(actor);
  }

  /** One-click unsubscribe from the e-mail of one type (the bell stays). */
  async unsubscribe(token: string): Promise<UnsubscribeResponse> {
    const [payload = '', signature = ''] = token.split('.');
    let memberId = '';
    let type = '';
    try {
      [memberId = '', type = ''] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
    } catch {
      // falls through to the refusal below
    }
    const parsedType = NotificationTypes.safeParse(type);
    if (!parsedType.success || !safeEqual(signature, this.keys.hmac('unsubscribe', `${memberId}:${type}`))) {
      throw new DomainError(400, ProblemCode.tokenInvalid, 'This unsubscribe link is not valid.');
    }
    await this.notifications.setPreference(memberId, parsedType.data, 'in_app');
    return { type: parsedType.data, channel: 'in_app' };
  }

  unsubscribeToken(memberId: string, type: NotificationType): string {
    return `${Buffer.from(`${memberId}:${type}`).toString('base64url')}.${this.keys.hmac('unsubscribe', `${memberId}:${type}`)}`;
  }

  /** Sends each member one e-mail with their pending digest items; each item is e-mailed once. */
  async sendDigests(): Promise<number> {
    let sent = 0;
    for (const recipientId of await this.notifications.digestRecipients()) {
      await this.tx.run(async (tx) => {
        const pending = await this.notifications.pendingDigest(tx, recipientId);
        if (pending.length === 0) return;
        const facts = await this.facts(tx, pending);
        const recipient = facts.recipients.get(recipientId);
        if (recipient) {
          const locale = localeOf(recipient.locale);
          const lines = pending.map((row) => `${notificationLine(row.type, locale, facts.of(row))}: ${this.config.publicUrl}${this.path(row, row.actor?.handle ?? null, row.savedSearch)}`);
          const subject = locale === 'en' ? `Your Lesplein digest: ${pending.length} new` : `Je Lesplein-overzicht: ${pending.length} nieuw`;
          await this.mailer.queue(tx, this.mail(recipient, pending[0]!.type, subject, lines, 'digest'));
          sent++;
        }
        await this.notifications.markEmailed(tx, pending.map((row) => row.id));
      });
    }
    return sent;
  }

  async purge(now = new Date()): Promise<number> {
    return this.notifications.purgeBefore(new Date(now.getTime() - RETENTION_DAYS * 24 * 3600 * 1000));
  }

  private mail(recipient: { id: string; email: string; locale: string; firstName: string }, type: NotificationType, subject: string, lines: string[], kind: 'single' | 'digest' = 'single') {
    const locale = localeOf(recipient.locale);
    const token = this.unsubscribeToken(recipient.id, type);
    const pageUrl = `${this.config.publicUrl}/unsubscribe?token=${token}`;
    const oneClickUrl = `${this.config.publicUrl}/api/notifications/unsubscribe?token=${token}`;
    const greeting = locale === 'en' ? `Hello ${recipient.firstName},` : `Dag ${recipient.firstName},`;
    const footer =
      kind === 'digest'
        ? locale === 'en' ? 'Change which e-mails you get in your notification settings.' : 'Kies in je meldingsinstellingen welke e-mails je krijgt.'
        : locale === 'en' ? `No more e-mails about ${TYPE_LABELS[type].en}? Unsubscribe: ${pageUrl}` : `Geen e-mails meer over ${TYPE_LABELS[type].nl}? Uitschrijven: ${pageUrl}`;
    const text = [greeting, ...lines, footer, 'Lesplein'].join('\n\n');
    const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5"><p>${escape(greeting)}</p>${lines.map((line) => `<p>${escape(line)}</p>`).join('')}<p style="color:#555">${escape(footer)}</p></body></html>`;
    return {
      to: recipient.email,
      subject,
      text,
      html,
      headers: { 'List-Unsubscribe': `<${oneClickUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  }

  private path(
    row: { type: NotificationType; resourceId: string | null; folderId: string | null; commentId: string | null; conversationId: string | null },
    actorHandle: string | null,
    savedSearch: { filters: unknown } | null = null,
  ): string {
    switch (row.type) {
      case 'new_follower':
        return actorHandle ? `/members/${actorHandle}` : '/notifications';
      case 'new_message':
        return row.conversationId ? `/messages/${row.conversationId}` : '/messages';
      case 'folder_new_resource':
        return row.folderId ? `/folders/${row.folderId}` : '/notifications';
      case 'saved_search_match':
        // The search page with the saved filters, newest first: the new matches on top.
        return savedSearch ? searchPagePath(storedFilters(savedSearch.filters), 'newest') : '/notifications';
      default:
        return row.resourceId ? `/resources/${row.resourceId}${row.commentId ? `#comment-${row.commentId}` : ''}` : '/notifications';
    }
  }

  private async facts(tx: Tx, rows: Array<{ recipientId: string; actorId: string | null; resourceId: string | null; folderId: string | null; savedSearchId: string | null; matchCount: number | null }>) {
    const ids = (pick: (row: (typeof rows)[number]) => string | null) => [...new Set(rows.flatMap((row) => (pick(row) ? [pick(row)!] : [])))];
    const [members, resources, folders, savedSearches] = await Promise.all([
      this.notifications.recipients([...ids((row) => row.recipientId), ...ids((row) => row.actorId)], tx),
      this.notifications.resources(ids((row) => row.resourceId), tx),
      this.notifications.folders(ids((row) => row.folderId), tx),
      this.notifications.savedSearches(ids((row) => row.savedSearchId), tx),
    ]);
    const memberById = new Map(members.map((m) => [m.id, m]));
    return {
      recipients: memberById,
      actorHandle: (row: { actorId: string | null }) => (row.actorId ? (memberById.get(row.actorId)?.handle ?? null) : null),
      savedSearch: (row: { savedSearchId: string | null }) => savedSearches.find((s) => s.id === row.savedSearchId) ?? null,
      of: (row: { actorId: string | null; resourceId: string | null; folderId: string | null; savedSearchId: string | null; matchCount: number | null }) => {
        const actor = row.actorId ? memberById.get(row.actorId) : undefined;
        return {
          actorName: actor ? `${actor.firstName} ${actor.lastName}` : null,
          resourceTitle: resources.find((r) => r.id === row.resourceId)?.title ?? null,
          folderName: folders.find((f) => f.id === row.folderId)?.name ?? null,
          savedSearchName: savedSearches.find((s) => s.id === row.savedSearchId)?.name ?? null,
          matchCount: row.matchCount,
        };
      },
    };
  }
}
