import pg from 'pg';

export const PG_POOL = Symbol('PG_POOL');

/** A small pg pool for infrastructure that speaks SQL itself (rate limiter, health check). */
export function createPool(databaseUrl: string, connectionTimeoutMillis = 5000): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis });
  pool.on('error', () => undefined);
  return pool;
}
