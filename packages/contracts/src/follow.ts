import { z } from 'zod';
import { ResourceSummary } from './resource.js';

export const MemberCard = z.object({ handle: z.string(), displayName: z.string() });
export type MemberCard = z.infer<typeof MemberCard>;

export const FollowState = z.object({ following: z.boolean(), followerCount: z.number().int() });
export type FollowState = z.infer<typeof FollowState>;

export const MemberList = z.object({ items: z.array(MemberCard), nextCursor: z.string().nullable() });
export type MemberList = z.infer<typeof MemberList>;

/** Whether others may see whom I follow and who follows me. */
export const FollowSettings = z.strictObject({ showFollows: z.boolean() });
export type FollowSettings = z.infer<typeof FollowSettings>;

export const BlockState = z.object({ blocked: z.boolean() });
export type BlockState = z.infer<typeof BlockState>;

export const FeedItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resource'), at: z.iso.datetime(), resource: ResourceSummary, member: MemberCard }),
  z.object({ kind: z.literal('folder_item'), at: z.iso.datetime(), resource: ResourceSummary, folder: z.object({ id: z.uuid(), name: z.string() }) }),
]);
export type FeedItem = z.infer<typeof FeedItem>;

export const Feed = z.object({ items: z.array(FeedItem), nextCursor: z.string().nullable() });
export type Feed = z.infer<typeof Feed>;
