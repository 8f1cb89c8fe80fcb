import pg from 'pg';

/** The lock was still held by another session when `waitSeconds` ran out. */
export class AdvisoryLockTimeout extends Error {}

/**
 * Runs `work` while holding a PostgreSQL session advisory lock on `key`, on a connection of its
 * own, so that processes sharing one database (API replicas, workers) do it one at a time even
 * when `work` uses other connections. Released when `work` ends, or with the connection: a killed
 * process's connection is closed by its operating system at once, and one whose machine vanished
 * is dropped by the server's TCP keepalive within about a minute (set below; ignored over a Unix
 * socket, where both ends share a machine). With `waitSeconds`, gives up waiting for the lock
 * after that long (AdvisoryLockTimeout) instead of waiting as long as the holder runs.
 */
export async function withAdvisoryLock<T>(databaseUrl: string, key: string, work: () => Promise<T>, options: { waitSeconds?: number } = {}): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10; SET tcp_keepalives_count = 3`);
    if (options.waitSeconds !== undefined) await client.query(`SET lock_timeout = ${Math.max(1, Math.round(options.waitSeconds * 1000))}`);
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    } catch (error) {
      // 55P03 lock_not_available: lock_timeout ran out.
      if ((error as { code?: string }).code === '55P03') throw new AdvisoryLockTimeout(`The advisory lock ${key} was still held after ${options.waitSeconds} s`, { cause: error });
      throw error;
    }
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
