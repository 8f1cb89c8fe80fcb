/**
 * Query keys that more than one feature touches. Features do not import each other, so a key
 * that one feature reads and another invalidates lives here.
 */
export const queryKeys = {
  currentMember: ['auth', 'me'] as const,
  ownProfile: ['account', 'profile'] as const,
  sessions: ['security', 'sessions'] as const,
  loginHistory: ['security', 'login-history'] as const,
  taxonomy: ['taxonomy'] as const,
  publicProfile: (handle: string) => ['members', handle] as const,
  /** Everything about learning resources starts with this, so one invalidation covers all lists. */
  resources: ['resources'] as const,
  resource: (id: string) => ['resources', 'detail', id] as const,
  latestResources: (limit: number) => ['resources', 'latest', limit] as const,
  myResources: (state: string) => ['resources', 'mine', state] as const,
  uploadLimits: ['resources', 'upload-limits'] as const,
  viewedResources: ['resources', 'viewed'] as const,
  viewHistorySettings: ['resources', 'viewed-settings'] as const,
  favourite: (resourceId: string) => ['favourites', resourceId] as const,
  myFavourites: ['favourites', 'mine'] as const,
  /** Everything about folders starts with this. */
  folders: ['folders'] as const,
  myFolders: ['folders', 'mine'] as const,
  folder: (id: string) => ['folders', 'detail', id] as const,
  rating: (resourceId: string) => ['ratings', resourceId] as const,
  /** Every resource's comments (what a moderation decision on a comment changes). */
  allComments: ['comments'] as const,
  comments: (resourceId: string) => ['comments', resourceId] as const,
  /** The header's counts of unread notifications and messages. */
  unread: ['unread'] as const,
  notifications: ['notifications'] as const,
  conversations: ['messages', 'conversations'] as const,
  conversation: (id: string) => ['messages', 'conversation', id] as const,
  follow: (handle: string) => ['follows', handle] as const,
};

const LIST_KINDS: readonly unknown[] = ['latest', 'mine', 'viewed'];

/**
 * Query filter for every list that shows resources (latest, mine, viewed): what to refresh
 * after one resource changed, was published or removed.
 */
export const resourceLists = {
  queryKey: queryKeys.resources,
  predicate: (query: { queryKey: readonly unknown[] }) => LIST_KINDS.includes(query.queryKey[1]),
};

/**
 * Queries that belong to the member who was signed in: dropped when someone signs in or out.
 * The current member itself is kept (and overwritten), because the header and the route
 * guards observe it; removing it would leave them watching a query no longer in the cache.
 */
export function isMemberData(queryKey: readonly unknown[]): boolean {
  return queryKey[0] !== queryKeys.taxonomy[0] && !(queryKey[0] === queryKeys.currentMember[0] && queryKey[1] === queryKeys.currentMember[1]);
}
