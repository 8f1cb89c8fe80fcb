import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  AdminPartnerList,
  AdminPartnerView,
  CreatePartnerRequest,
  PartnerCreated,
  PartnerCredentials,
  PartnerIdParam,
  PartnerNoticeInput,
  UpdatePartnerRequest,
} from '@lesplein/contracts/partner';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { CurrentActor, Roles } from '../../../core/auth/auth.decorators.js';
import { IMAGE_TYPES } from '../../../core/images/uploaded-image.js';
import { RateLimit } from '../../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZodPipe, ZParams } from '../../../core/validation/zod.js';
import { PartnerAdminService, type NewPartner } from './partner-admin.service.js';

// Type-only names for bodies: the contract names are zod values too, which decorator metadata would
// emit (docs/CONVENTIONS.md, "Decorated parameters and OpenAPI").
type NoticeInput = PartnerNoticeInput;
type PartnerChanges = UpdatePartnerRequest;

/** The raw image body (the content-type parser hands image types over as a buffer, anything else is not one). */
const LogoBody = z.instanceof(Buffer, { message: 'Stuur een JPEG-, PNG- of WebP-afbeelding / Send a JPEG, PNG or WebP image' });

/** Admins: registration of partners (publishers), their notices, suspension and client secrets. */
@ApiTags('admin')
@Roles('admin')
@Controller('api/admin/partners')
export class PartnerAdminController {
  constructor(private readonly partners: PartnerAdminService) {}

  @Get()
  @ApiContract({ response: AdminPartnerList, summary: 'Admins: every partner, by name' })
  list(@CurrentActor() actor: Actor): Promise<AdminPartnerList> {
    return this.partners.list(actor);
  }

  @Post()
  @ApiContract({ body: CreatePartnerRequest, response: PartnerCreated, status: 201, summary: 'Admins: register a partner with notice version 1; the client secret is shown only in this answer' })
  create(@CurrentActor() actor: Actor, @ZBody(CreatePartnerRequest) body: NewPartner): Promise<PartnerCreated> {
    return this.partners.create(actor, body);
  }

  @Get(':id')
  @ApiContract({ params: PartnerIdParam, response: AdminPartnerView, summary: 'Admins: one partner with its notice history' })
  get(@CurrentActor() actor: Actor, @ZParams(PartnerIdParam) params: { id: string }): Promise<AdminPartnerView> {
    return this.partners.get(actor, params.id);
  }

  @Patch(':id')
  @ApiContract({ params: PartnerIdParam, body: UpdatePartnerRequest, response: AdminPartnerView, summary: 'Admins: change a partner’s identity, redirect URIs or allowed scopes' })
  update(@CurrentActor() actor: Actor, @ZParams(PartnerIdParam) params: { id: string }, @ZBody(UpdatePartnerRequest) body: PartnerChanges): Promise<AdminPartnerView> {
    return this.partners.update(actor, params.id, body);
  }

  @Post(':id/notices')
  @ApiContract({ params: PartnerIdParam, body: PartnerNoticeInput, response: AdminPartnerView, status: 201, summary: 'Admins: publish a new version of the partner’s privacy notice (members consent again)' })
  publishNotice(@CurrentActor() actor: Actor, @ZParams(PartnerIdParam) params: { id: string }, @ZBody(PartnerNoticeInput) body: NoticeInput): Promise<AdminPartnerView> {
    return this.partners.publishNotice(actor, params.id, body);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @ApiContract({ params: PartnerIdParam, response: AdminPartnerView, summary: 'Admins: suspend a partner and withdraw every consent given to it' })
  suspend(@CurrentActor() actor: Actor, @ZParams(PartnerIdParam) params: { id: string }): Promise<AdminPartnerView> {
    return this.partners.suspend(actor, params.id);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiContract({ params: PartnerIdParam, response: AdminPartnerView, summary: 'Admins: reactivate a suspended partner (members consent again)' })
  reactivate(@CurrentActor() actor: Actor, @ZParams(PartnerIdParam) params: { id: string }): Promise<AdminPartnerView> {
    return this.partners.reactivate(actor, params.id);
  }

  @Put(':id/logo')
  @RateLimit('partner-logo', 60, 3600)
  @ApiConsumes(...IMAGE_TYPES)
  @ApiBody({ description: 'A JPEG, PNG or WebP image (≤ 5 MB), sent as the raw body with its image content type', required: true, schema: { type: 'string', format: 'binary' } })
  @ApiContract({ params: PartnerIdParam, response: AdminPartnerView, summary: 'Admins: upload the partner’s logo (re-encoded as WebP of at most 256 px, metadata stripped; served by the platform)' })
  setLogo(@CurrentActor() actor: Actor, @ZParams(PartnerIdParam) params: { id: string }, @Body(new ZodPipe(LogoBody)) image: Buffer): Promise<AdminPartnerView> {
    return this.partners.setLogo(actor, params.id, image);
  }

  @Delete(':id/logo')
  @ApiContract({ params: PartnerIdParam, response: AdminPartnerView, summary: 'Admins: remove the partner’s logo' })
  removeLogo(@CurrentActor() actor: Actor, @ZParams(PartnerIdParam) params: { id: string }): Promise<AdminPartnerView> {
    return this.partners.removeLogo(actor, params.id);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @RateLimit('partner-secret', 20, 3600)
  @ApiContract({ params: PartnerIdParam, response: PartnerCredentials, summary: 'Admins: replace the client secret (shown only in this answer)' })
  rotateSecret(@CurrentActor() actor: Actor, @ZParams(PartnerIdParam) params: { id: string }): Promise<PartnerCredentials> {
    return this.partners.rotateSecret(actor, params.id);
  }
}
