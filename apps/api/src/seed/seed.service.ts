import { Injectable, Logger } from '@nestjs/common';
import { CreateResourceRequest } from '@lesplein/contracts/resource';
import { MembersRepository } from '../modules/accounts/members.repository.js';
import { ProfileService } from '../modules/accounts/profile.service.js';
import { RegistrationService } from '../modules/accounts/registration.service.js';
import { ResourcesService } from '../modules/resources/resources.service.js';
import { TaxonomyService } from '../modules/taxonomy/taxonomy.service.js';
import { DEMO_MEMBERS, DEMO_PASSWORD } from './demo-members.js';
import { DEMO_RESOURCES } from './demo-resources.js';

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
  ) {}

  async run(options: { demo: boolean }): Promise<void> {
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
