import path from 'node:path';
import type { AppConfig } from '../../config/env.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { applyMigrations } from './migrations.js';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The database the platform runs on: DATABASE_URL when set, otherwise an embedded PostgreSQL
 * with its cluster under DATA_DIR/postgres. Pending migrations are applied either way.
 * `ownSignals`: the caller handles SIGINT/SIGTERM and calls stop() last (the API's graceful stop).
 */
export async function openDatabase(config: AppConfig, options: { migrate?: boolean; ownSignals?: boolean } = {}): Promise<OpenDatabase> {
  const database = config.databaseUrl
    ? { url: config.databaseUrl, embedded: false, stop: async () => undefined }
    : { ...(await startEmbeddedPostgres({ clusterDir: path.join(config.dataDir, 'postgres'), database: 'lesplein', ownSignals: options.ownSignals })), embedded: true };
  if (options.migrate !== false) {
    try {
      await applyMigrations(database.url);
    } catch (error) {
      await database.stop();
      throw error;
    }
  }
  return database;
}
