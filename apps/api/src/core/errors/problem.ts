import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { ProblemCode, type Problem } from '@lesplein/contracts/common';
import { isDatabaseUnavailable } from '../database/database-errors.js';
import { DomainError } from './domain-error.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODE_BY_STATUS: Record<number, string> = {
  400: ProblemCode.validation,
  401: ProblemCode.unauthenticated,
  403: ProblemCode.forbidden,
  404: ProblemCode.notFound,
  405: 'method_not_allowed',
  409: ProblemCode.conflict,
  413: ProblemCode.payloadTooLarge,
  415: 'unsupported_media_type',
  429: ProblemCode.rateLimited,
  503: ProblemCode.unavailable,
};

function problem(status: number, code: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `https://lesplein.org/problems/${code}`, title: TITLES[status] ?? STATUS_CODES[status] ?? 'Error', status, code, detail, ...extra };
}

/** An error from Fastify itself (body parsing, limits, content type). */
interface FastifyLikeError {
  statusCode?: number;
  code?: string;
}

/**
 * Maps anything thrown while handling a request to RFC 9457 problem details.
 * Returns `internal: true` for errors that are our fault, which the caller logs; their
 * message never reaches the client.
 */
export function toProblem(error: unknown): { problem: Problem; internal: boolean } {
  if (error instanceof DomainError) {
    return {
      problem: problem(error.status, error.code, error.message, {
        ...(error.extra.errors ? { errors: error.extra.errors } : {}),
        ...(error.extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.extra.retryAfterSeconds } : {}),
      }),
      internal: false,
    };
  }
  // The database is down, restarting or out of connections: say so at once, and when to retry.
  if (isDatabaseUnavailable(error)) {
    return { problem: problem(503, ProblemCode.unavailable, 'The service is briefly unavailable; try again in a few seconds.', { retryAfterSeconds: 5 }), internal: false };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status >= 500) return { problem: problem(500, ProblemCode.internal, 'Something went wrong on our side.'), internal: true };
    const detail = status === 404 ? 'Not found.' : status === 401 ? 'Log in to continue.' : error.message;
    return { problem: problem(status, CODE_BY_STATUS[status] ?? 'http_error', detail), internal: false };
  }
  const fastify = error as FastifyLikeError;
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const status = fastify.statusCode;
    const detail =
      status === 413
        ? 'The request body is too large.'
        : status === 415
          ? 'This content type is not accepted here.'
          : fastify.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? 'The JSON body is empty.'
            : 'The request body is not valid JSON.';
    return { problem: problem(status, CODE_BY_STATUS[status] ?? ProblemCode.validation, detail), internal: false };
  }
  return { problem: problem(500, ProblemCode.internal, 'Something went wrong on our side.'), internal: true };
}
