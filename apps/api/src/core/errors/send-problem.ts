import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem.js';

/** Writes an error as problem+json; logs errors that are ours, without the request body. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { problem, internal } = toProblem(error);
  if (internal) request.log.error({ err: error }, 'unhandled error');
  if (problem.retryAfterSeconds !== undefined) void reply.header('retry-after', String(problem.retryAfterSeconds));
  void reply
    .status(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify({ ...problem, instance: request.url.split('?')[0] }));
}
