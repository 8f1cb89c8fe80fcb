import { Injectable } from '@nestjs/common';
import type { OptionalField, OwnProfile, PublicProfile, SetOptionalFieldRequest, UpdateProfileRequest } from '@lesplein/contracts/profile';
import type { Actor } from '../../core/auth/actor.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { Keys } from '../../core/crypto/keys.js';
import { Gone, NotFound, ValidationFailed } from '../../core/errors/domain-error.js';
import { JobQueue } from '../../core/outbox/job-queue.js';
import { enqueueSearchIndex } from '../search/indexing/search-index.job.js';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import type { CurrentMember } from '@lesplein/contracts/auth';
import { toCurrentMember } from './member.mapper.js';
import { MembersRepository, type ProfileChanges } from './members.repository.js';
import { formerHandleHash } from './handles.js';
import { canSee, toOwnProfile, toPublicProfile, visibilityOf, type Viewer } from './profile.mapper.js';
import { processProfilePhoto } from './profile-photo.js';

const ERASED: Record<OptionalField, ProfileChanges> = {
  photo: { photo: null, photoMimeType: null },
  aboutMe: { aboutMe: null },
  website: { website: null },
  socialLinks: { socialLinks: [] },
};

/**
 * The member's own profile and what others see of it. Optional fields are stored only with
 * consent per field (recorded as evidence); withdrawing consent erases the field.
 */
@Injectable()
export class ProfileService {
  constructor(
    private readonly members: MembersRepository,
    private readonly taxonomy: TaxonomyService,
    private readonly tx: TransactionRunner,
    private readonly jobs: JobQueue,
    private readonly keys: Keys,
  ) {}

  async currentMember(actor: Actor): Promise<CurrentMember> {
    const row = await this.members.findProfile(actor.memberId);
    if (!row) throw NotFound('Member');
    return toCurrentMember(row);
  }

  async get(actor: Actor): Promise<OwnProfile> {
    const row = await this.members.findProfile(actor.memberId);
    if (!row) throw NotFound('Member');
    return toOwnProfile(row);
  }

  async update(actor: Actor, input: UpdateProfileRequest): Promise<OwnProfile> {
    await this.taxonomy.assertKnown(input.subjects, input.levels);
    const { subjects, levels, visibility, dateOfBirth, ...fields } = input;
    if (dateOfBirth) {
      const date = new Date(`${dateOfBirth}T00:00:00Z`);
      const age = (Date.now() - date.getTime()) / (365.25 * 24 * 3600 * 1000);
      if (age < 12 || age > 120) throw ValidationFailed([{ path: 'dateOfBirth', message: 'Onwaarschijnlijke geboortedatum / Unlikely date of birth' }]);
    }
    return this.tx.run(async (tx) => {
      const current = await this.members.findProfile(actor.memberId, tx);
      if (!current) throw NotFound('Member');
      const changes: ProfileChanges = { ...fields };
      if (dateOfBirth !== undefined) changes.dateOfBirth = dateOfBirth ? new Date(`${dateOfBirth}T00:00:00Z`) : null;
      if (visibility) changes.fieldVisibility = { ...visibilityOf(current.fieldVisibility), ...visibility };
      await this.members.updateProfile(tx, actor.memberId, changes);
      // The author's name is in their resources' search documents.
      if ((fields.firstName !== undefined && fields.firstName !== current.firstName) || (fields.lastName !== undefined && fields.lastName !== current.lastName)) {
        await enqueueSearchIndex(this.jobs, tx, await this.members.searchableResourceIds(tx, actor.memberId));
      }
      await this.members.replaceTeaching(tx, actor.memberId, subjects ? [...new Set(subjects)] : undefined, levels ? [...new Set(levels)] : undefined);
      return toOwnProfile((await this.members.findProfile(actor.memberId, tx))!);
    });
  }

  async setOptionalField(actor: Actor, input: SetOptionalFieldRequest): Promise<OwnProfile> {
    const changes: ProfileChanges =
      input.field === 'aboutMe' ? { aboutMe: input.value } : input.field === 'website' ? { website: input.value } : { socialLinks: [...new Set(input.value)] };
    return this.storeWithConsent(actor, input.field, changes);
  }

  async setPhoto(actor: Actor, consent: boolean, image: Buffer): Promise<OwnProfile> {
    if (!consent) throw ValidationFailed([{ path: 'consent', message: 'Toestemming is nodig / Consent is required' }], 'A profile photo is stored only with your consent (consent=true).');
    const photo = await processProfilePhoto(image);
    return this.storeWithConsent(actor, 'photo', { photo: new Uint8Array(photo), photoMimeType: 'image/webp' });
  }

  /** Withdraws consent for an optional field and erases it. */
  async withdraw(actor: Actor, field: OptionalField): Promise<OwnProfile> {
    return this.tx.run(async (tx) => {
      await this.members.updateProfile(tx, actor.memberId, ERASED[field]);
      await this.members.recordConsent(tx, actor.memberId, field, false);
      return toOwnProfile((await this.members.findProfile(actor.memberId, tx))!);
    });
  }

  async publicProfile(viewer: Actor | undefined, handle: string): Promise<PublicProfile> {
    const row = await this.members.findProfileByHandle(handle);
    if (!row && (await this.members.isFormerHandle(formerHandleHash(this.keys, handle)))) throw Gone('This member deleted their account.');
    if (!row) throw NotFound('Member');
    return toPublicProfile(row, this.viewerOf(viewer, row.id), `/api/members/${row.handle}/photo`);
  }

  async photo(viewer: Actor | undefined, handle: string): Promise<{ bytes: Buffer; mimeType: string }> {
    const row = await this.members.findProfileByHandle(handle);
    const photo = row ? await this.members.findPhotoByHandle(handle) : null;
    if (!row || !photo?.photo || !photo.photoMimeType) throw NotFound('Photo');
    if (!canSee(visibilityOf(photo.fieldVisibility).photo, this.viewerOf(viewer, row.id))) throw NotFound('Photo');
    return { bytes: Buffer.from(photo.photo), mimeType: photo.photoMimeType };
  }

  private viewerOf(viewer: Actor | undefined, memberId: string): Viewer {
    return !viewer ? 'anonymous' : viewer.memberId === memberId ? 'self' : 'member';
  }

  private storeWithConsent(actor: Actor, field: OptionalField, changes: ProfileChanges): Promise<OwnProfile> {
    return this.tx.run(async (tx) => {
      await this.members.recordConsent(tx, actor.memberId, field, true);
      await this.members.updateProfile(tx, actor.memberId, changes);
      return toOwnProfile((await this.members.findProfile(actor.memberId, tx))!);
    });
  }
}
