import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import { JobQueue } from '../../core/outbox/job-queue.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../../core/storage/object-storage.js';
import { makeThumbnail } from './files/thumbnail.js';
import { ResourcesRepository } from './resources.repository.js';

export const DELETE_OBJECTS_JOB = 'resources.delete-objects';
export const THUMBNAIL_JOB = 'resources.thumbnail';

/** Background work for resources: thumbnails after upload, deleting stored files after removal. */
@Injectable()
export class ResourceJobs implements OnModuleInit {
  private readonly logger = new Logger('ResourceJobs');

  constructor(
    private readonly jobs: JobQueue,
    private readonly resources: ResourcesRepository,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ keys: string[] }>({ name: DELETE_OBJECTS_JOB, expireInSeconds: 120, handler: (data) => this.deleteObjects(data.keys) });
    this.jobs.define<{ fileId: string }>({ name: THUMBNAIL_JOB, retryLimit: 3, expireInSeconds: 300, handler: (data) => this.thumbnail(data.fileId) });
  }

  async deleteObjects(keys: string[]): Promise<void> {
    for (const key of keys) await this.storage.delete(key);
  }

  /** Renders a thumbnail for an image (or PDF, where a renderer is available); a no-op when the file is gone. */
  async thumbnail(fileId: string): Promise<void> {
    const file = await this.resources.findFileById(fileId);
    if (!file || file.thumbnailKey) return;
    const dir = path.join(this.config.dataDir, 'tmp', 'thumbnails');
    await fs.promises.mkdir(dir, { recursive: true });
    const local = path.join(dir, randomUUID());
    try {
      await pipeline(await this.storage.get(file.storageKey), fs.createWriteStream(local));
      const thumbnail = await makeThumbnail(local, file.mimeType);
      if (!thumbnail) return;
      const key = `${file.storageKey}-thumbnail`;
      const { Readable } = await import('node:stream');
      await this.storage.put(key, Readable.from([thumbnail]), { contentType: 'image/webp' });
      // The file may have been deleted meanwhile: then delete the orphan thumbnail too.
      if (!(await this.resources.setThumbnail(fileId, key))) await this.storage.delete(key);
    } catch (error) {
      this.logger.warn(`Thumbnail for file ${fileId} failed: ${(error as Error).message}`);
      throw error;
    } finally {
      await fs.promises.rm(local, { force: true });
    }
  }
}
