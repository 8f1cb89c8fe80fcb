import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The development-only secret; refused when NODE_ENV=production. */
export const DEFAULT_APP_SECRET = 'development-only-secret-do-not-use-in-production';

/** The repository root (holds turbo.json), so defaults do not depend on the working directory. */
function repositoryRoot(): string {
  let dir = process.cwd();
  while (dir !== path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'turbo.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

const bool = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Every variable with its type, default and meaning (the rules across variables come below). */
const EnvVariables = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development').describe('Runtime mode; production refuses unsafe settings.'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port of the API and web client.'),
    HOST: z.string().optional().describe('Interface to listen on; 127.0.0.1 by default, 0.0.0.0 in production.'),
    PUBLIC_URL: z.url().optional().describe('Public origin used in links and cookies; http://localhost:PORT by default.'),
    DATABASE_URL: z.string().optional().describe('External PostgreSQL; when unset an embedded PostgreSQL is started under DATA_DIR.'),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10).describe('Most database connections the API (or worker) process opens for its queries (Prisma\'s pool; the rate limiter and job queue have small pools of their own).'),
    DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000).describe('How long a request waits for a free pooled connection, or for a new one to open, before it fails with 503 (database unavailable) instead of hanging.'),
    DATA_DIR: z.string().optional().describe('Directory for the embedded database and local files; ./.data by default.'),
    APP_SECRET: z.string().min(32).default(DEFAULT_APP_SECRET).describe('Master secret (at least 32 characters) from which cookie, hashing and encryption keys are derived.'),
    SMTP_URL: z.string().optional().describe('SMTP server for outgoing mail (smtp:// or smtps://); unset: mail is kept in the development mailbox at /dev/mailbox.'),
    MAIL_FROM: z.string().default('Lesplein <no-reply@localhost>').describe('Sender of outgoing mail.'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('Minimum level of the JSON logs.'),
    BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576).describe('Largest JSON request body; larger ones get 413.'),
    SESSION_IDLE_DAYS: z.coerce.number().int().positive().default(30).describe('A session unused this long ends.'),
    LOGIN_ATTEMPT_RETENTION_HOURS: z.coerce.number().int().positive().default(24).describe('How long log-in attempts (valid and invalid) are kept.'),
    LOGIN_HISTORY_RETENTION_DAYS: z.coerce.number().int().positive().default(90).describe('How long a member\'s own log-in history is kept.'),
    ACCOUNT_DELETION_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(7).describe('Days between a member\'s deletion request and the deletion, during which the account is locked and the cancel link works (none for an account without resources or comments).'),
    FEEDBACK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90).describe('Days a feedback-form message is kept after it is closed (answered or rejected); then a daily job deletes it.'),
    PRIVACY_REQUEST_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(730).describe('Days a request to the data protection officer (restriction, objection, rectification, question) is kept after it is closed, as proof it was handled; then a daily job deletes it.'),
    INACTIVE_ACCOUNT_DAYS: z.coerce.number().int().min(30).default(1095).describe('An account nobody logged in to for this many days is deleted (3 years), after a warning by e-mail.'),
    INACTIVITY_WARNING_DAYS: z.coerce.number().int().min(1).max(180).default(30).describe('How many days before that deletion the member is warned; logging in keeps the account.'),
    DELETION_BATCH_SIZE: z.coerce.number().int().min(10).max(10000).default(500).describe('Rows per batch (and transaction) of the account deletion job.'),
    SEED_DEMO: bool.default(true).describe('Seed demo members on first start of an empty database.'),
    WEB_DIST_DIR: z.string().optional().describe('Built web client served at /; apps/web/dist by default.'),
    TRUST_PROXY: bool.default(false).describe('Trust X-Forwarded-For from a reverse proxy in front of the API (enable only behind one).'),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600).describe('Requests per minute per client address across the API (several API processes share it, each learning the others\' counts once a second); sensitive routes have tighter limits.'),
    WORKER: z.enum(['inline', 'off']).default('inline').describe('inline: background jobs run inside the API process; off: a separate worker runs them.'),
    JOB_EXPIRY_CHECK_SECONDS: z.coerce.number().int().min(1).max(300).default(15).describe('How often (in seconds) the job queue looks for runs past their expiry, such as a job whose worker process died, and queues their retry; the same pass archives finished jobs. A dead worker\'s job is retried within its expiry plus about twice this.'),
    JOB_EXPIRY_SECONDS: z
      .string()
      .regex(/^[a-z0-9.-]+=\d+(,[a-z0-9.-]+=\d+)*$/)
      .optional()
      .describe('Overrides how long one run of a job type may take before it is counted as failed and retried, as comma-separated name=seconds pairs (e.g. privacy.data-export=3600); at most 86399 per job. Unset: the values in docs/ARCHITECTURE.md ("Background jobs"). An unknown job name stops the start.'),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(15).describe('On SIGTERM or SIGINT: how long requests in flight and running jobs may take to finish before their connections are closed (running jobs are then failed and retried); no new connections are accepted meanwhile.'),
    STORAGE_DRIVER: z.enum(['local', 's3']).default('local').describe('Where uploaded files are kept: local (DATA_DIR/files, one machine) or s3 (any S3-compatible object store).'),
    S3_ENDPOINT: z.url().optional().describe('S3 endpoint URL for S3-compatible stores (MinIO, Ceph, Garage…); unset for AWS S3.'),
    S3_REGION: z.string().min(1).default('us-east-1').describe('S3 region.'),
    S3_BUCKET: z.string().min(3).max(63).optional().describe('S3 bucket for uploaded files.'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional().describe('S3 access key; unset: the AWS SDK\'s default credential chain.'),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional().describe('S3 secret key belonging to S3_ACCESS_KEY_ID.'),
    S3_FORCE_PATH_STYLE: bool.default(true).describe('Address the bucket as endpoint/bucket instead of bucket.endpoint (most S3-compatible stores need this).'),
    S3_CREATE_BUCKET: bool.default(false).describe('Create the bucket at start when it does not exist (development and tests; create it yourself in production).'),
    UPLOAD_MAX_FILE_BYTES: z.coerce.number().int().positive().default(104_857_600).describe('Largest uploaded file in bytes; larger uploads get 413.'),
    UPLOAD_QUOTA_BYTES: z.coerce.number().int().positive().default(2_147_483_648).describe('Total size of the files one member may keep, in bytes.'),
    OPERATOR_NAME: z.string().min(1).max(200).default('Lesplein').describe('Organisation that runs the platform (the controller), named in consent receipts and privacy pages.'),
    OPERATOR_ADDRESS: z.string().max(500).default('').describe('Postal address of the operator, shown in consent receipts.'),
    PRIVACY_CONTACT_EMAIL: z.email().default('privacy@localhost').describe('Address of the data protection officer or privacy contact, shown in consent receipts and privacy pages. Set it in production.'),
    MEILI_URL: z.url().optional().describe('Meilisearch server for search (e.g. http://127.0.0.1:7700); unset: PostgreSQL full-text search in the database itself.'),
    MEILI_KEY: z.string().min(1).optional().describe('Meilisearch API key (an admin key: the API applies index settings at start).'),
    MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).default('resources').describe('Name of the Meilisearch index of resources.'),
    PG_BIN_DIR: z.string().optional().describe('Directory holding pg_dump and pg_restore for backup:create and backup:restore (their major version at least the server\'s); unset: found on PATH.'),
  });

/** The environment once parsed: defaults applied, numbers and booleans converted. */
export type ParsedEnv = z.output<typeof EnvVariables>;
export type EnvVariable = keyof ParsedEnv;

/**
 * A rule across variables, checked at start together with the types. The rules are data so that
 * the configuration reference (docs/operations.md, `npm run config:docs`) states exactly what is
 * enforced.
 */
export interface EnvRule {
  /** The variable the rule is about; a broken rule is reported under its name. */
  variable: EnvVariable;
  /** The condition in words, as the configuration reference shows it. */
  requirement: string;
  /** The error when the rule is broken (after `VARIABLE: `). */
  message: string;
  broken(env: ParsedEnv): boolean;
}

/** pg-boss refuses an expiry of 24 hours or more. */
const MAX_JOB_EXPIRY_SECONDS = 86_399;

/** JOB_EXPIRY_SECONDS (`name=seconds,…`, already matched by its pattern) as a map. */
function parseJobExpiries(value: string | undefined): Record<string, number> {
  const expiries: Record<string, number> = {};
  for (const pair of value ? value.split(',') : []) {
    const [name, seconds] = pair.split('=') as [string, string];
    expiries[name] = Number(seconds);
  }
  return expiries;
}

const inProduction = (env: ParsedEnv): boolean => env.NODE_ENV === 'production';
const withS3 = (env: ParsedEnv): boolean => env.STORAGE_DRIVER === 's3';
const S3_KEYS_TOGETHER = 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together';

/** Every rule across variables, in the order their errors are reported. */
export const ENV_RULES: readonly EnvRule[] = [
  {
    variable: 'APP_SECRET',
    requirement: 'must differ from the development default in production',
    message: 'must be set to a secret of your own in production',
    broken: (env) => inProduction(env) && env.APP_SECRET === DEFAULT_APP_SECRET,
  },
  {
    variable: 'PUBLIC_URL',
    requirement: 'required in production, as an https:// URL',
    message: 'must be an https:// URL in production',
    broken: (env) => inProduction(env) && !env.PUBLIC_URL?.startsWith('https://'),
  },
  {
    variable: 'SMTP_URL',
    requirement: 'required in production',
    message: 'is required in production',
    broken: (env) => inProduction(env) && !env.SMTP_URL,
  },
  {
    variable: 'JOB_EXPIRY_SECONDS',
    requirement: `each value 1–${MAX_JOB_EXPIRY_SECONDS} seconds, each job named once`,
    message: `needs each job named once, with 1 to ${MAX_JOB_EXPIRY_SECONDS} seconds`,
    broken: (env) => {
      const pairs = env.JOB_EXPIRY_SECONDS?.split(',') ?? [];
      const expiries = parseJobExpiries(env.JOB_EXPIRY_SECONDS);
      return Object.keys(expiries).length !== pairs.length || Object.values(expiries).some((seconds) => seconds < 1 || seconds > MAX_JOB_EXPIRY_SECONDS);
    },
  },
  {
    variable: 'S3_BUCKET',
    requirement: 'required when STORAGE_DRIVER=s3',
    message: 'is required when STORAGE_DRIVER=s3',
    broken: (env) => withS3(env) && !env.S3_BUCKET,
  },
  {
    variable: 'S3_ACCESS_KEY_ID',
    requirement: 'set together with S3_SECRET_ACCESS_KEY when STORAGE_DRIVER=s3',
    message: S3_KEYS_TOGETHER,
    broken: (env) => withS3(env) && !env.S3_ACCESS_KEY_ID && Boolean(env.S3_SECRET_ACCESS_KEY),
  },
  {
    variable: 'S3_SECRET_ACCESS_KEY',
    requirement: 'set together with S3_ACCESS_KEY_ID when STORAGE_DRIVER=s3',
    message: S3_KEYS_TOGETHER,
    broken: (env) => withS3(env) && Boolean(env.S3_ACCESS_KEY_ID) && !env.S3_SECRET_ACCESS_KEY,
  },
  {
    variable: 'S3_ACCESS_KEY_ID',
    requirement: 'required in production when STORAGE_DRIVER=s3',
    message: 'is required in production with STORAGE_DRIVER=s3 (with S3_SECRET_ACCESS_KEY)',
    broken: (env) => inProduction(env) && withS3(env) && !env.S3_ACCESS_KEY_ID,
  },
];

function requirementsByVariable(rules: readonly EnvRule[]): Partial<Record<EnvVariable, string>> {
  const byVariable: Partial<Record<EnvVariable, string>> = {};
  for (const { variable, requirement } of rules) byVariable[variable] = byVariable[variable] ? `${byVariable[variable]}; ${requirement}` : requirement;
  return byVariable;
}

/** Each variable that a rule constrains → its conditions in words (joined with "; "). */
export const ENV_REQUIREMENTS: Readonly<Partial<Record<EnvVariable, string>>> = requirementsByVariable(ENV_RULES);

/**
 * Every setting the platform reads from the environment, with its default and meaning, and the
 * rules across variables (`ENV_RULES`). Parsed once at start by `loadConfig`; nothing else reads
 * process.env.
 */
export const EnvSchema = EnvVariables.superRefine((env, ctx) => {
  for (const rule of ENV_RULES) {
    if (rule.broken(env)) ctx.addIssue({ code: 'custom', path: [rule.variable], message: rule.message });
  }
});

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  /** Prisma's pool: most connections, and how long a query waits for one before failing (503). */
  databasePool: { max: number; timeoutMs: number };
  dataDir: string;
  appSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  bodyLimitBytes: number;
  sessionIdleDays: number;
  loginAttemptRetentionHours: number;
  loginHistoryRetentionDays: number;
  accountDeletionGraceDays: number;
  deletionBatchSize: number;
  inactiveAccountDays: number;
  inactivityWarningDays: number;
  /** Days closed feedback messages and closed requests to the DPO are kept. */
  requestRetentionDays: { feedback: number; privacy: number };
  seedDemo: boolean;
  webDistDir: string;
  worker: 'inline' | 'off';
  /** The job queue's timing: the expiry check's interval and per-job-type expiry overrides (seconds). */
  jobs: { expiryCheckSeconds: number; expiryOverrides: Readonly<Record<string, number>> };
  /** Seconds a stopping process gives requests in flight and running jobs. */
  shutdownGraceSeconds: number;
  trustProxy: boolean;
  rateLimitPerMinute: number;
  /** Where uploaded files live; `local` keeps them under `dataDir/files`. */
  storageDriver: 'local' | 's3';
  s3: S3Config;
  uploadMaxFileBytes: number;
  /** Per member, over all their files. */
  uploadQuotaBytes: number;
  /** The organisation running the platform (controller), for consent receipts and privacy pages. */
  operator: { name: string; address: string; privacyEmail: string };
  /** Search engine: Meilisearch when `url` is set, PostgreSQL full-text search otherwise. */
  meili: MeiliConfig;
  /** Directory of pg_dump and pg_restore (backups); undefined: PATH. */
  pgBinDir?: string;
  /** Cookies get the Secure flag unless the public URL is plain-http localhost. */
  secureCookies: boolean;
}

export interface MeiliConfig {
  url: string | undefined;
  key: string | undefined;
  index: string;
}

/** Settings of the S3 storage adapter (read only when STORAGE_DRIVER=s3). */
export interface S3Config {
  endpoint: string | undefined;
  region: string;
  bucket: string | undefined;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
  createBucket: boolean;
}

export class ConfigError extends Error {}

/** Parses the environment once; throws a ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const root = repositoryRoot();
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
    publicUrl,
    databaseUrl: env.DATABASE_URL,
    databasePool: { max: env.DATABASE_POOL_MAX, timeoutMs: env.DATABASE_POOL_TIMEOUT_MS },
    dataDir: path.resolve(root, env.DATA_DIR ?? '.data'),
    appSecret: env.APP_SECRET,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    sessionIdleDays: env.SESSION_IDLE_DAYS,
    loginAttemptRetentionHours: env.LOGIN_ATTEMPT_RETENTION_HOURS,
    loginHistoryRetentionDays: env.LOGIN_HISTORY_RETENTION_DAYS,
    accountDeletionGraceDays: env.ACCOUNT_DELETION_GRACE_DAYS,
    deletionBatchSize: env.DELETION_BATCH_SIZE,
    inactiveAccountDays: env.INACTIVE_ACCOUNT_DAYS,
    inactivityWarningDays: env.INACTIVITY_WARNING_DAYS,
    requestRetentionDays: { feedback: env.FEEDBACK_RETENTION_DAYS, privacy: env.PRIVACY_REQUEST_RETENTION_DAYS },
    seedDemo: env.SEED_DEMO,
    webDistDir: path.resolve(root, env.WEB_DIST_DIR ?? 'apps/web/dist'),
    worker: env.WORKER,
    jobs: { expiryCheckSeconds: env.JOB_EXPIRY_CHECK_SECONDS, expiryOverrides: parseJobExpiries(env.JOB_EXPIRY_SECONDS) },
    shutdownGraceSeconds: env.SHUTDOWN_GRACE_SECONDS,
    trustProxy: env.TRUST_PROXY,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    storageDriver: env.STORAGE_DRIVER,
    s3: {
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      createBucket: env.S3_CREATE_BUCKET,
    },
    uploadMaxFileBytes: env.UPLOAD_MAX_FILE_BYTES,
    uploadQuotaBytes: env.UPLOAD_QUOTA_BYTES,
    operator: { name: env.OPERATOR_NAME, address: env.OPERATOR_ADDRESS, privacyEmail: env.PRIVACY_CONTACT_EMAIL },
    meili: { url: env.MEILI_URL, key: env.MEILI_KEY, index: env.MEILI_INDEX },
    pgBinDir: env.PG_BIN_DIR || undefined,
    secureCookies: !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(publicUrl),
  };
}

/** Injection token for the parsed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
