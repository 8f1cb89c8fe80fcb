import http from 'node:http';
import type { Socket } from 'node:net';
import { ProblemCode } from '@lesplein/contracts/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, NotFound, ValidationFailed } from './domain-error.js';
import { toProblem } from './problem.js';
import { sendProblem } from './send-problem.js';

/**
 * Errors Fastify answers itself, before any route runs, as problem+json like every other error
 * (its defaults are plain JSON). Found by the contract fuzzing (test/fuzz-contracts.e2e-spec.ts).
 */

/** A URL that cannot be decoded (400), or a path parameter longer than any id of ours (404: it names nothing). */
export function frameworkErrors(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') sendProblem(NotFound('Resource'), request, reply);
  else sendProblem(ValidationFailed([{ path: '', message: 'The address is not valid.' }]), request, reply);
}

/**
 * Errors of the HTTP parser (Node's 'clientError'): headers or request line too large (431), a
 * request that took too long (408), anything else malformed (400). Written straight to the
 * socket, which is closed afterwards, as Fastify's default handler does.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, ProblemCode.payloadTooLarge, 'The request line or headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, ProblemCode.validation, 'The request took too long to arrive.']
        : [400, ProblemCode.validation, 'The request is not valid HTTP.'];
  const body = JSON.stringify(toProblem(new DomainError(status, code, detail)).problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
