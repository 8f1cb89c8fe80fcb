import 'reflect-metadata';
import { createApp } from './app/create-app.js';
import { stopGracefully } from './app/graceful-shutdown.js';
import { ConfigError, loadConfig } from './config/env.js';
import { survivesDatabaseOutages } from './core/database/database-errors.js';
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
  // A database outage must not end the process (database-errors.ts); other unhandled rejections still do.
  process.on('unhandledRejection', survivesDatabaseOutages(logger));
  logger.info({ embedded: !config.databaseUrl }, 'Starting database');
  const database = await openDatabase(config, { ownSignals: true });
  const app = await createApp(config, database.url, logger);
  await app.get(SeedService).run({ demo: config.seedDemo });
  await app.listen({ port: config.port, host: config.host });
  logger.info({ url: config.publicUrl }, `Lesplein is running at ${config.publicUrl} (Ctrl-C stops it)`);

  // Graceful stop (app/graceful-shutdown.ts): refuse new connections, let requests in flight and
  // running jobs finish within SHUTDOWN_GRACE_SECONDS, close the pools, stop an embedded database.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const graceMs = config.shutdownGraceSeconds * 1000;
    logger.info({ signal, graceSeconds: config.shutdownGraceSeconds }, 'Stopping: no new connections; finishing requests in flight and running jobs');
    // Only if something hangs past the grace period (closing pools, the embedded database).
    const force = setTimeout(() => {
      logger.error('Still stopping 10 s after the grace period: exiting');
      process.exit(1);
    }, graceMs + 10_000);
    force.unref();
    let code = 0;
    try {
      await stopGracefully(app, graceMs, logger);
    } catch (error) {
      logger.error({ err: error }, 'Error while stopping');
      code = 1;
    } finally {
      await database.stop();
      if (code === 0) logger.info('Stopped cleanly');
      process.exit(code);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
