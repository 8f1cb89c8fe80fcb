import { Injectable } from '@nestjs/common';
import type { AuditPage, AuditQuery } from '@lesplein/contracts/audit';
import { AuditRepository } from '../../core/audit/audit.repository.js';
import { ValidationFailed } from '../../core/errors/domain-error.js';

/** The admins' view of the logbook: filtered, newest first, paged by sequence number. */
@Injectable()
export class AuditBrowseService {
  constructor(private readonly entries: AuditRepository) {}

  async page(query: AuditQuery): Promise<AuditPage> {
    const from = query.from ? new Date(`${query.from}T00:00:00Z`) : undefined;
    const to = query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 24 * 3600 * 1000) : undefined;
    if (from && to && from >= to) throw ValidationFailed([{ path: 'to', message: 'Moet na "van" liggen / Must be after "from"' }]);
    const rows = await this.entries.page({ ...query, from, to }, query.cursor ? BigInt(query.cursor) : undefined, query.limit + 1);
    const items = rows.slice(0, query.limit);
    return {
      items: items.map((row) => ({
        seq: row.seq.toString(),
        at: row.at.toISOString(),
        actorId: row.actorId,
        actorRole: row.actorRole,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        details: row.details as Record<string, unknown>,
      })),
      nextCursor: rows.length > query.limit ? (items.at(-1)?.seq.toString() ?? null) : null,
    };
  }
}
