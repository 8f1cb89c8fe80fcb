import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HandleParam, PublicProfile } from '@lesplein/contracts/profile';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../core/auth/actor.js';
import { OptionalActor, Public } from '../../core/auth/auth.decorators.js';
import { ApiContract, ZParams } from '../../core/validation/zod.js';
import { ProfileService } from './profile.service.js';

/** Public profiles: each field shown only as far as the member allows for this viewer. */
@ApiTags('members')
@Controller('api/members')
export class MembersController {
  constructor(private readonly profiles: ProfileService) {}

  @Public()
  @Get(':handle')
  @ApiContract({ params: HandleParam, response: PublicProfile })
  profile(@OptionalActor() viewer: Actor | undefined, @ZParams(HandleParam) params: { handle: string }): Promise<PublicProfile> {
    return this.profiles.publicProfile(viewer, params.handle);
  }

  @Public()
  @Get(':handle/photo')
  @Header('cache-control', 'private, max-age=300')
  @ApiContract({ params: HandleParam, summary: 'The profile photo (WebP), if visible to this viewer' })
  async photo(@OptionalActor() viewer: Actor | undefined, @ZParams(HandleParam) params: { handle: string }, @Res() reply: FastifyReply): Promise<void> {
    const photo = await this.profiles.photo(viewer, params.handle);
    await reply.header('content-type', photo.mimeType).header('x-content-type-options', 'nosniff').send(photo.bytes);
  }
}
