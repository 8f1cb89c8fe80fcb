import { describe, expect, it, vi } from 'vitest';
import { toProblem } from '../errors/problem.js';
import { isDatabaseUnavailable, survivesDatabaseOutages } from './database-errors.js';

const pgError = (code: string, message = 'server error') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises an unreachable, restarting or saturated database', () => {
    expect(isDatabaseUnavailable(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('57P03', 'the database system is starting up'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('08006'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('53300', 'sorry, too many clients already'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Timed out fetching a new connection from the connection pool'), { code: 'P2024' }))).toBe(true);
    // Prisma's raw-query failure with the server's SQLSTATE in meta, and a wrapped cause.
    expect(isDatabaseUnavailable(Object.assign(new Error('Raw query failed'), { code: 'P2010', meta: { code: '57P03' } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: pgError('ECONNRESET') }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Invalid `prisma.$queryRaw()` invocation:\n\nRaw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`'), { code: 'P2010' }))).toBe(true);
  });

  it('leaves errors of the query or the code alone', () => {
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('42P01', 'relation does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('Raw query failed'), { code: 'P2010', meta: { code: '22P02' } }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Raw query failed. Code: `23505`. Message: `duplicate key value`'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('becomes a 503 unavailable problem with a Retry-After, not a 500', () => {
    const { problem, internal } = toProblem(pgError('ECONNREFUSED'));
    expect(problem).toMatchObject({ status: 503, code: 'service_unavailable', retryAfterSeconds: 5 });
    expect(internal).toBe(false);
  });
});

describe('survivesDatabaseOutages', () => {
  it('logs an unhandled rejection from a database outage and keeps the process', () => {
    const logger = { warn: vi.fn(), fatal: vi.fn() };
    const exit = vi.fn();
    survivesDatabaseOutages(logger, exit)(pgError('57P01'));
    expect(logger.warn).toHaveBeenCalledOnce();
    expect(exit).not.toHaveBeenCalled();
  });

  it('ends the process on any other unhandled rejection, as Node does', () => {
    const logger = { warn: vi.fn(), fatal: vi.fn() };
    const exit = vi.fn();
    survivesDatabaseOutages(logger, exit)(new TypeError('a bug'));
    expect(logger.fatal).toHaveBeenCalledOnce();
    expect(exit).toHaveBeenCalledWith(1);
  });
});
