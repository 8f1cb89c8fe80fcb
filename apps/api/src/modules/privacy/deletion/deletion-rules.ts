import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/env.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { OBJECT_STORAGE, StorageObjectMissing, type ObjectStorage } from '../../../core/storage/object-storage.js';
import { replaceMentions } from '../../community/comments.mentions.js';
import { stripMetadata } from '../../resources/files/strip-metadata.js';
import { enqueueSearchIndex } from '../../search/indexing/search-index.job.js';
import type { MemberLink } from './deletion-plan.js';
import { DeletionRepository, type MemberForDeletion, type TextRow } from './deletion.repository.js';
import { FORMER_MEMBER, redactIdentifiers } from './redact.js';

/** Reports how many rows a batch touched and where a resumable step has got to. */
export type Progress = (rows: number, cursor?: string) => Promise<void>;

const link = (table: string, column: string): MemberLink => ({ table, column, uuid: true });
/** Files are re-checked and resources removed a few at a time (each holds object-storage work). */
const FILE_BATCH = 20;

/**
 * The deletion rules that need more than "delete the rows" or "set the link to null": what
 * happens to the member's resources and comments (kept without their name, or removed), their
 * @mentions in others' text, their texts that stay (redacted), ratings kept only in the averages,
 * exports, conversations. Each rule loops over small batches until nothing is left, so it can be
 * interrupted and run again.
 */
@Injectable()
export class DeletionRules {
  constructor(
    private readonly repository: DeletionRepository,
    private readonly jobs: JobQueue,
    private readonly tx: TransactionRunner,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get batchSize(): number {
    return this.config.deletionBatchSize;
  }

  /** Repeats a batch until it touches nothing. */
  private async drain(batch: () => Promise<number>, progress: Progress): Promise<void> {
    for (;;) {
      const rows = await batch();
      if (rows === 0) return;
      await progress(rows);
    }
  }

  deleteLinked(target: MemberLink, memberId: string, progress: Progress): Promise<void> {
    return this.drain(() => this.repository.deleteLinked(target, memberId, this.batchSize), progress);
  }

  detachLinked(target: MemberLink, clear: string[], memberId: string, progress: Progress): Promise<void> {
    return this.drain(() => this.repository.detachLinked(target, clear, memberId, this.batchSize), progress);
  }

  /**
   * Resources and comments. Removed: files deleted from storage, resources deleted (and dropped
   * from the search index), comments emptied to the "deleted" placeholder so replies stay.
   * Kept: uploaded files re-checked for metadata, the member's names redacted from the texts,
   * then the author link removed (and the resources re-indexed without an author).
   */
  async contributions(member: MemberForDeletion, keep: boolean, cursor: string | undefined, progress: Progress): Promise<void> {
    if (!keep) {
      for (;;) {
        const resources = await this.repository.authoredResources(member.id, FILE_BATCH);
        if (resources.length === 0) break;
        for (const file of resources.flatMap((resource) => resource.files)) {
          await this.storage.delete(file.storageKey);
          if (file.thumbnailKey) await this.storage.delete(file.thumbnailKey);
        }
        const ids = resources.map((resource) => resource.id);
        await this.tx.run(async (tx) => {
          await this.repository.deleteResources(tx, ids);
          await enqueueSearchIndex(this.jobs, tx, ids);
        });
        await progress(ids.length);
      }
      await this.drain(() => this.repository.blankComments(member.id, this.batchSize), progress);
    } else {
      await this.recheckFiles(member, cursor, progress);
      await this.redactResources(member, progress);
      await this.rewrite('Comment', 'body', { link: link('Comment', 'authorId'), memberId: member.id }, (text) => redactIdentifiers(text, member), progress);
      for (;;) {
        const ids = await this.tx.run(async (tx) => {
          const detached = await this.repository.detachResources(tx, member.id, this.batchSize);
          await enqueueSearchIndex(this.jobs, tx, detached);
          return detached;
        });
        if (ids.length === 0) break;
        await progress(ids.length);
      }
    }
    await this.detachLinked(link('Comment', 'authorId'), [], member.id, progress);
    await this.detachLinked(link('ResourceFile', 'uploaderId'), [], member.id, progress);
  }

  /** Re-runs the metadata stripping on each file the member uploaded (idempotent), and redacts file names. */
  private async recheckFiles(member: MemberForDeletion, cursor: string | undefined, progress: Progress): Promise<void> {
    let after = cursor?.startsWith('files@') ? cursor.slice('files@'.length) : null;
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'lesplein-deletion-'));
    try {
      for (;;) {
        const files = await this.repository.uploadedFiles(member.id, after, FILE_BATCH);
        if (files.length === 0) break;
        for (const file of files) {
          const size = await this.restrip(file.storageKey, file.mimeType, path.join(scratch, randomUUID()));
          const displayName = redactIdentifiers(file.displayName, member);
          await this.repository.updateFile(file.id, { ...(size === undefined ? {} : { size }), ...(displayName === file.displayName ? {} : { displayName }) });
        }
        after = files.at(-1)!.id;
        await progress(files.length, `files@${after}`);
      }
    } finally {
      await fs.rm(scratch, { recursive: true, force: true });
    }
  }

  private async restrip(key: string, mimeType: string, temp: string): Promise<number | undefined> {
    try {
      await pipeline(await this.storage.get(key), createWriteStream(temp));
    } catch (error) {
      if (error instanceof StorageObjectMissing) return undefined;
      throw error;
    }
    try {
      await stripMetadata(temp, mimeType);
      return (await this.storage.put(key, createReadStream(temp), { contentType: mimeType })).size;
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  private async redactResources(member: MemberForDeletion, progress: Progress): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.repository.authoredResourceTexts(member.id, after, this.batchSize);
      if (rows.length === 0) return;
      let changed = 0;
      for (const row of rows) {
        const next = { title: redactIdentifiers(row.title, member), description: redactIdentifiers(row.description, member), keywords: row.keywords.map((keyword) => redactIdentifiers(keyword, member)) };
        if (next.title !== row.title || next.description !== row.description || next.keywords.some((keyword, i) => keyword !== row.keywords[i])) {
          await this.repository.updateResourceTexts(row.id, next);
          changed += 1;
        }
      }
      after = rows.at(-1)!.id;
      await progress(changed);
    }
  }

  /** Rewrites a text column, a page at a time, where `rewrite` changes it. */
  private async rewrite(
    table: string,
    textColumn: string,
    where: { link?: MemberLink; memberId?: string; contains?: string },
    rewrite: (text: string) => string,
    progress: Progress,
  ): Promise<void> {
    const idColumn = 'id';
    let after: string | null = null;
    for (;;) {
      const rows: TextRow[] = await this.repository.textPage(table, idColumn, textColumn, where, after, this.batchSize);
      if (rows.length === 0) return;
      const changed = rows.map((row) => ({ id: row.id, text: rewrite(row.text) })).filter((row, i) => row.text !== rows[i]!.text);
      await this.repository.writeTexts(table, idColumn, textColumn, changed, true);
      after = rows.at(-1)!.id;
      await progress(changed.length);
    }
  }

  /** "@handle" in other members' comments and resource descriptions becomes plain "voormalig lid". */
  async mentions(member: MemberForDeletion, progress: Progress): Promise<void> {
    const rewrite = (text: string) => replaceMentions(text, member.handle, FORMER_MEMBER);
    await this.rewrite('Comment', 'body', { contains: `@${member.handle}` }, rewrite, progress);
    await this.rewrite('Resource', 'description', { contains: `@${member.handle}` }, rewrite, progress);
  }

  /** Ratings: the rows go; each resource's stored count and sum (its average) stay as they are. */
  ratings(memberId: string, progress: Progress): Promise<void> {
    return this.deleteLinked(link('Rating', 'memberId'), memberId, progress);
  }

  /** Exports: their archives in storage, then the rows. */
  async exports(memberId: string, progress: Progress): Promise<void> {
    for (const row of await this.repository.exportKeys(memberId)) if (row.storageKey) await this.storage.delete(row.storageKey);
    await this.deleteLinked(link('DataExport', 'memberId'), memberId, progress);
  }

  /**
   * The other party keeps the conversation, with the member's names and addresses redacted from
   * every message in it (theirs and the other party's); conversations left with nobody are deleted.
   */
  async conversations(member: MemberForDeletion, progress: Progress): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.repository.conversationMessages(member.id, after, this.batchSize);
      if (rows.length === 0) break;
      const changed = rows.map((row) => ({ id: row.id, text: redactIdentifiers(row.text, member) })).filter((row, i) => row.text !== rows[i]!.text);
      await this.repository.writeTexts('Message', 'id', 'body', changed, true);
      after = rows.at(-1)!.id;
      await progress(changed.length);
    }
    await this.detachLinked(link('Conversation', 'memberAId'), [], member.id, progress);
    await this.detachLinked(link('Conversation', 'memberBId'), [], member.id, progress);
    await this.drain(() => this.repository.deleteOrphanConversations(this.batchSize), progress);
  }

  /** Sent messages stay with the other party (redacted with their conversation), without the sender. */
  messages(memberId: string, progress: Progress): Promise<void> {
    return this.detachLinked(link('Message', 'senderId'), [], memberId, progress);
  }

  /** Appeals are kept (DSA) without the member: their text redacted, the link removed. */
  async appeals(member: MemberForDeletion, progress: Progress): Promise<void> {
    await this.rewrite('Appeal', 'text', { link: link('Appeal', 'memberId'), memberId: member.id }, (text) => redactIdentifiers(text, member), progress);
    await this.detachLinked(link('Appeal', 'memberId'), [], member.id, progress);
  }

  /** Reports the member filed stay for the moderators, without the reporter. */
  async reports(member: MemberForDeletion, progress: Progress): Promise<void> {
    await this.rewrite('Report', 'reason', { link: link('Report', 'reporterId'), memberId: member.id }, (text) => redactIdentifiers(text, member), progress);
    await this.detachLinked(link('Report', 'reporterId'), [], member.id, progress);
  }

  /** Log-in attempts with the member's address that were not linked to the account (a keyed hash). */
  deleteByEmailHash(emailHash: string, progress: Progress): Promise<void> {
    return this.drain(() => this.repository.deleteLoginAttemptsByEmailHash(emailHash, this.batchSize), progress);
  }

  /** The search engine's copies: the author and their name go (the indexer re-sends the resources too). */
  searchDocuments(memberId: string, progress: Progress): Promise<void> {
    return this.detachLinked(link('SearchDocument', 'authorId'), ['authorName'], memberId, progress);
  }
}
