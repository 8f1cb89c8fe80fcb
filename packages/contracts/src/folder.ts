import { z } from 'zod';
import { ResourceSummary } from './resource.js';

export const FolderVisibility = z.enum(['private', 'link', 'public']);
export type FolderVisibility = z.infer<typeof FolderVisibility>;

const FolderName = z.string().trim().min(1).max(100);
const FolderDescription = z.string().trim().max(2000);

export const CreateFolderRequest = z.strictObject({
  name: FolderName,
  description: FolderDescription.default(''),
  visibility: FolderVisibility.default('private'),
});
export type CreateFolderRequest = z.input<typeof CreateFolderRequest>;

export const UpdateFolderRequest = z.strictObject({
  name: FolderName,
  description: FolderDescription,
  visibility: FolderVisibility,
  /** A resource in the folder whose thumbnail is the cover, or null. */
  coverResourceId: z.uuid().nullable(),
}).partial();
export type UpdateFolderRequest = z.infer<typeof UpdateFolderRequest>;

export const FolderIdParam = z.strictObject({ id: z.uuid({ message: 'Onbekende map / Unknown folder' }) });
export const FolderItemParam = z.strictObject({ id: z.uuid(), resourceId: z.uuid() });
export const ShareTokenParam = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'Ongeldige link / Invalid link' }) });

export const AddFolderItemRequest = z.strictObject({ resourceId: z.uuid() });
export const ReorderFolderRequest = z.strictObject({ resourceIds: z.array(z.uuid()).max(1000) });
export const MoveFolderItemRequest = z.strictObject({ toFolderId: z.uuid() });

export const FolderOwner = z.object({ handle: z.string(), displayName: z.string() });

export const FolderSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  visibility: FolderVisibility,
  owner: FolderOwner,
  itemCount: z.number().int(),
  followerCount: z.number().int(),
  coverUrl: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  /** Only when my folders are listed with ?resourceId=: whether that resource is in the folder. */
  containsResource: z.boolean().optional(),
});
export type FolderSummary = z.infer<typeof FolderSummary>;

export const FolderDetail = FolderSummary.extend({
  /** Only for the owner while visibility = link: the path to share. */
  sharePath: z.string().nullable(),
  /** Items the viewer may see, in the owner's order. */
  items: z.array(ResourceSummary),
  following: z.boolean(),
  permissions: z.object({ edit: z.boolean(), follow: z.boolean(), copy: z.boolean() }),
});
export type FolderDetail = z.infer<typeof FolderDetail>;

export const MyFoldersQuery = z.strictObject({ resourceId: z.uuid().optional() });

export const FolderList = z.object({ items: z.array(FolderSummary) });
export type FolderList = z.infer<typeof FolderList>;
