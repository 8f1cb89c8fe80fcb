import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('logger', () => {
  it('writes JSON and never writes secrets or e-mail addresses', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(
      {
        req: { id: 'r1', method: 'POST', url: '/api/auth/reset-password?token=abc', headers: { cookie: 'lp_session=secret' } },
        body: { email: 'ann@example.org', password: 'hunter2hunter2', token: 'tok' },
      },
      'request',
    );
    const line = lines.join('');
    const record = JSON.parse(line) as Record<string, unknown>;
    expect(record.msg).toBe('request');
    expect(line).not.toContain('ann@example.org');
    expect(line).not.toContain('hunter2hunter2');
    expect(line).not.toContain('lp_session=secret');
    expect(line).not.toContain('token=abc');
    expect(line).toContain('[redacted]');
  });
});
