import 'reflect-metadata';
import { createApp } from './app/create-app.js';
import { ConfigError, loadConfig } from './config/env.js';
import { openDatabase } from './core/database/open-database.js';
import { createLogger } from './core/logging/logger.js';
import { SeedService } from './seed/seed.service.js';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, seed, HTTP server. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  logger.info({ embedded: !config.databaseUrl }, 'Starting database');
  const database = await openDatabase(config);
  const app = await createApp(config, database.url, logger);
  await app.get(SeedService).run({ demo: config.seedDemo });
  await app.listen({ port: config.port, host: config.host });
  logger.info({ url: config.publicUrl }, `Lesplein is running at ${config.publicUrl} (Ctrl-C stops it)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    try {
      await app.close();
    } finally {
      await database.stop();
      logger.info('Stopped cleanly');
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
