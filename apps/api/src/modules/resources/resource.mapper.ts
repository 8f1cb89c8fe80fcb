import type { Licence, PreviewKind, ResourceDetail, ResourceFile, ResourceSummary } from '@lesplein/contracts/resource';
import type { Actor } from '../../core/auth/actor.js';
import { attributionLine } from './attribution.js';
import { embedFor } from './embeds.js';
import { renderMarkdown } from './markdown.js';
import { ResourcePolicy } from './resource-access.js';
import type { ResourceFileRow, ResourceRow } from './resources.repository.js';

const authorOf = (row: ResourceRow) => (row.author ? { handle: row.author.handle, displayName: `${row.author.firstName} ${row.author.lastName}` } : null);

export function toResourceFile(row: ResourceFileRow): ResourceFile {
  const base = `/api/resources/${row.resourceId}/files/${row.id}`;
  const previewKind = row.previewKind as PreviewKind;
  return {
    id: row.id,
    name: row.displayName,
    size: row.size,
    mimeType: row.mimeType,
    previewKind,
    hasThumbnail: row.thumbnailKey !== null,
    downloadUrl: `${base}/download`,
    previewUrl: previewKind === 'none' ? null : `${base}/preview`,
    thumbnailUrl: row.thumbnailKey ? `${base}/thumbnail` : null,
  };
}

export function toResourceDetail(row: ResourceRow, actor: Actor | undefined, publicUrl: string): ResourceDetail {
  const author = authorOf(row);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    type: row.type,
    state: row.state,
    link: row.link,
    embed: embedFor(row.link),
    files: row.files.map(toResourceFile),
    subjects: row.subjects.map((s) => s.subjectKey),
    levels: row.levels.map((l) => l.levelKey),
    ageMin: row.ageMin,
    ageMax: row.ageMax,
    language: row.language,
    keywords: row.keywords,
    licence: row.licence as Licence,
    attribution: attributionLine({ title: row.title, authorName: author?.displayName ?? null, licence: row.licence as Licence, url: `${publicUrl}/resources/${row.id}` }),
    author,
    counts: { views: row.viewCount, downloads: row.downloadCount },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    hiddenReason: ResourcePolicy.canEdit(actor, row) || ResourcePolicy.canHide(actor, row) ? row.hiddenReason : null,
    permissions: { edit: ResourcePolicy.canEdit(actor, row), remove: ResourcePolicy.canRemove(actor, row), hide: ResourcePolicy.canHide(actor, row) },
  };
}

export function toResourceSummary(row: ResourceRow): ResourceSummary {
  const thumbnail = row.files.find((file) => file.thumbnailKey);
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    state: row.state,
    subjects: row.subjects.map((s) => s.subjectKey),
    levels: row.levels.map((l) => l.levelKey),
    language: row.language,
    licence: row.licence as Licence,
    author: authorOf(row),
    counts: { views: row.viewCount, downloads: row.downloadCount },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    thumbnailUrl: thumbnail ? `/api/resources/${row.id}/files/${thumbnail.id}/thumbnail` : null,
  };
}
