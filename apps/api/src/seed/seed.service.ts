import { Inject, Injectable, Logger } from '@nestjs/common';
import { CreateResourceRequest } from '@lesplein/contracts/resource';
import type pg from 'pg';
import { PG_POOL } from '../core/database/pg-pool.js';
import { MembersRepository } from '../modules/accounts/members.repository.js';
import { ProfileService } from '../modules/accounts/profile.service.js';
import { RegistrationService } from '../modules/accounts/registration.service.js';
import { ResourcesService } from '../modules/resources/resources.service.js';
import { TaxonomyService } from '../modules/taxonomy/taxonomy.service.js';
import { DEMO_MEMBERS, DEMO_PASSWORD } from './demo-members.js';
import { DEMO_RESOURCES } from './demo-resources.js';

/** One key for every process seeding the same database (see `run`). */
const SEED_LOCK = 'lesplein:seed';

/** Reference data on every start (when missing) and demo content on the first start. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly members: MembersRepository,
    private readonly registration: RegistrationService,
    private readonly profiles: ProfileService,
    private readonly resources: ResourcesService,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  /**
   * Seeds under a PostgreSQL advisory lock: API replicas starting together on one database would
   * otherwise both find the taxonomy empty and insert it twice (the second start failed with a
   * unique violation). The later process waits, then finds everything there.
   */
  async run(options: { demo: boolean }): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [SEED_LOCK]);
      await this.seed(options);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [SEED_LOCK]).catch(() => undefined);
      client.release();
    }
  }

  private async seed(options: { demo: boolean }): Promise<void> {
    if (await this.taxonomy.seedIfEmpty()) this.logger.log('Seeded the Flemish education taxonomy');
    if (!options.demo || (await this.members.count()) > 0) return;
    const ids = new Map<string, string>();
    for (const demo of DEMO_MEMBERS) {
      const id = await this.registration.createVerified({ email: demo.email, password: DEMO_PASSWORD, firstName: demo.firstName, lastName: demo.lastName, locale: 'nl', role: demo.role });
      await this.profiles.update({ memberId: id, role: demo.role, sessionId: 'seed', twoFactorEnabled: false }, { ...demo.profile, visibility: { school: 'public', teaching: 'public', professionalRole: 'public' } });
      ids.set(demo.email, id);
    }
    for (const demo of DEMO_RESOURCES) {
      const actor = { memberId: ids.get(demo.authorEmail)!, role: 'member' as const, sessionId: 'seed', twoFactorEnabled: false };
      const created = await this.resources.create(actor, CreateResourceRequest.parse(demo.resource));
      await this.resources.publish(actor, created.id);
    }
    this.logger.log(`Seeded ${DEMO_MEMBERS.length} demo members (see README for their log-ins) and ${DEMO_RESOURCES.length} resources`);
  }
}
