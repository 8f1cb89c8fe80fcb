import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../core/database/prisma.service.js';

/** Rows per query: each category is read in batches of this size, never whole. */
export const EXPORT_BATCH = 500;

/** One column of a keyset (ORDER BY … and `(…) > (…)`), with the type its text form is cast back to. */
interface KeyColumn {
  expr: string;
  type: 'uuid' | 'timestamp' | 'bigint' | 'text';
}

/** A keyset-paginated read: `$1` is always the member's id, and `where` must use it (the owner scope). */
interface KeysetQuery {
  select: string;
  from: string;
  where: string;
  keys: KeyColumn[];
}

export interface ProfileRow {
  id: string;
  email: string;
  emailVerifiedAt: Date | null;
  role: string;
  status: string;
  handle: string;
  firstName: string;
  lastName: string;
  placeOfResidence: string | null;
  gender: string | null;
  dateOfBirth: Date | null;
  school: string | null;
  professionalRole: string | null;
  aboutMe: string | null;
  website: string | null;
  socialLinks: string[];
  photoMimeType: string | null;
  fieldVisibility: unknown;
  locale: string;
  viewHistoryPaused: boolean;
  searchHistoryPaused: boolean;
  showFollows: boolean;
  showPublicFolders: boolean;
  showResources: boolean;
  showComments: boolean;
  showFavouritesCount: boolean;
  totpEnabledAt: Date | null;
  suspendedUntil: Date | null;
  banListRight: boolean;
  inactivityWarnedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  lastActiveAt: Date;
  subjects: { subjectKey: string; subject: { nameNl: string; nameEn: string } }[];
  levels: { levelKey: string; level: { nameNl: string; nameEn: string } }[];
  profileConsents: { field: string; granted: boolean; at: Date }[];
  notificationPreferences: { type: string; channel: string }[];
}

export interface ResourceRow {
  id: string;
  title: string;
  description: string;
  type: string;
  state: string;
  link: string | null;
  language: string;
  keywords: string[];
  licence: string;
  ageMin: number | null;
  ageMax: number | null;
  viewCount: number;
  downloadCount: number;
  favouriteCount: number;
  ratingCount: number;
  ratingSum: number;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  removedAt: Date | null;
  subjects: string[];
  levels: string[];
  files: { id: string; displayName: string; size: number; mimeType: string; createdAt: string }[];
}

export interface UploadedFileRow {
  id: string;
  resourceId: string;
  storageKey: string;
  displayName: string;
  size: number;
  mimeType: string;
}

export interface FolderRow {
  id: string;
  name: string;
  description: string;
  visibility: string;
  linkShared: boolean;
  followerCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface FolderItemRow {
  folderId: string;
  folderName: string;
  resourceId: string;
  resourceTitle: string;
  position: number;
  addedAt: Date;
}

export interface ResourceRefRow {
  resourceId: string;
  resourceTitle: string;
  at: Date;
}

export interface RatingRow {
  resourceId: string;
  resourceTitle: string;
  score: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface CommentRow {
  id: string;
  resourceId: string;
  resourceTitle: string;
  parentId: string | null;
  body: string;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  createdAt: Date;
}

export interface MessageRow {
  id: string;
  conversationId: string;
  /** The other member's display name; null when they deleted their account. */
  otherParty: string | null;
  sentByMe: boolean;
  body: string;
  createdAt: Date;
}

export interface FollowRow {
  kind: 'following_member' | 'following_folder' | 'follower';
  memberName: string | null;
  memberHandle: string | null;
  folderId: string | null;
  folderName: string | null;
  createdAt: Date;
}

export interface BlockRow {
  memberName: string;
  memberHandle: string;
  createdAt: Date;
}

export interface SearchHistoryRow {
  id: string;
  filters: unknown;
  resultCount: number;
  searchedAt: Date;
}

export interface SavedSearchRow {
  id: string;
  name: string;
  filters: unknown;
  alert: boolean;
  lastAlertedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ViewRow {
  resourceId: string;
  resourceTitle: string;
  viewedAt: Date;
}

export interface LoginHistoryRow {
  at: Date;
  ipPrefix: string | null;
  userAgent: string | null;
}

export interface NotificationRow {
  id: string;
  type: string;
  channel: string;
  actorName: string | null;
  resourceId: string | null;
  folderId: string | null;
  conversationId: string | null;
  matchCount: number | null;
  readAt: Date | null;
  emailedAt: Date | null;
  createdAt: Date;
}

export interface PartnerConsentRow {
  id: string;
  partnerName: string;
  noticeVersion: number;
  grantedScopes: string[];
  refusedScopes: string[];
  language: string;
  grantedAt: Date;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
}

export interface DisclosureRow {
  id: string;
  partnerName: string;
  channel: string;
  categories: string[];
  disclosedAt: Date;
}

export interface ReportRow {
  id: string;
  targetType: string;
  targetId: string;
  reason: string;
  category: string;
  status: string;
  handledAt: Date | null;
  createdAt: Date;
}

export interface DecisionRow {
  id: string;
  targetType: string;
  targetId: string;
  action: string;
  reasons: string;
  ground: string;
  suspendedUntil: Date | null;
  createdAt: Date;
}

export interface AppealRow {
  id: string;
  decisionId: string;
  text: string;
  status: string;
  outcome: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

const NAME = (alias: string) => `${alias}."firstName" || ' ' || ${alias}."lastName"`;

/**
 * Reads everything the data export holds about one member, each category in keyset-paginated
 * batches of `EXPORT_BATCH` rows (raw, parameterised SQL: the member's id is `$1` and scopes every
 * query), so that the job never holds a whole category in memory.
 */
@Injectable()
export class ExportSourcesRepository {
  constructor(private readonly prisma: PrismaService) {}

  profile(memberId: string): Promise<ProfileRow | null> {
    return this.prisma.member.findUnique({
      where: { id: memberId },
      select: {
        id: true,
        email: true,
        emailVerifiedAt: true,
        role: true,
        status: true,
        handle: true,
        firstName: true,
        lastName: true,
        placeOfResidence: true,
        gender: true,
        dateOfBirth: true,
        school: true,
        professionalRole: true,
        aboutMe: true,
        website: true,
        socialLinks: true,
        photoMimeType: true,
        fieldVisibility: true,
        locale: true,
        viewHistoryPaused: true,
        searchHistoryPaused: true,
        showFollows: true,
        showPublicFolders: true,
        showResources: true,
        showComments: true,
        showFavouritesCount: true,
        totpEnabledAt: true,
        suspendedUntil: true,
        banListRight: true,
        inactivityWarnedAt: true,
        createdAt: true,
        updatedAt: true,
        lastActiveAt: true,
        subjects: { select: { subjectKey: true, subject: { select: { nameNl: true, nameEn: true } } }, orderBy: { subjectKey: 'asc' } },
        levels: { select: { levelKey: true, level: { select: { nameNl: true, nameEn: true } } }, orderBy: { levelKey: 'asc' } },
        profileConsents: { select: { field: true, granted: true, at: true }, orderBy: [{ at: 'asc' }, { id: 'asc' }] },
        notificationPreferences: { select: { type: true, channel: true }, orderBy: { type: 'asc' } },
      },
    });
  }

  /** The profile photo's bytes (a small, re-encoded image), or null. */
  async photo(memberId: string): Promise<{ bytes: Uint8Array; mimeType: string } | null> {
    const row = await this.prisma.member.findUnique({ where: { id: memberId }, select: { photo: true, photoMimeType: true } });
    return row?.photo && row.photoMimeType ? { bytes: row.photo, mimeType: row.photoMimeType } : null;
  }

  resources(memberId: string): AsyncGenerator<ResourceRow[]> {
    return this.pages<ResourceRow>(memberId, {
      select: `r.id, r.title, r.description, r.type::text AS type, r.state::text AS state, r.link, r.language, r.keywords, r.licence, r."ageMin", r."ageMax",
               r."viewCount", r."downloadCount", r."favouriteCount", r."ratingCount", r."ratingSum", r."hiddenAt", r."hiddenReason",
               r."createdAt", r."updatedAt", r."publishedAt", r."removedAt",
               ARRAY(SELECT s."subjectKey" FROM "ResourceSubject" s WHERE s."resourceId" = r.id ORDER BY 1) AS subjects,
               ARRAY(SELECT l."levelKey" FROM "ResourceLevel" l WHERE l."resourceId" = r.id ORDER BY 1) AS levels,
               COALESCE((SELECT json_agg(json_build_object('id', f.id, 'displayName', f."displayName", 'size', f.size, 'mimeType', f."mimeType", 'createdAt', to_char(f."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY f.position, f.id)
                         FROM "ResourceFile" f WHERE f."resourceId" = r.id), '[]'::json) AS files`,
      from: `"Resource" r`,
      where: `r."authorId" = $1::uuid`,
      keys: [
        { expr: 'r."createdAt"', type: 'timestamp' },
        { expr: 'r.id', type: 'uuid' },
      ],
    });
  }

  /** Files the member uploaded (the bytes go into the archive under files/). */
  uploadedFiles(memberId: string): AsyncGenerator<UploadedFileRow[]> {
    return this.pages<UploadedFileRow>(memberId, {
      select: `f.id, f."resourceId", f."storageKey", f."displayName", f.size, f."mimeType"`,
      from: `"ResourceFile" f`,
      where: `f."uploaderId" = $1::uuid`,
      keys: [{ expr: 'f.id', type: 'uuid' }],
    });
  }

  folders(memberId: string): AsyncGenerator<FolderRow[]> {
    return this.pages<FolderRow>(memberId, {
      select: `f.id, f.name, f.description, f.visibility::text AS visibility, f."shareToken" IS NOT NULL AS "linkShared", f."followerCount", f."createdAt", f."updatedAt"`,
      from: `"Folder" f`,
      where: `f."ownerId" = $1::uuid`,
      keys: [
        { expr: 'f."createdAt"', type: 'timestamp' },
        { expr: 'f.id', type: 'uuid' },
      ],
    });
  }

  folderItems(memberId: string): AsyncGenerator<FolderItemRow[]> {
    return this.pages<FolderItemRow>(memberId, {
      select: `i."folderId", f.name AS "folderName", i."resourceId", r.title AS "resourceTitle", i.position, i."addedAt"`,
      from: `"FolderItem" i JOIN "Folder" f ON f.id = i."folderId" JOIN "Resource" r ON r.id = i."resourceId"`,
      where: `f."ownerId" = $1::uuid`,
      keys: [
        { expr: 'i."folderId"', type: 'uuid' },
        { expr: 'i."resourceId"', type: 'uuid' },
      ],
    });
  }

  favourites(memberId: string): AsyncGenerator<ResourceRefRow[]> {
    return this.pages<ResourceRefRow>(memberId, {
      select: `v."resourceId", r.title AS "resourceTitle", v."createdAt" AS at`,
      from: `"Favourite" v JOIN "Resource" r ON r.id = v."resourceId"`,
      where: `v."memberId" = $1::uuid`,
      keys: [
        { expr: 'v."createdAt"', type: 'timestamp' },
        { expr: 'v."resourceId"', type: 'uuid' },
      ],
    });
  }

  ratings(memberId: string): AsyncGenerator<RatingRow[]> {
    return this.pages<RatingRow>(memberId, {
      select: `v."resourceId", r.title AS "resourceTitle", v.score, v."createdAt", v."updatedAt"`,
      from: `"Rating" v JOIN "Resource" r ON r.id = v."resourceId"`,
      where: `v."memberId" = $1::uuid`,
      keys: [{ expr: 'v."resourceId"', type: 'uuid' }],
    });
  }

  comments(memberId: string): AsyncGenerator<CommentRow[]> {
    return this.pages<CommentRow>(memberId, {
      select: `c.id, c."resourceId", r.title AS "resourceTitle", c."parentId", c.body, c."editedAt", c."deletedAt", c."hiddenAt", c."hiddenReason", c."createdAt"`,
      from: `"Comment" c JOIN "Resource" r ON r.id = c."resourceId"`,
      where: `c."authorId" = $1::uuid`,
      keys: [
        { expr: 'c."createdAt"', type: 'timestamp' },
        { expr: 'c.id', type: 'uuid' },
      ],
    });
  }

  /** Messages of the conversations the member is in; the other party by display name only. */
  messages(memberId: string): AsyncGenerator<MessageRow[]> {
    return this.pages<MessageRow>(memberId, {
      select: `m.id, m."conversationId", ${NAME('o')} AS "otherParty", m."senderId" IS NOT DISTINCT FROM $1::uuid AS "sentByMe", m.body, m."createdAt"`,
      from: `"Conversation" c JOIN "Message" m ON m."conversationId" = c.id
             LEFT JOIN "Member" o ON o.id = CASE WHEN c."memberAId" = $1::uuid THEN c."memberBId" ELSE c."memberAId" END`,
      where: `c."memberAId" = $1::uuid OR c."memberBId" = $1::uuid`,
      keys: [
        { expr: 'm."conversationId"', type: 'uuid' },
        { expr: 'm."createdAt"', type: 'timestamp' },
        { expr: 'm.id', type: 'uuid' },
      ],
    });
  }

  /** Members and folders the member follows, then the members following them. */
  async *follows(memberId: string): AsyncGenerator<FollowRow[]> {
    yield* this.pages<FollowRow>(memberId, {
      select: `'following_member' AS kind, ${NAME('m')} AS "memberName", m.handle AS "memberHandle", NULL::uuid AS "folderId", NULL AS "folderName", f."createdAt"`,
      from: `"MemberFollow" f JOIN "Member" m ON m.id = f."followeeId"`,
      where: `f."followerId" = $1::uuid`,
      keys: [{ expr: 'f."followeeId"', type: 'uuid' }],
    });
    yield* this.pages<FollowRow>(memberId, {
      select: `'following_folder' AS kind, ${NAME('m')} AS "memberName", m.handle AS "memberHandle", d.id AS "folderId", d.name AS "folderName", f."createdAt"`,
      from: `"FolderFollow" f JOIN "Folder" d ON d.id = f."folderId" JOIN "Member" m ON m.id = d."ownerId"`,
      where: `f."memberId" = $1::uuid`,
      keys: [{ expr: 'f."folderId"', type: 'uuid' }],
    });
    yield* this.pages<FollowRow>(memberId, {
      select: `'follower' AS kind, ${NAME('m')} AS "memberName", m.handle AS "memberHandle", NULL::uuid AS "folderId", NULL AS "folderName", f."createdAt"`,
      from: `"MemberFollow" f JOIN "Member" m ON m.id = f."followerId"`,
      where: `f."followeeId" = $1::uuid`,
      keys: [{ expr: 'f."followerId"', type: 'uuid' }],
    });
  }

  blocks(memberId: string): AsyncGenerator<BlockRow[]> {
    return this.pages<BlockRow>(memberId, {
      select: `${NAME('m')} AS "memberName", m.handle AS "memberHandle", b."createdAt"`,
      from: `"MemberBlock" b JOIN "Member" m ON m.id = b."blockedId"`,
      where: `b."blockerId" = $1::uuid`,
      keys: [{ expr: 'b."blockedId"', type: 'uuid' }],
    });
  }

  searchHistory(memberId: string): AsyncGenerator<SearchHistoryRow[]> {
    return this.pages<SearchHistoryRow>(memberId, {
      select: `h.id, h.filters, h."resultCount", h."searchedAt"`,
      from: `"SearchHistoryEntry" h`,
      where: `h."memberId" = $1::uuid`,
      keys: [
        { expr: 'h."searchedAt"', type: 'timestamp' },
        { expr: 'h.id', type: 'uuid' },
      ],
    });
  }

  savedSearches(memberId: string): AsyncGenerator<SavedSearchRow[]> {
    return this.pages<SavedSearchRow>(memberId, {
      select: `s.id, s.name, s.filters, s.alert, s."lastAlertedAt", s."createdAt", s."updatedAt"`,
      from: `"SavedSearch" s`,
      where: `s."memberId" = $1::uuid`,
      keys: [
        { expr: 's."createdAt"', type: 'timestamp' },
        { expr: 's.id', type: 'uuid' },
      ],
    });
  }

  views(memberId: string): AsyncGenerator<ViewRow[]> {
    return this.pages<ViewRow>(memberId, {
      select: `v."resourceId", r.title AS "resourceTitle", v."viewedAt"`,
      from: `"ResourceView" v JOIN "Resource" r ON r.id = v."resourceId"`,
      where: `v."memberId" = $1::uuid`,
      keys: [
        { expr: 'v."viewedAt"', type: 'timestamp' },
        { expr: 'v.id', type: 'bigint' },
      ],
    });
  }

  loginHistory(memberId: string): AsyncGenerator<LoginHistoryRow[]> {
    return this.pages<LoginHistoryRow>(memberId, {
      select: `h.at, h."ipPrefix", h."userAgent"`,
      from: `"LoginHistoryEntry" h`,
      where: `h."memberId" = $1::uuid`,
      keys: [
        { expr: 'h.at', type: 'timestamp' },
        { expr: 'h.id', type: 'bigint' },
      ],
    });
  }

  notifications(memberId: string): AsyncGenerator<NotificationRow[]> {
    return this.pages<NotificationRow>(memberId, {
      select: `n.id, n.type::text AS type, n.channel::text AS channel, ${NAME('a')} AS "actorName", n."resourceId", n."folderId", n."conversationId", n."matchCount", n."readAt", n."emailedAt", n."createdAt"`,
      from: `"Notification" n LEFT JOIN "Member" a ON a.id = n."actorId"`,
      where: `n."recipientId" = $1::uuid`,
      keys: [
        { expr: 'n."createdAt"', type: 'timestamp' },
        { expr: 'n.id', type: 'uuid' },
      ],
    });
  }

  partnerConsents(memberId: string): AsyncGenerator<PartnerConsentRow[]> {
    return this.pages<PartnerConsentRow>(memberId, {
      select: `c.id, p.name AS "partnerName", n.version AS "noticeVersion", c."grantedScopes", c."refusedScopes", c.language, c."grantedAt", w."withdrawnAt", w."withdrawnBy"::text AS "withdrawnBy"`,
      from: `"PartnerConsent" c JOIN "Partner" p ON p.id = c."partnerId" JOIN "PartnerNotice" n ON n.id = c."noticeId" LEFT JOIN "PartnerConsentWithdrawal" w ON w."consentId" = c.id`,
      where: `c."memberId" = $1::uuid`,
      keys: [
        { expr: 'c."grantedAt"', type: 'timestamp' },
        { expr: 'c.id', type: 'uuid' },
      ],
    });
  }

  disclosures(memberId: string): AsyncGenerator<DisclosureRow[]> {
    return this.pages<DisclosureRow>(memberId, {
      select: `d.id, p.name AS "partnerName", d.channel::text AS channel, d.categories, d."disclosedAt"`,
      from: `"PartnerDisclosure" d JOIN "Partner" p ON p.id = d."partnerId"`,
      where: `d."memberId" = $1::uuid`,
      keys: [
        { expr: 'd."disclosedAt"', type: 'timestamp' },
        { expr: 'd.id', type: 'uuid' },
      ],
    });
  }

  reports(memberId: string): AsyncGenerator<ReportRow[]> {
    return this.pages<ReportRow>(memberId, {
      select: `r.id, r."targetType"::text AS "targetType", r."targetId", r.reason, r.category::text AS category, r.status::text AS status, r."handledAt", r."createdAt"`,
      from: `"Report" r`,
      where: `r."reporterId" = $1::uuid`,
      keys: [
        { expr: 'r."createdAt"', type: 'timestamp' },
        { expr: 'r.id', type: 'uuid' },
      ],
    });
  }

  /** Decisions about the member (the moderator is not named). */
  decisions(memberId: string): AsyncGenerator<DecisionRow[]> {
    return this.pages<DecisionRow>(memberId, {
      select: `d.id, d."targetType"::text AS "targetType", d."targetId", d.action::text AS action, d.reasons, d.ground, d."suspendedUntil", d."createdAt"`,
      from: `"ModerationDecision" d`,
      where: `d."memberId" = $1::uuid`,
      keys: [
        { expr: 'd."createdAt"', type: 'timestamp' },
        { expr: 'd.id', type: 'uuid' },
      ],
    });
  }

  appeals(memberId: string): AsyncGenerator<AppealRow[]> {
    return this.pages<AppealRow>(memberId, {
      select: `a.id, a."decisionId", a.text, a.status::text AS status, a.outcome, a."createdAt", a."decidedAt"`,
      from: `"Appeal" a`,
      where: `a."memberId" = $1::uuid`,
      keys: [
        { expr: 'a."createdAt"', type: 'timestamp' },
        { expr: 'a.id', type: 'uuid' },
      ],
    });
  }

  /**
   * Keyset pagination: each batch continues after the last row's key (sent back as text and cast
   * to the key's type, so timestamps keep their exact value), ordered by the same key.
   */
  private async *pages<T>(memberId: string, query: KeysetQuery): AsyncGenerator<T[]> {
    const order = query.keys.map((key) => key.expr).join(', ');
    const keyColumns = query.keys.map((key, i) => `(${key.expr})::text AS "_k${i}"`).join(', ');
    const after = `(${order}) > (${query.keys.map((key, i) => `$${i + 2}::${key.type}`).join(', ')})`;
    let cursor: string[] | undefined;
    for (;;) {
      const sql = `SELECT ${query.select}, ${keyColumns} FROM ${query.from} WHERE (${query.where})${cursor ? ` AND ${after}` : ''} ORDER BY ${order} LIMIT ${EXPORT_BATCH}`;
      const rows = await this.prisma.$queryRawUnsafe<Array<T & Record<string, unknown>>>(sql, memberId, ...(cursor ?? []));
      if (rows.length > 0) yield rows;
      if (rows.length < EXPORT_BATCH) return;
      const last = rows[rows.length - 1]!;
      cursor = query.keys.map((_, i) => String(last[`_k${i}`]));
    }
  }
}
