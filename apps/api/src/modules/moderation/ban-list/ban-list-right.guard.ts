import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Forbidden } from '../../../core/errors/domain-error.js';
import { BanListRepository } from './ban-list.repository.js';

/**
 * Admins, and moderators holding the ban-list right (read from the database at each request),
 * before anything else about the request is looked at: others learn nothing, not even whether
 * their input was valid. The service checks again for callers that are not routes.
 */
@Injectable()
export class BanListRightGuard implements CanActivate {
  constructor(private readonly entries: BanListRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
    if (actor?.role === 'admin') return true;
    if (actor?.role === 'moderator' && (await this.entries.hasBanListRight(actor.memberId))) return true;
    throw Forbidden('Je hebt geen toegang tot de banlijst / You have no access to the ban list.');
  }
}
