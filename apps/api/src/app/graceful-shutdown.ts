import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { JobQueue } from '../core/outbox/job-queue.js';

/**
 * The API process's graceful stop (SIGTERM, SIGINT), in this order:
 *
 * 1. Stop accepting: Fastify's close() closes the listening socket at once (new connections are
 *    refused), closes idle kept-alive connections, and answers a new request on a busy kept-alive
 *    connection with 503 and `Connection: close`. At the same time the job workers (WORKER=inline)
 *    stop fetching jobs and running ones may finish.
 * 2. Requests in flight finish, for up to `graceMs`; each connection closes once its response is
 *    out, and connections still open when the grace period ends are closed.
 * 3. Nest's shutdown: pg-boss stopped (already), then the pools and the Prisma client close.
 *
 * Resolves with the number of connections cut off at the end of the grace period (0 normally).
 */
export async function stopGracefully(app: NestFastifyApplication, graceMs: number, logger: Logger): Promise<{ cutOff: number }> {
  const fastify = app.getHttpAdapter().getInstance();
  const server = fastify.server;
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'grace over'>((resolve) => {
    timer = setTimeout(() => resolve('grace over'), graceMs);
  });
  const drained = fastify.close().then(() => 'drained' as const);
  // A connection whose last response has gone out would otherwise stay open until its keep-alive
  // timeout (72 s): close connections as soon as they fall idle.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  const jobsStopped = app.get(JobQueue).stop(graceMs);

  let cutOff = 0;
  if ((await Promise.race([drained, graceOver])) === 'grace over') {
    cutOff = await new Promise<number>((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count)));
    logger.warn({ connections: cutOff, graceSeconds: graceMs / 1000 }, 'Grace period over: closing the connections still open');
    server.closeAllConnections();
    await drained;
  }
  clearTimeout(timer);
  clearInterval(sweep);
  await jobsStopped;
  await app.close();
  return { cutOff };
}
