import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app/app.module.js';
import { ConfigError, loadConfig } from './config/env.js';
import { openDatabase } from './core/database/open-database.js';
import { DomainError } from './core/errors/domain-error.js';
import { RetentionService } from './modules/accounts/retention.service.js';
import { RegistrationService } from './modules/accounts/registration.service.js';
import { reindexProgress } from './modules/search/indexing/reindex-progress.js';
import { SearchIndexer } from './modules/search/indexing/search-indexer.js';
import { SeedService } from './seed/seed.service.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  db:migrate                      Apply pending database migrations
  admin:create  --email E --password P [--first-name F --last-name L]
                                  Create a verified admin (2FA is asked at first log-in)
  member:create --email E --password P --first-name F --last-name L [--role member|moderator|admin]
                                  Create a verified member
  accounts:purge                  Delete log-in attempts, history, sessions and tokens past retention
  search:reindex                  Rebuild the search index from the database (the index stays usable meanwhile)

Without DATABASE_URL the embedded database under DATA_DIR is used: stop \`npm start\` first.`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      'first-name': { type: 'string' },
      'last-name': { type: 'string' },
      role: { type: 'string' },
    },
    strict: true,
  });
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const known = ['db:migrate', 'admin:create', 'member:create', 'accounts:purge', 'search:reindex'];
  if (!known.includes(command)) {
    console.error(`Unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  const creating = command === 'admin:create' || command === 'member:create';
  const role = command === 'admin:create' ? 'admin' : (values.role ?? 'member');
  if (creating && (!values.email || !values.password || (command === 'member:create' && (!values['first-name'] || !values['last-name'])))) {
    console.error(USAGE);
    return 2;
  }
  if (role !== 'member' && role !== 'moderator' && role !== 'admin') {
    console.error('--role must be member, moderator or admin');
    return 2;
  }
  const config = { ...loadConfig(), worker: 'off' as const, seedDemo: false };
  const database = await openDatabase(config);
  try {
    if (command === 'db:migrate') {
      console.log(JSON.stringify({ migrated: true }));
      return 0;
    }
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database.url), { logger: ['error'] });
    try {
      await app.get(SeedService).run({ demo: false });
      if (creating && values.email && values.password) {
        const email = values.email.trim().toLowerCase();
        const id = await app.get(RegistrationService).createVerified({
          email,
          password: values.password,
          firstName: values['first-name'] ?? 'Admin',
          lastName: values['last-name'] ?? 'Lesplein',
          locale: 'nl',
          role,
        });
        console.log(JSON.stringify({ id, email, role }));
        return 0;
      }
      if (command === 'search:reindex') {
        const progress = reindexProgress();
        const result = await app.get(SearchIndexer).reindex(progress.update);
        progress.stop();
        console.log(JSON.stringify({ indexed: result.done }));
        return 0;
      }
      if (command === 'accounts:purge') {
        console.log(JSON.stringify(await app.get(RetentionService).purge()));
        return 0;
      }
      return 2;
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof DomainError) console.error(`${error.code}: ${error.message}${error.extra.errors ? ` ${JSON.stringify(error.extra.errors)}` : ''}`);
    else console.error(error);
    process.exit(1);
  });
