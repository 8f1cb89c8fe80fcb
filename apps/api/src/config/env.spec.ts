import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_APP_SECRET, ENV_REQUIREMENTS, ENV_RULES, EnvSchema, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('has safe local defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', port: 3000, host: '127.0.0.1', publicUrl: 'http://localhost:3000', secureCookies: false, seedDemo: true });
    expect(config.dataDir.endsWith('.data')).toBe(true);
  });

  it('refuses default secrets, http and a missing SMTP server in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://lesplein.example', APP_SECRET: DEFAULT_APP_SECRET });
    } catch (error) {
      expect(String(error)).toMatch(/APP_SECRET/);
      expect(String(error)).toMatch(/PUBLIC_URL: must be an https/);
      expect(String(error)).toMatch(/SMTP_URL/);
    }
  });

  it('accepts a proper production configuration with secure cookies', () => {
    const config = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://lesplein.example/', APP_SECRET: 'x'.repeat(40), SMTP_URL: 'smtps://mail.example' });
    expect(config).toMatchObject({ publicUrl: 'https://lesplein.example', secureCookies: true, host: '0.0.0.0' });
  });

  it('reads the job queue\'s expiry check interval and per-job expiry overrides', () => {
    expect(loadConfig({}).jobs).toEqual({ expiryCheckSeconds: 15, expiryOverrides: {} });
    expect(loadConfig({ JOB_EXPIRY_CHECK_SECONDS: '2', JOB_EXPIRY_SECONDS: 'mail.send=5,privacy.data-export=3600' }).jobs).toEqual({
      expiryCheckSeconds: 2,
      expiryOverrides: { 'mail.send': 5, 'privacy.data-export': 3600 },
    });
    expect(() => loadConfig({ JOB_EXPIRY_SECONDS: 'mail.send' })).toThrow(/JOB_EXPIRY_SECONDS/);
    expect(() => loadConfig({ JOB_EXPIRY_SECONDS: 'mail.send=0' })).toThrow(/JOB_EXPIRY_SECONDS: needs each job named once, with 1 to 86399 seconds/);
    expect(() => loadConfig({ JOB_EXPIRY_SECONDS: 'mail.send=86400' })).toThrow(/JOB_EXPIRY_SECONDS/);
    expect(() => loadConfig({ JOB_EXPIRY_SECONDS: 'mail.send=5,mail.send=6' })).toThrow(/JOB_EXPIRY_SECONDS/);
    expect(() => loadConfig({ JOB_EXPIRY_CHECK_SECONDS: '0' })).toThrow(/JOB_EXPIRY_CHECK_SECONDS/);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', APP_SECRET: 'short' })).toThrow(/PORT[\s\S]*APP_SECRET|APP_SECRET[\s\S]*PORT/);
  });
});

describe('the rules across variables (ENV_RULES, shown in docs/operations.md)', () => {
  const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://lesplein.example', APP_SECRET: 'x'.repeat(40), SMTP_URL: 'smtps://mail.example' };
  const issues = (source: Record<string, string>) => {
    const parsed = EnvSchema.safeParse(source);
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('are stated per variable as the reference shows them', () => {
    expect(ENV_REQUIREMENTS).toEqual({
      APP_SECRET: 'must differ from the development default in production',
      PUBLIC_URL: 'required in production, as an https:// URL',
      SMTP_URL: 'required in production',
      JOB_EXPIRY_SECONDS: 'each value 1–86399 seconds, each job named once',
      S3_BUCKET: 'required when STORAGE_DRIVER=s3',
      S3_ACCESS_KEY_ID: 'set together with S3_SECRET_ACCESS_KEY when STORAGE_DRIVER=s3; required in production when STORAGE_DRIVER=s3',
      S3_SECRET_ACCESS_KEY: 'set together with S3_ACCESS_KEY_ID when STORAGE_DRIVER=s3',
    });
    for (const rule of ENV_RULES) expect(Object.keys(EnvSchema.shape)).toContain(rule.variable);
  });

  it('report every broken rule under its variable, in order', () => {
    expect(issues({ NODE_ENV: 'production', STORAGE_DRIVER: 's3', S3_SECRET_ACCESS_KEY: 'secret' })).toEqual([
      'APP_SECRET: must be set to a secret of your own in production',
      'PUBLIC_URL: must be an https:// URL in production',
      'SMTP_URL: is required in production',
      'S3_BUCKET: is required when STORAGE_DRIVER=s3',
      'S3_ACCESS_KEY_ID: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together',
      'S3_ACCESS_KEY_ID: is required in production with STORAGE_DRIVER=s3 (with S3_SECRET_ACCESS_KEY)',
    ]);
    expect(issues({ STORAGE_DRIVER: 's3', S3_BUCKET: 'lesplein', S3_ACCESS_KEY_ID: 'id' })).toEqual(['S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together']);
  });

  it('apply the S3 rules only with STORAGE_DRIVER=s3 and the production rules only in production', () => {
    expect(issues({ S3_ACCESS_KEY_ID: 'id' })).toEqual([]);
    expect(issues({ STORAGE_DRIVER: 's3', S3_BUCKET: 'lesplein' })).toEqual([]);
    expect(issues({ ...production, STORAGE_DRIVER: 's3', S3_BUCKET: 'lesplein' })).toEqual(['S3_ACCESS_KEY_ID: is required in production with STORAGE_DRIVER=s3 (with S3_SECRET_ACCESS_KEY)']);
    expect(issues({ ...production, STORAGE_DRIVER: 's3', S3_BUCKET: 'lesplein', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' })).toEqual([]);
    expect(issues(production)).toEqual([]);
  });

  it('are not checked while a variable has the wrong type', () => {
    expect(issues({ NODE_ENV: 'production', PORT: 'abc' }).map((issue) => issue.split(':')[0])).toEqual(['PORT']);
  });
});
