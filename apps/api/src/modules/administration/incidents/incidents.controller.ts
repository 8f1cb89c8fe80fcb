import { Controller, Get, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IncidentInput, IncidentList, IncidentQuery, IncidentView } from '@lesplein/contracts/incident';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { CurrentActor, Roles } from '../../../core/auth/auth.decorators.js';
import { contentDisposition } from '../../../core/http/content-disposition.js';
import { ApiContract, ZBody, ZParams, ZQuery } from '../../../core/validation/zod.js';
import { IncidentsService } from './incidents.service.js';

const IdParam = z.strictObject({ id: z.uuid() });
type Parsed = z.infer<typeof IncidentInput>;

@ApiTags('administration')
@Roles('admin')
@Controller('api/admin/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get()
  @ApiContract({ query: IncidentQuery, response: IncidentList, summary: 'Admins: the incident register, most recently found first' })
  list(@ZQuery(IncidentQuery) query: { status?: 'open' | 'closed' }): Promise<IncidentList> {
    return this.incidents.list(query.status);
  }

  @Get('export.csv')
  @ApiContract({ query: IncidentQuery, summary: 'Admins: the incident register as CSV' })
  async csv(@ZQuery(IncidentQuery) query: { status?: 'open' | 'closed' }, @Res() reply: FastifyReply): Promise<void> {
    const body = await this.incidents.csv(query.status);
    await reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', contentDisposition('incidents.csv', 'attachment')).header('cache-control', 'no-store').send(body);
  }

  @Get(':id')
  @ApiContract({ params: IdParam, response: IncidentView, summary: 'Admins: one incident' })
  get(@ZParams(IdParam) params: { id: string }): Promise<IncidentView> {
    return this.incidents.get(params.id);
  }

  @Post()
  @ApiContract({ body: IncidentInput, response: IncidentView, status: 201, summary: 'Admins: register an incident' })
  create(@CurrentActor() actor: Actor, @ZBody(IncidentInput) body: Parsed): Promise<IncidentView> {
    return this.incidents.create(actor, body);
  }

  @Put(':id')
  @ApiContract({ params: IdParam, body: IncidentInput, response: IncidentView, summary: 'Admins: update an incident (the whole entry)' })
  update(@CurrentActor() actor: Actor, @ZParams(IdParam) params: { id: string }, @ZBody(IncidentInput) body: Parsed): Promise<IncidentView> {
    return this.incidents.update(actor, params.id, body);
  }
}
