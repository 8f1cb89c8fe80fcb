import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminMemberPage, AdminMemberQuery, AdminMemberView, BanListRightRequest, ChangeRoleRequest } from '@lesplein/contracts/admin-members';
import type { Role } from '@lesplein/contracts/auth';
import { HandleParam } from '@lesplein/contracts/profile';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZParams, ZQuery } from '../../core/validation/zod.js';
import { AdminMembersService } from './admin-members.service.js';

/** Admins: roles and the ban-list right. */
@ApiTags('administration')
@Roles('admin')
@Controller('api/admin/members')
export class AdminMembersController {
  constructor(private readonly members: AdminMembersService) {}

  @Get()
  @ApiContract({ query: AdminMemberQuery, response: AdminMemberPage, summary: 'Admins: members by handle, whose handle or e-mail address starts with the query, optionally of one role' })
  search(@CurrentActor() actor: Actor, @ZQuery(AdminMemberQuery) query: { query?: string; role?: Role; cursor?: string; limit: number }): Promise<AdminMemberPage> {
    return this.members.search(actor, query);
  }

  @Put(':handle/role')
  @RateLimit('admin-member-role', 60, 3600)
  @ApiContract({ params: HandleParam, body: ChangeRoleRequest, response: AdminMemberView, summary: 'Admins: make a member member, moderator or admin (not yourself, not the last admin); ends their sessions' })
  changeRole(@CurrentActor() actor: Actor, @ZParams(HandleParam) params: { handle: string }, @ZBody(ChangeRoleRequest) body: { role: Role }): Promise<AdminMemberView> {
    return this.members.changeRole(actor, params.handle, body.role);
  }

  @Put(':handle/ban-list-right')
  @RateLimit('admin-member-role', 60, 3600)
  @ApiContract({ params: HandleParam, body: BanListRightRequest, response: AdminMemberView, summary: 'Admins: give or take a moderator’s right to see and edit the ban list' })
  setBanListRight(@CurrentActor() actor: Actor, @ZParams(HandleParam) params: { handle: string }, @ZBody(BanListRightRequest) body: { granted: boolean }): Promise<AdminMemberView> {
    return this.members.setBanListRight(actor, params.handle, body.granted);
  }
}
