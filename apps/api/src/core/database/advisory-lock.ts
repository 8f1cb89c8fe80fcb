import pg from 'pg';

/**
 * Runs `work` while holding a PostgreSQL session advisory lock on `key`, on a connection of its
 * own, so that processes sharing one database (API replicas, workers) do it one at a time even
 * when `work` uses other connections. Released when `work` ends, or with the connection.
 */
export async function withAdvisoryLock<T>(databaseUrl: string, key: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
