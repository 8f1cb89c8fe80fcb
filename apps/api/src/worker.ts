import 'reflect-metadata';
import http from 'node:http';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { AppModule } from './app/app.module.js';
import { ConfigError, loadConfig, type AppConfig } from './config/env.js';
import { survivesDatabaseOutages } from './core/database/database-errors.js';
import { pendingMigrations } from './core/database/migrations.js';
import { createLogger, NestPinoLogger } from './core/logging/logger.js';
import { JobQueue } from './core/outbox/job-queue.js';

/**
 * `npm run worker`: the background-job worker on its own, for deployments that run the API with
 * WORKER=off. It builds the Nest application context (every module, so every job type is defined;
 * no HTTP API), waits until the database's migrations are applied (by the API or a migration job:
 * the worker never migrates), and runs the pg-boss workers, whatever WORKER says.
 *
 * It answers GET /health/live and /health/ready on PORT for an orchestrator's probes (ready: the
 * database answers). SIGTERM or SIGINT stops it gracefully: no new jobs are fetched, running jobs
 * may finish (up to SHUTDOWN_GRACE_SECONDS, pg-boss's graceful stop), then the pools close.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = { ...loadConfig(), worker: 'inline' };
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
  const databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    // The embedded database belongs to one process (npm start); a worker shares an external one.
    console.error('The worker needs DATABASE_URL: it shares the API\'s database (the embedded PostgreSQL is for a single `npm start` process).');
    process.exit(1);
  }

  let stopping = false;
  // Until the workers run there is nothing to finish: a signal ends the process at once.
  let stop: (signal: string) => Promise<void> = async () => process.exit(0);
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // Probes: live while the process runs; ready while the database answers and workers run.
  const probe = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  let working = false;
  const health = http.createServer((request, response) => {
    const answer = (status: number, body: object) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.url === '/health/live') return answer(200, { status: 'ok' });
    if (request.url !== '/health/ready') return answer(404, { status: 'not found' });
    if (!working || stopping) return answer(503, { status: 'starting or stopping' });
    probe.query('SELECT 1').then(
      () => answer(200, { status: 'ok', database: 'ok' }),
      () => answer(503, { status: 'unavailable', database: 'unreachable' }),
    );
  });
  await new Promise<void>((resolve) => health.listen(config.port, config.host, resolve));

  for (let waited = 0; ; waited += 2) {
    const pending = await pendingMigrations(databaseUrl).catch((error: unknown) => [`(database not reachable: ${(error as Error).message})`]);
    if (pending.length === 0) break;
    if (waited % 30 === 0) logger.info({ pending }, 'Waiting for the database migrations (applied by the API or the migration job)');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }

  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, databaseUrl), { logger: new NestPinoLogger(logger) });
  await app.init();
  await app.get(JobQueue).start();
  working = true;
  logger.info({ port: config.port }, 'Lesplein worker is running background jobs');

  stop = async (signal: string) => {
    stopping = true;
    logger.info({ signal }, 'Stopping: finishing running jobs');
    const force = setTimeout(() => process.exit(1), config.shutdownGraceSeconds * 1000 + 10_000);
    force.unref();
    try {
      await app.close();
      await probe.end();
      await new Promise((resolve) => health.close(resolve));
    } finally {
      logger.info('Stopped cleanly');
      process.exit(0);
    }
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
