import { NotFoundException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { DomainError, RateLimited, ValidationFailed } from './domain-error.js';
import { toProblem } from './problem.js';

describe('toProblem', () => {
  it('keeps the code, message and field errors of domain errors', () => {
    const { problem, internal } = toProblem(ValidationFailed([{ path: 'email', message: 'bad' }]));
    expect(internal).toBe(false);
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed', errors: [{ path: 'email', message: 'bad' }] });
    expect(toProblem(RateLimited(12)).problem).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 12 });
  });

  it('maps framework and body-parser errors to stable codes', () => {
    expect(toProblem(new NotFoundException()).problem).toMatchObject({ status: 404, code: 'not_found' });
    expect(toProblem({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }).problem).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(toProblem({ statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }).problem.code).toBe('validation_failed');
  });

  it('titles every status with its reason phrase (431 and 410 were titled "Error")', () => {
    expect(toProblem(new DomainError(431, 'payload_too_large', 'x')).problem.title).toBe('Request Header Fields Too Large');
    expect(toProblem(new DomainError(410, 'gone', 'x')).problem.title).toBe('Gone');
    expect(toProblem(new DomainError(408, 'validation_failed', 'x')).problem.title).toBe('Request Timeout');
  });

  it('hides the details of unexpected errors', () => {
    const { problem, internal } = toProblem(new Error('connection string postgres://secret'));
    expect(internal).toBe(true);
    expect(problem).toMatchObject({ status: 500, code: 'internal_error' });
    expect(JSON.stringify(problem)).not.toContain('secret');
  });
});
