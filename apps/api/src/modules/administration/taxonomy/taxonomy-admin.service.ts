import { Inject, Injectable } from '@nestjs/common';
import type { LevelChanges, NewLevel, NewSubject, SubjectChanges, SynonymGroups } from '@lesplein/contracts/taxonomy-admin';
import { AuditLog } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Tx } from '../../../core/database/prisma.service.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { Conflict, NotFound, ValidationFailed } from '../../../core/errors/domain-error.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { SEARCH_ENGINE, type SearchEngine } from '../../search/engine/search-engine.js';
import { enqueueSearchIndex } from '../../search/indexing/search-index.job.js';
import { SearchSynonymsRepository } from '../../search/search-synonyms.repository.js';
import { TaxonomyAdminRepository } from './taxonomy-admin.repository.js';

type Kind = 'subject' | 'level';
const LABEL: Record<Kind, string> = { subject: 'Subject', level: 'Education level' };

/**
 * Admins manage the taxonomy (subjects, education levels) and the search synonyms. Renaming or
 * moving an entry re-indexes the resources that carry it; an entry in use cannot be deleted.
 */
@Injectable()
export class TaxonomyAdminService {
  constructor(
    private readonly taxonomy: TaxonomyAdminRepository,
    private readonly synonyms: SearchSynonymsRepository,
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobQueue,
    private readonly audit: AuditLog,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {}

  async createSubject(actor: Actor, input: Required<Omit<NewSubject, 'position'>> & { position?: number }): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.prepareNew(tx, 'subject', input.key, input.parentKey);
      await this.taxonomy.createSubject(tx, { ...input, position: input.position ?? (await this.taxonomy.nextPosition('subject', tx)) });
      await this.audit.record(tx, { actor, action: 'taxonomy.subject_created', targetType: 'subject', targetId: input.key });
    });
  }

  async updateSubject(actor: Actor, key: string, changes: SubjectChanges): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.prepareChange(tx, 'subject', key, changes.parentKey);
      await this.taxonomy.updateSubject(tx, key, changes);
      await this.afterChange(tx, actor, 'subject', key, changes);
    });
  }

  async createLevel(actor: Actor, input: Required<Omit<NewLevel, 'position'>> & { position?: number }): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.prepareNew(tx, 'level', input.key, input.parentKey);
      await this.taxonomy.createLevel(tx, { ...input, position: input.position ?? (await this.taxonomy.nextPosition('level', tx)) });
      await this.audit.record(tx, { actor, action: 'taxonomy.level_created', targetType: 'level', targetId: input.key });
    });
  }

  async updateLevel(actor: Actor, key: string, changes: LevelChanges): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.prepareChange(tx, 'level', key, changes.parentKey);
      const current = await this.taxonomy.level(key, tx);
      if ((changes.minAge ?? current!.minAge) > (changes.maxAge ?? current!.maxAge)) throw ValidationFailed([{ path: 'maxAge', message: 'Minstens de minimumleeftijd / At least the minimum age' }]);
      await this.taxonomy.updateLevel(tx, key, changes);
      await this.afterChange(tx, actor, 'level', key, changes);
    });
  }

  /** Deletes an entry nothing refers to (no children, resources or members); 409 otherwise. */
  async delete(actor: Actor, kind: Kind, key: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.taxonomy.lockTaxonomy(tx);
      if (!(await this.taxonomy.exists(kind, key, tx))) throw NotFound(LABEL[kind]);
      const usage = await this.taxonomy.usage(kind, key, tx);
      if (usage.children + usage.resources + usage.members > 0) {
        throw Conflict(`In use by ${usage.children} sub-entries, ${usage.resources} resources and ${usage.members} members: move those first.`);
      }
      await this.taxonomy.delete(kind, key, tx);
      await this.audit.record(tx, { actor, action: `taxonomy.${kind}_deleted`, targetType: kind, targetId: key });
    });
  }

  synonymGroups(): Promise<string[][]> {
    return this.synonyms.groups();
  }

  /** Replaces the synonym groups and applies them to the search engine (other API processes within a minute). */
  async replaceSynonyms(actor: Actor, input: SynonymGroups): Promise<string[][]> {
    const groups = input.groups.map((terms) => [...new Set(terms)]).filter((terms) => terms.length >= 2);
    await this.synonyms.replace(groups);
    await this.engine.applySettings();
    await this.audit.recordNow({ actor, action: 'search.synonyms_replaced', targetType: 'setting', targetId: 'synonyms', details: { groups: groups.length } });
    return this.synonyms.groups();
  }

  private async prepareNew(tx: Tx, kind: Kind, key: string, parentKey: string | null): Promise<void> {
    await this.taxonomy.lockTaxonomy(tx);
    if (await this.taxonomy.exists(kind, key, tx)) throw Conflict(`${LABEL[kind]} "${key}" exists already.`);
    if (parentKey && !(await this.taxonomy.exists(kind, parentKey, tx))) throw ValidationFailed([{ path: 'parentKey', message: `Onbekend / Unknown: ${parentKey}` }]);
  }

  private async prepareChange(tx: Tx, kind: Kind, key: string, parentKey: string | null | undefined): Promise<void> {
    await this.taxonomy.lockTaxonomy(tx);
    if (!(await this.taxonomy.exists(kind, key, tx))) throw NotFound(LABEL[kind]);
    if (!parentKey) return;
    if (!(await this.taxonomy.exists(kind, parentKey, tx))) throw ValidationFailed([{ path: 'parentKey', message: `Onbekend / Unknown: ${parentKey}` }]);
    // The new parent may not be the entry itself or one of its descendants.
    if ((await this.taxonomy.ancestors(kind, parentKey, tx)).includes(key)) throw ValidationFailed([{ path: 'parentKey', message: 'Een lus in de boom / A loop in the tree' }]);
  }

  private async afterChange(tx: Tx, actor: Actor, kind: Kind, key: string, changes: object): Promise<void> {
    await enqueueSearchIndex(this.jobs, tx, await this.taxonomy.resourceIds(kind, key, tx));
    await this.audit.record(tx, { actor, action: `taxonomy.${kind}_changed`, targetType: kind, targetId: key, details: { fields: Object.keys(changes).sort() } });
  }
}
