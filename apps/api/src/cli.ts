import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CreatePartnerRequest } from '@lesplein/contracts/partner';
import type { z } from 'zod';
import { AppModule } from './app/app.module.js';
import { ConfigError, loadConfig } from './config/env.js';
import { AuditLog } from './core/audit/audit-log.js';
import { BACKUP_COMMANDS, BACKUP_USAGE, runBackupCommand } from './core/backup/backup-cli.js';
import { openDatabase } from './core/database/open-database.js';
import { JobQueue } from './core/outbox/job-queue.js';
import { DomainError } from './core/errors/domain-error.js';
import { zodIssuesToErrors } from './core/validation/zod.js';
import { RetentionService } from './modules/accounts/retention.service.js';
import { RegistrationService } from './modules/accounts/registration.service.js';
import { PartnerAdminService } from './modules/partners/admin/partner-admin.service.js';
import { DeletionJob } from './modules/privacy/deletion/deletion-job.js';
import { DeletionLedgerService } from './modules/privacy/deletion/deletion-ledger.service.js';
import { DataExportRetention } from './modules/privacy/export/data-export-retention.service.js';
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
  deletions:run                   Run (or resume) every account deletion that is due or was interrupted
  deletions:reapply               After restoring a backup: delete again every account in the deletion ledger
                                  (database and object storage) that the restored database still holds
  exports:purge                   Delete expired data-export archives (marked expired) and failed exports older than 7 days
  search:reindex                  Rebuild the search index from the database (the index stays usable meanwhile)
  audit:verify                    Check the audit log's hash chain; exit 1 and name the first broken entry if it was altered
  partner:create --name N --redirect-uri https://… [--redirect-uri …] [--scopes "openid profile email school teaching"]
                 [--legal-name … --address … --contact-email … --dpo-email … --website … --privacy-policy …
                  --notification-url … --client-auth client_secret_basic|client_secret_post|none]
                                  Register a partner (publisher) as an admin would; prints its client id and
                                  secret once. Scopes default to openid only; omitted details are derived from
                                  the name and the redirect host, and the privacy notice is a draft that an
                                  admin must complete
${BACKUP_USAGE}

Without DATABASE_URL the embedded database under DATA_DIR is used: stop \`npm start\` first.`;

const OPTIONS = {
  email: { type: 'string' },
  password: { type: 'string' },
  'first-name': { type: 'string' },
  'last-name': { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  'redirect-uri': { type: 'string', multiple: true },
  scopes: { type: 'string' },
  'legal-name': { type: 'string' },
  address: { type: 'string' },
  'contact-email': { type: 'string' },
  'dpo-email': { type: 'string' },
  website: { type: 'string' },
  'privacy-policy': { type: 'string' },
  'notification-url': { type: 'string' },
  'client-auth': { type: 'string' },
} as const;

type CliValues = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>['values'];

/** Marks what partner:create filled in for the admin to complete. */
const TO_COMPLETE = 'Aan te vullen door een beheerder / To be completed by an admin';

/**
 * The admin's creation request from partner:create's options: details left out are derived from
 * the name and the first redirect URI, and the notice names the requested scopes and is marked as
 * a draft. An error message instead when the options are not valid.
 */
function partnerRequest(values: CliValues): { request?: z.output<typeof CreatePartnerRequest>; error?: string } {
  const redirectUris = values['redirect-uri'] ?? [];
  if (!values.name || redirectUris.length === 0) return { error: 'partner:create needs --name and at least one --redirect-uri' };
  let origin: URL;
  try {
    origin = new URL(redirectUris[0]!);
  } catch {
    return { error: `Not a URL: ${redirectUris[0]}` };
  }
  // A mail domain from the redirect host; hosts without one (localhost, addresses) get a reserved domain.
  const domain = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(origin.hostname) ? origin.hostname : 'example.invalid';
  const scopes = (values.scopes ?? 'openid').split(/[\s,]+/).filter(Boolean);
  const contactEmail = values['contact-email'] ?? `contact@${domain}`;
  const parsed = CreatePartnerRequest.safeParse({
    name: values.name,
    legalName: values['legal-name'] ?? values.name,
    address: values.address ?? TO_COMPLETE,
    contactEmail,
    dpoEmail: values['dpo-email'] ?? contactEmail,
    websiteUrl: values.website ?? origin.origin,
    privacyPolicyUrl: values['privacy-policy'] ?? `${origin.origin}/privacy`,
    notificationUrl: values['notification-url'] ?? null,
    redirectUris,
    allowedScopes: scopes,
    clientAuth: values['client-auth'] ?? 'client_secret_basic',
    notice: {
      serviceDescription: `${values.name}: ${TO_COMPLETE}`,
      purposes: TO_COMPLETE,
      dataCategories: scopes,
      retention: TO_COMPLETE,
      storageLocation: TO_COMPLETE,
      subProcessors: [],
    },
  });
  if (!parsed.success) return { error: zodIssuesToErrors(parsed.error).map((issue) => `${issue.path}: ${issue.message}`).join('\n') };
  return { request: parsed.data };
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command && BACKUP_COMMANDS.has(command)) return runBackupCommand(command, rest);
  let values: CliValues;
  try {
    ({ values } = parseArgs({ args: rest, options: OPTIONS, strict: true }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const known = ['db:migrate', 'admin:create', 'member:create', 'accounts:purge', 'deletions:run', 'deletions:reapply', 'exports:purge', 'search:reindex', 'partner:create', 'audit:verify'];
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
  const partner = command === 'partner:create' ? partnerRequest(values) : undefined;
  if (partner?.error) {
    console.error(partner.error);
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
        if (role !== 'member') await app.get(AuditLog).recordNow({ actor: null, action: 'member.role_granted', targetType: 'member', targetId: id, details: { role, by: 'operator (CLI)' } });
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
      if (partner?.request) {
        try {
          const { credentials } = await app.get(PartnerAdminService).register(partner.request);
          console.log(JSON.stringify({ partnerId: credentials.partnerId, clientId: credentials.clientId, clientSecret: credentials.clientSecret }));
          return 0;
        } catch (error) {
          // A rule the options break (e.g. redirect URIs on two hosts) is a bad argument too.
          if (!(error instanceof DomainError) || error.status !== 400) throw error;
          console.error(`${error.message} ${JSON.stringify(error.extra.errors ?? [])}`);
          return 2;
        }
      }
      if (command === 'audit:verify') {
        const result = await app.get(AuditLog).verify();
        console.log(JSON.stringify({ entries: result.entries, intact: result.broken === null, ...(result.broken ? { broken: result.broken } : {}) }));
        return result.broken ? 1 : 0;
      }
      if (command === 'accounts:purge') {
        console.log(JSON.stringify(await app.get(RetentionService).purge()));
        return 0;
      }
      // The job queue's tables (pgboss.*) exist once it has started; queues only here (worker off).
      if (command === 'deletions:run' || command === 'deletions:reapply') await app.get(JobQueue).start();
      if (command === 'deletions:run') {
        console.log(JSON.stringify({ deletions: await app.get(DeletionJob).runAllNow() }));
        return 0;
      }
      if (command === 'deletions:reapply') {
        console.log(JSON.stringify(await app.get(DeletionLedgerService).reapply()));
        return 0;
      }
      if (command === 'exports:purge') {
        console.log(JSON.stringify(await app.get(DataExportRetention).purge()));
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
