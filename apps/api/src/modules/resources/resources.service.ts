import { Inject, Injectable } from '@nestjs/common';
import { ProblemCode, type Page } from '@lesplein/contracts/common';
import type { CreateResourceRequest, HideResourceRequest, MyResourcesQuery, ResourceDetail, ResourceSummary, UpdateResourceRequest } from '@lesplein/contracts/resource';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import type { Actor } from '../../core/auth/actor.js';
import { AuditLog } from '../../core/audit/audit-log.js';
import { PreModeration } from '../moderation/pre-moderation/pre-moderation.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import type { Tx } from '../../core/database/prisma.service.js';
import { Conflict, DomainError, Forbidden, NotFound, ValidationFailed } from '../../core/errors/domain-error.js';
import { JobQueue } from '../../core/outbox/job-queue.js';
import { decodeCursor, pageOf } from '../../core/pagination/cursor.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { enqueueSearchIndex } from '../search/indexing/search-index.job.js';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { ResourcePolicy, type ResourceAccessInfo } from './resource-access.js';
import { toResourceDetail, toResourceSummary } from './resource.mapper.js';
import { DELETE_OBJECTS_JOB } from './resource-jobs.js';
import { ResourcesRepository } from './resources.repository.js';
import { ViewHistoryRepository } from './view-history.repository.js';

const REVIEW_WINDOW_MS = 30 * 60 * 1000;

type CreateInput = Required<{ [K in keyof CreateResourceRequest]-?: Exclude<CreateResourceRequest[K], undefined> }>;

/** Learning resources: drafts, publication, edits, removal by the author, hiding by moderators. */
@Injectable()
export class ResourcesService {
  constructor(
    private readonly resources: ResourcesRepository,
    private readonly history: ViewHistoryRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly jobs: JobQueue,
    private readonly notifications: NotificationsService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly preModeration: PreModeration,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, input: CreateInput): Promise<ResourceDetail> {
    await this.taxonomy.assertKnown(input.subjects, input.levels);
    const { subjects, levels, ...data } = input;
    const id = await this.tx.run((tx) => this.resources.create(tx, actor.memberId, data, [...new Set(subjects)], [...new Set(levels)]));
    return this.detail(actor, id);
  }

  /**
   * Reads a resource; counts the view and records it in the viewer's history (unless paused).
   * The author's own visits do not count, nor a member's repeated visits within half an hour.
   */
  async view(actor: Actor | undefined, id: string): Promise<ResourceDetail> {
    const row = await this.resources.findDetail(id);
    if (!row || !ResourcePolicy.canRead(actor, row)) throw NotFound('Resource');
    if (row.state === 'published' && actor?.memberId !== row.authorId && !(actor && (await this.history.viewedSince(actor.memberId, id, new Date(Date.now() - REVIEW_WINDOW_MS))))) {
      await this.resources.countView(id);
      row.viewCount += 1;
      if (actor && !(await this.history.isPaused(actor.memberId))) await this.history.record(actor.memberId, id);
    }
    return toResourceDetail(row, actor, this.config.publicUrl);
  }

  async update(actor: Actor, id: string, input: UpdateResourceRequest): Promise<ResourceDetail> {
    await this.taxonomy.assertKnown(input.subjects, input.levels);
    await this.tx.run(async (tx) => {
      const resource = await this.lockForEdit(tx, actor, id);
      const { subjects, levels, ...data } = input;
      if (data.link && (await this.resources.countFiles(tx, id)) > 0) {
        throw ValidationFailed([{ path: 'link', message: 'Een leermiddel heeft bestanden of één link, niet allebei / A resource has files or one link, not both' }]);
      }
      if (resource.state === 'published' && data.link === null && (await this.resources.countFiles(tx, id)) === 0) {
        throw ValidationFailed([{ path: 'link', message: 'Een gepubliceerd leermiddel heeft een bestand of link nodig / A published resource needs a file or a link' }]);
      }
      await this.resources.update(tx, id, data, subjects ? [...new Set(subjects)] : undefined, levels ? [...new Set(levels)] : undefined);
      if (resource.state === 'published') await enqueueSearchIndex(this.jobs, tx, [id]);
    });
    return this.detail(actor, id);
  }

  async publish(actor: Actor, id: string): Promise<ResourceDetail> {
    await this.tx.run(async (tx) => {
      const resource = await this.lockForEdit(tx, actor, id);
      if (resource.state !== 'draft' && resource.state !== 'rejected') throw Conflict('Only drafts (and resources refused at review) can be published.', ProblemCode.conflict);
      if (!resource.link && (await this.resources.countFiles(tx, id)) === 0) {
        throw ValidationFailed([{ path: 'files', message: 'Voeg een bestand of link toe / Add a file or a link' }], 'A resource needs at least one file or a link before it is published.');
      }
      // With pre-moderation on, a member's resource waits in the moderators' review queue.
      if (await this.preModeration.requiresReview(tx, actor)) {
        await this.resources.update(tx, id, { state: 'pending_review' });
        return;
      }
      await this.resources.update(tx, id, { state: 'published', publishedAt: new Date() });
      await enqueueSearchIndex(this.jobs, tx, [id]);
    });
    return this.detail(actor, id);
  }

  async unpublish(actor: Actor, id: string): Promise<ResourceDetail> {
    await this.tx.run(async (tx) => {
      const resource = await this.lockForEdit(tx, actor, id);
      if (resource.state !== 'published') throw Conflict('Only published resources can go back to draft.');
      await this.resources.update(tx, id, { state: 'draft' });
      await enqueueSearchIndex(this.jobs, tx, [id]);
    });
    return this.detail(actor, id);
  }

  /** The author removes a resource: it disappears, its files are deleted after the commit. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.tx.run(async (tx) => {
      const resource = await this.resources.lock(tx, id);
      this.assertVisible(actor, resource);
      if (!ResourcePolicy.canRemove(actor, resource!)) throw Forbidden('Only the author removes a resource.');
      const keys = await this.resources.deleteAllFiles(tx, id);
      await this.resources.update(tx, id, { state: 'removed', removedAt: new Date() });
      if (keys.length > 0) await this.jobs.enqueue(tx, DELETE_OBJECTS_JOB, { keys });
      await enqueueSearchIndex(this.jobs, tx, [id]);
    });
  }

  async hide(actor: Actor, id: string, input: HideResourceRequest): Promise<ResourceDetail> {
    await this.tx.run(async (tx) => {
      const resource = await this.resources.lock(tx, id);
      this.assertVisible(actor, resource);
      if (!ResourcePolicy.canHide(actor, resource!)) throw Forbidden('Only moderators hide published resources.');
      await this.resources.update(tx, id, { state: 'hidden', hiddenReason: input.reason, hiddenAt: new Date(), hiddenBy: { connect: { id: actor.memberId } } });
      await enqueueSearchIndex(this.jobs, tx, [id]);
      if (resource!.authorId !== actor.memberId) await this.audit.record(tx, { actor, action: 'resource.hidden', targetType: 'resource', targetId: id, details: { previousState: resource!.state } });
      if (resource!.authorId && resource!.state === 'published') {
        await this.notifications.notify(tx, [{ recipientId: resource!.authorId, type: 'resource_hidden', resourceId: id }]);
      }
    });
    return this.detail(actor, id);
  }

  async unhide(actor: Actor, id: string): Promise<ResourceDetail> {
    await this.tx.run(async (tx) => {
      const resource = await this.resources.lock(tx, id);
      this.assertVisible(actor, resource);
      if (!ResourcePolicy.canHide(actor, resource!)) throw Forbidden('Only moderators restore hidden resources.');
      if (resource!.state !== 'hidden') throw Conflict('The resource is not hidden.');
      await this.resources.update(tx, id, { state: 'published', hiddenReason: null, hiddenAt: null, hiddenBy: { disconnect: true } });
      await enqueueSearchIndex(this.jobs, tx, [id]);
      await this.audit.record(tx, { actor, action: 'resource.restored', targetType: 'resource', targetId: id });
    });
    return this.detail(actor, id);
  }

  async mine(actor: Actor, query: MyResourcesQuery): Promise<Page<ResourceSummary>> {
    const rows = await this.resources.listByAuthor(actor.memberId, query.state, decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.updatedAt, id: row.id }));
    return { items: page.items.map(toResourceSummary), nextCursor: page.nextCursor };
  }

  async latest(query: { cursor?: string; limit: number }): Promise<Page<ResourceSummary>> {
    const rows = await this.resources.listPublished(decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.publishedAt ?? row.createdAt, id: row.id }));
    return { items: page.items.map(toResourceSummary), nextCursor: page.nextCursor };
  }

  /** Locks the resource and checks that the actor may edit it (404 when they cannot even see it). */
  async lockForEdit(tx: Tx, actor: Actor, id: string) {
    const resource = await this.resources.lock(tx, id);
    this.assertVisible(actor, resource);
    if (!ResourcePolicy.canEdit(actor, resource!)) throw Forbidden('Only the author edits a resource.');
    return resource!;
  }

  private assertVisible(actor: Actor, resource: ResourceAccessInfo | null): asserts resource is ResourceAccessInfo {
    if (!resource || !ResourcePolicy.canRead(actor, resource)) throw NotFound('Resource');
  }

  private async detail(actor: Actor, id: string): Promise<ResourceDetail> {
    const row = await this.resources.findDetail(id);
    if (!row) throw new DomainError(404, ProblemCode.notFound, 'Resource not found.');
    return toResourceDetail(row, actor, this.config.publicUrl);
  }
}
