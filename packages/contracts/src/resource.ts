import { z } from 'zod';
import { TaxonomyKey } from './taxonomy.js';

export const ResourceType = z.enum(['document', 'presentation', 'worksheet', 'exercise', 'video', 'audio', 'image', 'website', 'app']);
export type ResourceType = z.infer<typeof ResourceType>;

export const Licence = z.enum(['CC0', 'CC-BY', 'CC-BY-SA', 'CC-BY-NC', 'CC-BY-NC-SA', 'CC-BY-ND', 'CC-BY-NC-ND', 'all-rights-reserved']);
export type Licence = z.infer<typeof Licence>;

export const ResourceState = z.enum(['draft', 'pending_review', 'rejected', 'published', 'hidden', 'removed']);
export type ResourceState = z.infer<typeof ResourceState>;

/** ISO 639-1 language of the resource. */
export const LanguageCode = z.string().regex(/^[a-z]{2}$/, { message: 'Taalcode van twee letters / Two-letter language code' });

const WebLink = z.url({ protocol: /^https?$/, message: 'Een http(s)-adres / An http(s) address' }).max(2000);
const Keyword = z.string().trim().min(1).max(40);

const ResourceFields = {
  title: z.string().trim().min(3).max(200),
  /** Markdown; sanitised when shown. */
  description: z.string().trim().max(20_000),
  type: ResourceType,
  /** A web link instead of files (one or the other). */
  link: WebLink.nullable(),
  subjects: z.array(TaxonomyKey).max(20),
  levels: z.array(TaxonomyKey).max(20),
  ageMin: z.number().int().min(0).max(99).nullable(),
  ageMax: z.number().int().min(0).max(99).nullable(),
  language: LanguageCode,
  keywords: z.array(Keyword).max(20),
  licence: Licence,
};

const ageOrder = (value: { ageMin?: number | null; ageMax?: number | null }) => value.ageMin == null || value.ageMax == null || value.ageMin <= value.ageMax;
const ageMessage = { message: 'De minimumleeftijd is groter dan de maximumleeftijd / Minimum age is above maximum age', path: ['ageMin'] };

export const CreateResourceRequest = z
  .strictObject({
    ...ResourceFields,
    description: ResourceFields.description.default(''),
    link: ResourceFields.link.default(null),
    subjects: ResourceFields.subjects.default([]),
    levels: ResourceFields.levels.default([]),
    ageMin: ResourceFields.ageMin.default(null),
    ageMax: ResourceFields.ageMax.default(null),
    language: LanguageCode.default('nl'),
    keywords: ResourceFields.keywords.default([]),
  })
  .refine(ageOrder, ageMessage);
export type CreateResourceRequest = z.input<typeof CreateResourceRequest>;

export const UpdateResourceRequest = z.strictObject(ResourceFields).partial().refine(ageOrder, ageMessage);
export type UpdateResourceRequest = z.infer<typeof UpdateResourceRequest>;

export const HideResourceRequest = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
export type HideResourceRequest = z.infer<typeof HideResourceRequest>;

export const ResourceIdParam = z.strictObject({ id: z.uuid({ message: 'Onbekend leermiddel / Unknown resource' }) });
export const ResourceFileParam = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

export const PreviewKind = z.enum(['image', 'pdf', 'video', 'audio', 'none']);
export type PreviewKind = z.infer<typeof PreviewKind>;

export const ResourceFile = z.object({
  id: z.uuid(),
  /** The uploader's file name, for display only. */
  name: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
  previewKind: PreviewKind,
  hasThumbnail: z.boolean(),
  downloadUrl: z.string(),
  previewUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
});
export type ResourceFile = z.infer<typeof ResourceFile>;

export const LinkEmbed = z.object({ provider: z.enum(['youtube', 'vimeo']), embedUrl: z.string() });

export const ResourceAuthor = z.object({ handle: z.string(), displayName: z.string() });

export const ResourceDetail = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  /** The description rendered from Markdown and sanitised. */
  descriptionHtml: z.string(),
  type: ResourceType,
  state: ResourceState,
  link: z.string().nullable(),
  embed: LinkEmbed.nullable(),
  files: z.array(ResourceFile),
  subjects: z.array(z.string()),
  levels: z.array(z.string()),
  ageMin: z.number().int().nullable(),
  ageMax: z.number().int().nullable(),
  language: z.string(),
  keywords: z.array(z.string()),
  licence: Licence,
  /** Ready-to-copy attribution built from licence and author. */
  attribution: z.string(),
  /** Null when the author deleted their account (contribution kept anonymously). */
  author: ResourceAuthor.nullable(),
  counts: z.object({ views: z.number().int(), downloads: z.number().int() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
  hiddenReason: z.string().nullable(),
  permissions: z.object({ edit: z.boolean(), remove: z.boolean(), hide: z.boolean() }),
});
export type ResourceDetail = z.infer<typeof ResourceDetail>;

export const ResourceSummary = ResourceDetail.pick({
  id: true,
  title: true,
  type: true,
  state: true,
  subjects: true,
  levels: true,
  language: true,
  licence: true,
  author: true,
  counts: true,
  createdAt: true,
  updatedAt: true,
  publishedAt: true,
}).extend({ thumbnailUrl: z.string().nullable() });
export type ResourceSummary = z.infer<typeof ResourceSummary>;

export const MyResourcesQuery = z.strictObject({
  state: z.enum(['draft', 'published', 'hidden']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type MyResourcesQuery = z.infer<typeof MyResourcesQuery>;

/** A viewed resource in the member's own history. */
export const ViewedResource = z.object({ id: z.string(), viewedAt: z.iso.datetime(), resource: ResourceSummary.nullable() });
export type ViewedResource = z.infer<typeof ViewedResource>;

export const ViewHistoryCleared = z.object({ deleted: z.number().int() });
export type ViewHistoryCleared = z.infer<typeof ViewHistoryCleared>;

export const ViewHistorySettings = z.strictObject({ paused: z.boolean() });
export type ViewHistorySettings = z.infer<typeof ViewHistorySettings>;

export const UploadLimits = z.object({ maxFileBytes: z.number().int(), quotaBytes: z.number().int(), usedBytes: z.number().int(), maxFilesPerResource: z.number().int() });
export type UploadLimits = z.infer<typeof UploadLimits>;

export const ViewIdParam = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, { message: 'Onbekend item / Unknown entry' }) });
