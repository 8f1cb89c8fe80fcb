import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/core/database/embedded-postgres.js';
import { applyMigrations } from '../src/core/database/migrations.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL (no database) of the test PostgreSQL. */
    postgresServerUrl: string;
    /** Migrated database that each test file clones. */
    templateDatabase: string;
  }
}

let database: EmbeddedDatabase | undefined;
let scratch: string | undefined;

/**
 * Starts one real PostgreSQL for the run (embedded, or TEST_DATABASE_URL's server) and
 * migrates a template database; each test file clones it so files cannot disturb each other.
 */
export async function setup(project: TestProject): Promise<void> {
  const template = 'lesplein_template';
  let serverUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    serverUrl = process.env.TEST_DATABASE_URL;
  } else {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-test-'));
    fs.chmodSync(scratch, 0o755);
    database = await startEmbeddedPostgres({ clusterDir: path.join(scratch, 'pg'), database: 'postgres' });
    serverUrl = database.url;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  await applyMigrations(withDatabase(serverUrl, template));
  project.provide('postgresServerUrl', serverUrl);
  project.provide('templateDatabase', template);
}

export async function teardown(): Promise<void> {
  await database?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
