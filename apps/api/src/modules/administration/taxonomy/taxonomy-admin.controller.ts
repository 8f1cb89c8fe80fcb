import { Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Taxonomy, TaxonomyKey } from '@lesplein/contracts/taxonomy';
import { LevelChanges, NewLevel, NewSubject, SubjectChanges, SynonymGroups } from '@lesplein/contracts/taxonomy-admin';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { CurrentActor, Roles } from '../../../core/auth/auth.decorators.js';
import { ApiContract, ZBody, ZParams } from '../../../core/validation/zod.js';
import { TaxonomyService } from '../../taxonomy/taxonomy.service.js';
import { TaxonomyAdminService } from './taxonomy-admin.service.js';

const KeyParam = z.strictObject({ key: TaxonomyKey });

@ApiTags('administration')
@Roles('admin')
@Controller('api/admin')
export class TaxonomyAdminController {
  constructor(
    private readonly admin: TaxonomyAdminService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  @Post('taxonomy/subjects')
  @ApiContract({ body: NewSubject, response: Taxonomy, status: 201, summary: 'Admins: add a subject' })
  async createSubject(@CurrentActor() actor: Actor, @ZBody(NewSubject) body: z.infer<typeof NewSubject>): Promise<Taxonomy> {
    await this.admin.createSubject(actor, body);
    return this.taxonomy.get();
  }

  @Patch('taxonomy/subjects/:key')
  @ApiContract({ params: KeyParam, body: SubjectChanges, response: Taxonomy, summary: 'Admins: rename or move a subject (its resources are re-indexed)' })
  async updateSubject(@CurrentActor() actor: Actor, @ZParams(KeyParam) params: { key: string }, @ZBody(SubjectChanges) body: SubjectChanges): Promise<Taxonomy> {
    await this.admin.updateSubject(actor, params.key, body);
    return this.taxonomy.get();
  }

  @Delete('taxonomy/subjects/:key')
  @ApiContract({ params: KeyParam, response: Taxonomy, summary: 'Admins: delete a subject nothing refers to' })
  async deleteSubject(@CurrentActor() actor: Actor, @ZParams(KeyParam) params: { key: string }): Promise<Taxonomy> {
    await this.admin.delete(actor, 'subject', params.key);
    return this.taxonomy.get();
  }

  @Post('taxonomy/levels')
  @ApiContract({ body: NewLevel, response: Taxonomy, status: 201, summary: 'Admins: add an education level' })
  async createLevel(@CurrentActor() actor: Actor, @ZBody(NewLevel) body: z.infer<typeof NewLevel>): Promise<Taxonomy> {
    await this.admin.createLevel(actor, body);
    return this.taxonomy.get();
  }

  @Patch('taxonomy/levels/:key')
  @ApiContract({ params: KeyParam, body: LevelChanges, response: Taxonomy, summary: 'Admins: rename, move or change the ages of a level' })
  async updateLevel(@CurrentActor() actor: Actor, @ZParams(KeyParam) params: { key: string }, @ZBody(LevelChanges) body: LevelChanges): Promise<Taxonomy> {
    await this.admin.updateLevel(actor, params.key, body);
    return this.taxonomy.get();
  }

  @Delete('taxonomy/levels/:key')
  @ApiContract({ params: KeyParam, response: Taxonomy, summary: 'Admins: delete a level nothing refers to' })
  async deleteLevel(@CurrentActor() actor: Actor, @ZParams(KeyParam) params: { key: string }): Promise<Taxonomy> {
    await this.admin.delete(actor, 'level', params.key);
    return this.taxonomy.get();
  }

  @Get('search-synonyms')
  @ApiContract({ response: SynonymGroups, summary: 'Admins: the search synonym groups' })
  async synonyms(): Promise<SynonymGroups> {
    return { groups: await this.admin.synonymGroups() };
  }

  @Put('search-synonyms')
  @HttpCode(200)
  @ApiContract({ body: SynonymGroups, response: SynonymGroups, summary: 'Admins: replace the search synonym groups' })
  async replaceSynonyms(@CurrentActor() actor: Actor, @ZBody(SynonymGroups) body: SynonymGroups): Promise<SynonymGroups> {
    return { groups: await this.admin.replaceSynonyms(actor, body) };
  }
}
