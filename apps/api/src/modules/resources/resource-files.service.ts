import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { ProblemCode } from '@lesplein/contracts/common';
import type { ResourceFile, UploadLimits } from '@lesplein/contracts/resource';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import type { Actor } from '../../core/auth/actor.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { DomainError, NotFound, ValidationFailed } from '../../core/errors/domain-error.js';
import { receiveUpload } from '../../core/http/receive-upload.js';
import { JobQueue } from '../../core/outbox/job-queue.js';
import { OBJECT_STORAGE, StorageObjectMissing, type ObjectStorage } from '../../core/storage/object-storage.js';
import { enqueueSearchIndex } from '../search/indexing/search-index.job.js';
import { inspectUpload } from './files/inspect-upload.js';
import { stripMetadata } from './files/strip-metadata.js';
import { ResourcePolicy } from './resource-access.js';
import { toResourceFile } from './resource.mapper.js';
import { DELETE_OBJECTS_JOB, THUMBNAIL_JOB } from './resource-jobs.js';
import { ResourcesRepository, type ResourceFileRow } from './resources.repository.js';
import { ResourcesService } from './resources.service.js';

const MAX_FILES_PER_RESOURCE = 20;

export interface FileStream {
  file: ResourceFileRow;
  stream: Readable;
}

/**
 * Files of a resource. Uploads stream to a temporary file with a size limit and the member's
 * quota, are checked by content, stripped of personal metadata, stored under a generated key,
 * and only then recorded; any failure removes what was written.
 */
@Injectable()
export class ResourceFilesService {
  constructor(
    private readonly resources: ResourcesRepository,
    private readonly resourceRules: ResourcesService,
    private readonly jobs: JobQueue,
    private readonly tx: TransactionRunner,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async limits(actor: Actor): Promise<UploadLimits> {
    return {
      maxFileBytes: this.config.uploadMaxFileBytes,
      quotaBytes: this.config.uploadQuotaBytes,
      usedBytes: await this.resources.usedBytes(actor.memberId),
      maxFilesPerResource: MAX_FILES_PER_RESOURCE,
    };
  }

  async upload(actor: Actor, resourceId: string, body: Readable, displayName: string, declaredLength: number | undefined): Promise<ResourceFile> {
    // Access first, before reading a byte.
    await this.tx.run(async (tx) => {
      const resource = await this.resourceRules.lockForEdit(tx, actor, resourceId);
      if (resource.link) throw isLink();
      if ((await this.resources.countFiles(tx, resourceId)) >= MAX_FILES_PER_RESOURCE) throw tooManyFiles();
    });
    const used = await this.resources.usedBytes(actor.memberId);
    const quotaLeft = this.config.uploadQuotaBytes - used;
    if (declaredLength !== undefined && declaredLength > this.config.uploadMaxFileBytes) throw tooLarge(this.config.uploadMaxFileBytes);
    if (quotaLeft <= 0 || (declaredLength !== undefined && declaredLength > quotaLeft)) throw quotaExceeded();

    const maxBytes = Math.min(this.config.uploadMaxFileBytes, quotaLeft);
    const received = await receiveUpload(body, {
      tempDir: path.join(this.config.dataDir, 'tmp', 'uploads'),
      maxBytes,
      tooLarge: () => (maxBytes < this.config.uploadMaxFileBytes ? quotaExceeded() : tooLarge(this.config.uploadMaxFileBytes)),
    });
    const fileId = randomUUID();
    const storageKey = `resources/${resourceId}/${fileId}`;
    let stored = false;
    try {
      const inspected = await inspectUpload({ path: received.path, declaredName: displayName, maxBytes });
      await stripMetadata(received.path, inspected.mimeType);
      const size = (await fs.promises.stat(received.path)).size;
      await this.storage.put(storageKey, fs.createReadStream(received.path), { contentType: inspected.mimeType });
      stored = true;
      const row = await this.tx.run(async (tx) => {
        const resource = await this.resourceRules.lockForEdit(tx, actor, resourceId);
        if (resource.link) throw isLink();
        const position = await this.resources.countFiles(tx, resourceId);
        if (position >= MAX_FILES_PER_RESOURCE) throw tooManyFiles();
        if ((await this.resources.usedBytes(actor.memberId, tx)) + size > this.config.uploadQuotaBytes) throw quotaExceeded();
        const file = await this.resources.addFile(tx, {
          id: fileId,
          resourceId,
          uploaderId: actor.memberId,
          storageKey,
          displayName,
          size,
          mimeType: inspected.mimeType,
          extension: inspected.extension,
          previewKind: inspected.previewKind,
          position,
        });
        if (inspected.previewKind === 'image' || inspected.previewKind === 'pdf') await this.jobs.enqueue(tx, THUMBNAIL_JOB, { fileId });
        if (resource.state === 'published') await enqueueSearchIndex(this.jobs, tx, [resourceId]);
        return file;
      });
      return toResourceFile(row);
    } catch (error) {
      if (stored) await this.storage.delete(storageKey).catch(() => undefined);
      throw error;
    } finally {
      await received.discard();
    }
  }

  async remove(actor: Actor, resourceId: string, fileId: string): Promise<void> {
    await this.tx.run(async (tx) => {
      const resource = await this.resourceRules.lockForEdit(tx, actor, resourceId);
      const file = await this.resources.findFile(resourceId, fileId, tx);
      if (!file) throw NotFound('File');
      if (resource.state === 'published' && (await this.resources.countFiles(tx, resourceId)) === 1) {
        throw ValidationFailed([{ path: 'files', message: 'Een gepubliceerd leermiddel heeft een bestand of link nodig / A published resource needs a file or a link' }]);
      }
      await this.resources.deleteFile(tx, fileId);
      await this.jobs.enqueue(tx, DELETE_OBJECTS_JOB, { keys: [file.storageKey, ...(file.thumbnailKey ? [file.thumbnailKey] : [])] });
      if (resource.state === 'published') await enqueueSearchIndex(this.jobs, tx, [resourceId]);
    });
  }

  /** Opens a file of a resource the actor may read; counts downloads. */
  async open(actor: Actor | undefined, resourceId: string, fileId: string, kind: 'download' | 'preview' | 'thumbnail'): Promise<FileStream> {
    const resource = await this.resources.findDetail(resourceId);
    if (!resource || !ResourcePolicy.canRead(actor, resource)) throw NotFound('Resource');
    const file = resource.files.find((candidate) => candidate.id === fileId);
    if (!file) throw NotFound('File');
    if (kind === 'preview' && file.previewKind === 'none') throw NotFound('Preview');
    const key = kind === 'thumbnail' ? file.thumbnailKey : file.storageKey;
    if (!key) throw NotFound('Thumbnail');
    let stream: Readable;
    try {
      stream = await this.storage.get(key);
    } catch (error) {
      if (error instanceof StorageObjectMissing) throw NotFound('File');
      throw error;
    }
    if (kind === 'download' && resource.state === 'published') await this.resources.countDownload(resourceId);
    return { file, stream };
  }
}

const tooLarge = (limit: number) =>
  new DomainError(413, ProblemCode.fileTooLarge, `The file is larger than ${Math.round(limit / 1_048_576)} MB.`, { errors: [{ path: 'file', message: 'Bestand te groot / File too large' }] });
const isLink = () => new DomainError(409, ProblemCode.resourceIsLink, 'This resource is a web link; remove the link before adding files.');
const tooManyFiles = () => new DomainError(409, ProblemCode.tooManyFiles, `A resource holds at most ${MAX_FILES_PER_RESOURCE} files.`);
const quotaExceeded = () =>
  new DomainError(413, ProblemCode.quotaExceeded, 'Your storage quota is full; remove files to upload more.', { errors: [{ path: 'file', message: 'Opslagruimte vol / Storage quota full' }] });
