import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app/app.module.js';
import { loadConfig } from '../../config/env.js';
import { applyMigrations } from '../database/migrations.js';
import { openDatabase } from '../database/open-database.js';
import { DeletionLedgerService } from '../../modules/privacy/deletion/deletion-ledger.service.js';
import { JobQueue } from '../outbox/job-queue.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/object-storage.js';
import { createBackup, restoreDatabase, restoreStorage, verifyBackup } from './backup.js';
import { BackupError } from './pg-client-tools.js';

export const BACKUP_COMMANDS = new Set(['backup:create', 'backup:restore']);

export const BACKUP_USAGE = `  backup:create --out DIR         Back up the database (pg_dump, custom format) and the stored files into a new
                                  directory under DIR, with a manifest of SHA-256 checksums. pg_dump comes from
                                  PG_BIN_DIR or PATH and must be at least the server's major version
  backup:restore --from DIR --yes Replace the database with the backup's (stop the API and worker first), apply
                                  newer migrations, put the backup's files back (additively) and re-apply the
                                  deletion ledger, so accounts deleted after the backup are deleted again`;

const log = (message: string) => console.error(message);

/**
 * backup:create and backup:restore (docs/operations.md, "Backup and restore"). Returns the exit
 * code: 0 done, 1 failed (the message says why), 2 bad arguments.
 */
export async function runBackupCommand(command: string, args: string[]): Promise<number> {
  let values: { out?: string; from?: string; yes?: boolean; 'pg-bin-dir'?: string };
  try {
    ({ values } = parseArgs({ args, strict: true, options: { out: { type: 'string' }, from: { type: 'string' }, yes: { type: 'boolean' }, 'pg-bin-dir': { type: 'string' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${BACKUP_USAGE}`);
    return 2;
  }
  if (command === 'backup:create' && !values.out) {
    console.error(`backup:create needs --out DIR\n\n${BACKUP_USAGE}`);
    return 2;
  }
  if (command === 'backup:restore' && (!values.from || !values.yes)) {
    console.error(`backup:restore needs --from DIR and --yes: it replaces everything in the database.\n\n${BACKUP_USAGE}`);
    return 2;
  }
  const config = { ...loadConfig(), worker: 'off' as const, seedDemo: false };
  const pgBinDir = values['pg-bin-dir'] ?? config.pgBinDir;
  try {
    if (command === 'backup:create') {
      const database = await openDatabase(config, { migrate: false });
      try {
        const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database.url), { logger: ['error'] });
        try {
          const { dir, manifest } = await createBackup({ databaseUrl: database.url, storage: app.get<ObjectStorage>(OBJECT_STORAGE), outDir: values.out!, pgBinDir, log });
          console.log(JSON.stringify({ backup: dir, createdAt: manifest.createdAt, databaseBytes: manifest.database.bytes, objects: manifest.storage.objects.length }));
          return 0;
        } finally {
          await app.close();
        }
      } finally {
        await database.stop();
      }
    }

    const manifest = await verifyBackup(values.from!);
    log(`Backup of ${manifest.createdAt} verified (database and ${manifest.storage.objects.length} object(s))`);
    const database = await openDatabase(config, { migrate: false });
    try {
      await restoreDatabase({ databaseUrl: database.url, backupDir: values.from!, manifest, pgBinDir, log });
      log('Applying migrations newer than the backup');
      await applyMigrations(database.url);
      const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database.url), { logger: ['error'] });
      try {
        const storage = await restoreStorage({ storage: app.get<ObjectStorage>(OBJECT_STORAGE), backupDir: values.from!, manifest, log });
        // Accounts deleted after the backup are in the ledger (its mirror in object storage survives
        // the restore): delete them again before anyone uses the restored database.
        log('Re-applying the deletion ledger');
        // Deletions queue follow-up jobs: make sure pg-boss's tables exist (no worker runs here: WORKER=off).
        await app.get(JobQueue).start();
        const ledger = await app.get(DeletionLedgerService).reapply();
        console.log(JSON.stringify({ restored: manifest.createdAt, objects: storage.restored, ledgerEntries: ledger.entries, deletionsReapplied: ledger.reapplied }));
        return 0;
      } finally {
        await app.close();
      }
    } finally {
      await database.stop();
    }
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    return 1;
  }
}
