import type { Logger } from 'pino';

// SQLSTATE classes and codes that mean "the database cannot serve you now", not "your query is wrong":
// 08 connection exception, 53300 too many connections, 57P01–57P03 shutdown / crash / starting up.
const UNAVAILABLE_SQLSTATE = /^(08...|53300|57P0[1-3])$/;
// Node's socket errors while connecting or talking to the server.
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// Prisma's codes: can't reach the server, server closed the connection, pool timeout.
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1017', 'P2024']);
// pg and pg-pool throw plain Errors for these; Prisma's raw-query failures name the server's SQLSTATE in the message.
const UNAVAILABLE_MESSAGE = /timeout exceeded when trying to connect|Connection terminated|connection error and is not queryable|Client was closed and is not queryable|Cannot use a pool after calling end|the database system is (shutting down|starting up|in recovery)|terminating connection due to administrator command|Code: `(08...|53300|57P0[1-3])`/i;

/**
 * Whether an error means the database is unreachable, restarting or out of connections (the
 * request may succeed if repeated shortly), looking through wrapped causes. Such errors become
 * 503 `unavailable` answers instead of 500s, and never end the process.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, message, cause, meta } = current as { code?: unknown; message?: unknown; cause?: unknown; meta?: { code?: unknown } };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_PRISMA.has(code))) return true;
    // Prisma's raw-query failures (P2010) carry the server's SQLSTATE in meta.code.
    if (typeof meta?.code === 'string' && UNAVAILABLE_SQLSTATE.test(meta.code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    current = cause ?? (current as { originalError?: unknown }).originalError;
  }
  return false;
}

/**
 * pg-boss 10 records a job's completion or failure with promises it does not await, so while the
 * database is down those writes reject with nobody listening, and Node ends the process on an
 * unhandled rejection. This handler logs such database-unavailable rejections and keeps the
 * process running (the job stays active until pg-boss expires and retries it); any other
 * unhandled rejection is a bug and still ends the process, as Node's default does.
 */
export function survivesDatabaseOutages(logger: Pick<Logger, 'warn' | 'fatal'>, exit: (code: number) => void = (code) => process.exit(code)): (reason: unknown) => void {
  return (reason: unknown) => {
    if (isDatabaseUnavailable(reason)) {
      logger.warn({ err: reason }, 'Database unavailable (an unawaited background write failed); continuing');
      return;
    }
    logger.fatal({ err: reason }, 'Unhandled promise rejection');
    exit(1);
  };
}
