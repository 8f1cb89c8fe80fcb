import type { ResourceState } from '@lesplein/contracts/resource';
import type { Actor } from '../../core/auth/actor.js';

export interface ResourceAccessInfo {
  authorId: string | null;
  state: ResourceState;
}

const isModerator = (actor: Actor | undefined) => actor?.role === 'moderator' || actor?.role === 'admin';
const isAuthor = (actor: Actor | undefined, resource: ResourceAccessInfo) => !!actor && resource.authorId === actor.memberId;

/**
 * Who may do what with a resource. Published resources are public; drafts only their author;
 * hidden ones, and those waiting for or refused at review, their author and moderators; removed
 * ones nobody. Only authors write; moderators hide.
 */
export const ResourcePolicy = {
  canRead: (actor: Actor | undefined, resource: ResourceAccessInfo): boolean =>
    resource.state === 'published' || (resource.state !== 'removed' && (isAuthor(actor, resource) || (['hidden', 'pending_review', 'rejected'].includes(resource.state) && isModerator(actor)))),
  canEdit: (actor: Actor | undefined, resource: ResourceAccessInfo): boolean => resource.state !== 'removed' && isAuthor(actor, resource),
  canRemove: (actor: Actor | undefined, resource: ResourceAccessInfo): boolean => resource.state !== 'removed' && isAuthor(actor, resource),
  canHide: (actor: Actor | undefined, resource: ResourceAccessInfo): boolean => (resource.state === 'published' || resource.state === 'hidden') && isModerator(actor),
};
