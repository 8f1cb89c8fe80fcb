import { Body, Controller, Delete, Get, Patch, Put, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { OptionalFieldParam, OwnProfile, SetOptionalFieldRequest, UpdateProfileRequest, type OptionalField } from '@lesplein/contracts/profile';
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/auth.decorators.js';
import { IMAGE_TYPES } from '../../core/images/uploaded-image.js';
import { ApiContract, ZBody, ZodPipe, ZParams } from '../../core/validation/zod.js';
import { ProfileService } from './profile.service.js';

const PhotoQuery = z.strictObject({ consent: z.enum(['true', 'false']).transform((value) => value === 'true') });
const PhotoBody = z.instanceof(Buffer, { message: 'Stuur een JPEG-, PNG- of WebP-afbeelding / Send a JPEG, PNG or WebP image' });

/** The member's own profile. */
@ApiTags('profile')
@Controller('api/account/profile')
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get()
  @ApiContract({ response: OwnProfile, summary: 'My profile, consents and visibility choices' })
  get(@CurrentActor() actor: Actor): Promise<OwnProfile> {
    return this.profiles.get(actor);
  }

  @Patch()
  @ApiContract({ body: UpdateProfileRequest, response: OwnProfile })
  update(@CurrentActor() actor: Actor, @ZBody(UpdateProfileRequest) body: UpdateProfileRequest): Promise<OwnProfile> {
    return this.profiles.update(actor, body);
  }

  @Put('optional')
  @ApiContract({ body: SetOptionalFieldRequest, response: OwnProfile, summary: 'Store an optional field with consent' })
  setOptional(@CurrentActor() actor: Actor, @ZBody(SetOptionalFieldRequest) body: SetOptionalFieldRequest): Promise<OwnProfile> {
    return this.profiles.setOptionalField(actor, body);
  }

  @Delete('optional/:field')
  @ApiContract({ params: OptionalFieldParam, response: OwnProfile, summary: 'Withdraw consent for an optional field; the field is erased' })
  withdraw(@CurrentActor() actor: Actor, @ZParams(OptionalFieldParam) params: { field: OptionalField }): Promise<OwnProfile> {
    return this.profiles.withdraw(actor, params.field);
  }

  @Put('photo')
  @ApiConsumes(...IMAGE_TYPES)
  @ApiBody({ description: 'A JPEG, PNG or WebP image (≤ 5 MB), sent as the raw body', required: true, schema: { type: 'string', format: 'binary' } })
  @ApiContract({ query: PhotoQuery, response: OwnProfile, summary: 'Upload a profile photo with consent (re-encoded, metadata stripped)' })
  setPhoto(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(PhotoQuery)) query: { consent: boolean },
    @Body(new ZodPipe(PhotoBody)) image: Buffer,
  ): Promise<OwnProfile> {
    return this.profiles.setPhoto(actor, query.consent, image);
  }
}
