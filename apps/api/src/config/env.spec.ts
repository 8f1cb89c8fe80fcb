import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_APP_SECRET, loadConfig } from './env.js';

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

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', APP_SECRET: 'short' })).toThrow(/PORT[\s\S]*APP_SECRET|APP_SECRET[\s\S]*PORT/);
  });
});
