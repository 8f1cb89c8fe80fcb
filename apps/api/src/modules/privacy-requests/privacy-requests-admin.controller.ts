import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminPrivacyRequest, AdminPrivacyRequestList, AdminPrivacyRequestQuery, AnswerPrivacyRequest, AssignPrivacyRequest, type PrivacyRequestKind, type PrivacyRequestStatus } from '@lesplein/contracts/privacy-request';
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators.js';
import { ApiContract, ZBody, ZParams, ZQuery } from '../../core/validation/zod.js';
import { PrivacyRequestsService } from './privacy-requests.service.js';

const IdParam = z.strictObject({ id: z.uuid() });
type AnswerInput = z.infer<typeof AnswerPrivacyRequest>;

@ApiTags('administration')
@Roles('admin')
@Controller('api/admin/privacy-requests')
export class PrivacyRequestsAdminController {
  constructor(private readonly requests: PrivacyRequestsService) {}

  @Get()
  @ApiContract({ query: AdminPrivacyRequestQuery, response: AdminPrivacyRequestList, summary: 'Admins: the requests queue, open first by deadline, overdue ones marked' })
  list(@ZQuery(AdminPrivacyRequestQuery) query: { status?: PrivacyRequestStatus; kind?: PrivacyRequestKind }): Promise<AdminPrivacyRequestList> {
    return this.requests.queue(query);
  }

  @Get(':id')
  @ApiContract({ params: IdParam, response: AdminPrivacyRequest, summary: 'Admins: one request' })
  get(@ZParams(IdParam) params: { id: string }): Promise<AdminPrivacyRequest> {
    return this.requests.get(params.id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiContract({ params: IdParam, body: AssignPrivacyRequest, response: AdminPrivacyRequest, summary: 'Admins: assign a request to an admin (audited)' })
  assign(@CurrentActor() actor: Actor, @ZParams(IdParam) params: { id: string }, @ZBody(AssignPrivacyRequest) body: { assigneeId: string | null }): Promise<AdminPrivacyRequest> {
    return this.requests.assign(actor, params.id, body.assigneeId);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @ApiContract({ params: IdParam, body: AnswerPrivacyRequest, response: AdminPrivacyRequest, summary: 'Admins: answer or reject a request; the outcome is e-mailed to the requester (audited)' })
  answer(@CurrentActor() actor: Actor, @ZParams(IdParam) params: { id: string }, @ZBody(AnswerPrivacyRequest) body: AnswerInput): Promise<AdminPrivacyRequest> {
    return this.requests.answer(actor, params.id, body);
  }
}
