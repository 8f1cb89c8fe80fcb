import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startMailCatcher, type MailCatcher } from '@lesplein/testing/mail-catcher';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig, type AppConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/core/logging/logger.js';
import { withDatabase } from '../global-setup.js';
import { HttpClient } from './http-client.js';

/** A fresh database cloned from the migrated template on the test cluster. */
export async function cloneTemplateDatabase(): Promise<string> {
  const serverUrl = inject('postgresServerUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
  await admin.end();
  return withDatabase(serverUrl, name);
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  url: string;
  databaseUrl: string;
  dataDir: string;
  mail: MailCatcher;
  /** A new client with its own cookie jar and its own (fake, forwarded) client address. */
  client(): HttpClient;
  /** Runs SQL against the test database (for assertions and setting up edge cases). */
  sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The real application over HTTP on a fresh clone of the migrated template database, with a
 * real SMTP listener receiving its mail. One per test file.
 */
export async function startTestApp(env: Record<string, string> = {}, options: { logTo?: NodeJS.WritableStream; port?: number; databaseUrl?: string } = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await cloneTemplateDatabase());
  const mail = await startMailCatcher();
  // Uploaded files and temporary files of this test file live in their own directory.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    SMTP_URL: mail.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    TRUST_PROXY: 'true',
    SEED_DEMO: 'false',
    PUBLIC_URL: 'http://localhost:5173',
    WEB_DIST_DIR: 'does-not-exist',
    DATA_DIR: dataDir,
    ...env,
  });
  const app = await createApp(config, databaseUrl, createLogger(config.logLevel, options.logTo));
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const testApp: TestApp = {
    app,
    config,
    url,
    databaseUrl,
    dataDir,
    mail,
    client: () => new HttpClient(url),
    sql: async (text, values) => (await pool.query(text, values)).rows,
    async close() {
      await app.close();
      await pool.end();
      await testApp.mail.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return testApp;
}
