import { Readable } from 'node:stream';
import { Body, Controller, Delete, Get, Headers, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Ok } from '@lesplein/contracts/common';
import { ResourceFile, ResourceFileParam, ResourceIdParam } from '@lesplein/contracts/resource';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators.js';
import { contentDisposition } from '../../core/http/content-disposition.js';
import { displayFileName } from '../../core/http/receive-upload.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZodPipe, ZParams } from '../../core/validation/zod.js';
import { ResourceFilesService, type FileStream } from './resource-files.service.js';

/**
 * The file arrives as the request stream itself (the application/octet-stream parser in
 * create-app.ts). Any other content type was parsed into something else — text, a JSON value —
 * which must not be stored as if it were the file's bytes.
 */
const UploadBody = z.instanceof(Readable, { message: 'Stuur het bestand als application/octet-stream / Send the file as application/octet-stream' });

/** Uploaded files never run script in our origin: nosniff, and a sandboxing CSP that allows nothing. */
const FILE_CSP = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox";

function sendFile(reply: FastifyReply, { file, stream }: FileStream, disposition: 'attachment' | 'inline', contentType = file.mimeType): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', contentDisposition(file.displayName, disposition))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', FILE_CSP)
    .header('cache-control', 'private, max-age=300')
    .send(stream);
}

@ApiTags('resources')
@Controller('api/resources/:id/files')
export class ResourceFilesController {
  constructor(private readonly files: ResourceFilesService) {}

  @Post()
  @RateLimit('resource-upload', 200, 3600)
  @ApiConsumes('application/octet-stream')
  @ApiBody({ description: 'The file as the raw body (application/octet-stream); its name URI-encoded in the x-file-name header.', required: true, schema: { type: 'string', format: 'binary' } })
  @ApiContract({ params: ResourceIdParam, response: ResourceFile, status: 201, summary: 'Upload a file to my resource (streamed, checked by content, metadata stripped)' })
  upload(
    @CurrentActor() actor: Actor,
    @ZParams(ResourceIdParam) params: { id: string },
    @Body(new ZodPipe(UploadBody)) body: Readable,
    @Headers('x-file-name') fileName: string | undefined,
    @Headers('content-length') contentLength: string | undefined,
  ): Promise<ResourceFile> {
    const declared = contentLength && /^\d+$/.test(contentLength) ? Number(contentLength) : undefined;
    return this.files.upload(actor, params.id, body, displayFileName(fileName), declared);
  }

  @Delete(':fileId')
  @ApiContract({ params: ResourceFileParam, response: Ok, summary: 'Remove a file from my resource' })
  async remove(@CurrentActor() actor: Actor, @ZParams(ResourceFileParam) params: { id: string; fileId: string }): Promise<Ok> {
    await this.files.remove(actor, params.id, params.fileId);
    return { ok: true };
  }

  @Public()
  @Get(':fileId/download')
  @ApiContract({ params: ResourceFileParam, summary: 'Download (attachment; counts a download)' })
  async download(@OptionalActor() actor: Actor | undefined, @ZParams(ResourceFileParam) params: { id: string; fileId: string }, @Res() reply: FastifyReply) {
    return sendFile(reply, await this.files.open(actor, params.id, params.fileId, 'download'), 'attachment');
  }

  @Public()
  @Get(':fileId/preview')
  @ApiContract({ params: ResourceFileParam, summary: 'Inline preview of images, PDFs, audio and video (sandboxed)' })
  async preview(@OptionalActor() actor: Actor | undefined, @ZParams(ResourceFileParam) params: { id: string; fileId: string }, @Res() reply: FastifyReply) {
    return sendFile(reply, await this.files.open(actor, params.id, params.fileId, 'preview'), 'inline');
  }

  @Public()
  @Get(':fileId/thumbnail')
  @ApiContract({ params: ResourceFileParam, summary: 'Thumbnail (WebP)' })
  async thumbnail(@OptionalActor() actor: Actor | undefined, @ZParams(ResourceFileParam) params: { id: string; fileId: string }, @Res() reply: FastifyReply) {
    return sendFile(reply, await this.files.open(actor, params.id, params.fileId, 'thumbnail'), 'inline', 'image/webp');
  }
}
