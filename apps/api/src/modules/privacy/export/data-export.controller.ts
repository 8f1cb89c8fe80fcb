import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataExport, DataExportDownloadQuery, DataExportIdParam, DataExportList } from '@lesplein/contracts/data-export';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../../core/auth/actor.js';
import { CurrentActor, OptionalActor, Public } from '../../../core/auth/auth.decorators.js';
import { contentDisposition } from '../../../core/http/content-disposition.js';
import { RateLimit } from '../../../core/rate-limit/rate-limit.js';
import { ApiContract, ZParams, ZQuery } from '../../../core/validation/zod.js';
import { DataExportService } from './data-export.service.js';

@ApiTags('privacy')
@Controller('api/account/exports')
export class DataExportController {
  constructor(private readonly exports: DataExportService) {}

  @Post()
  @HttpCode(202)
  @RateLimit('data-export-request', 10, 3600)
  @ApiContract({ response: DataExport, status: 202, summary: 'Ask for an export of all my data (a ZIP built in the background; the link is e-mailed). 409 while one is being made, 429 after 3 in 24 hours' })
  request(@CurrentActor() actor: Actor): Promise<DataExport> {
    return this.exports.request(actor);
  }

  @Get()
  @ApiContract({ response: DataExportList, summary: 'My data exports, newest first, with progress and expiry' })
  list(@CurrentActor() actor: Actor): Promise<DataExportList> {
    return this.exports.list(actor);
  }

  @Get(':id')
  @ApiContract({ params: DataExportIdParam, response: DataExport, summary: 'One of my data exports (poll while queued or running)' })
  get(@CurrentActor() actor: Actor, @ZParams(DataExportIdParam) params: { id: string }): Promise<DataExport> {
    return this.exports.get(actor, params.id);
  }

  /** Public: the e-mailed link works without a session (its secret authorises); the owner's session works without it. */
  @Public()
  @Get(':id/download')
  @RateLimit('data-export-download', 30, 3600)
  @ApiContract({ params: DataExportIdParam, query: DataExportDownloadQuery, summary: 'Download the ZIP archive (the owner signed in, or the e-mailed link\'s token); 410 once expired' })
  async download(
    @OptionalActor() actor: Actor | undefined,
    @ZParams(DataExportIdParam) params: { id: string },
    @ZQuery(DataExportDownloadQuery) query: { token?: string },
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const file = await this.exports.download(actor, params.id, query.token);
    if (file.size !== null) reply.header('content-length', String(file.size));
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', contentDisposition(file.fileName, 'attachment'))
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(file.stream);
  }
}
