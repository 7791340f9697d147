import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env.ts';

function problems(source: Record<string, string>): string {
  try {
    loadEnv(source);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as EnvError).message;
  }
  throw new Error('expected loadEnv to throw');
}

describe('loadEnv', () => {
  it('uses the documented defaults', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./data');
    expect(env.dataDir).toBe(path.resolve('./data'));
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.OPENPANEL_CORS_ORIGINS).toBeUndefined();
  });

  it('names the variable and what it expects', () => {
    expect(problems({ PORT: 'eighty' })).toMatch(/PORT: expected a port number \(got "eighty"\)/);
    expect(problems({ PORT: '70000' })).toMatch(/PORT: expected a port between 1 and 65535/);
    expect(problems({ DATABASE_URL: 'mysql://x' })).toMatch(/DATABASE_URL: expected postgres:\/\//);
    expect(problems({ REDIS_URL: 'localhost:6379' })).toMatch(/REDIS_URL: expected redis:\/\/host:6379/);
    expect(problems({ DOCKER_HOST: '/var/run/docker.sock' })).toMatch(
      /DOCKER_HOST: expected unix:\/\/\/var\/run\/docker.sock/,
    );
    expect(problems({ OPENPANEL_CORS_ORIGINS: 'not a url' })).toMatch(/OPENPANEL_CORS_ORIGINS/);
    expect(problems({ OPENPANEL_LOG_LEVEL: 'loud' })).toMatch(/OPENPANEL_LOG_LEVEL/);
  });

  it('reports every bad variable at once', () => {
    const message = problems({ PORT: 'x', REDIS_URL: 'nope', OPENPANEL_TRUST_PROXY: 'maybe' });
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/REDIS_URL/);
    expect(message).toMatch(/OPENPANEL_TRUST_PROXY: expected true or false/);
  });

  it('never echoes a secret value back', () => {
    const message = problems({ OPENPANEL_SECRET_KEY: 'hunter2-not-a-key' });
    expect(message).toMatch(/OPENPANEL_SECRET_KEY: expected 32 random bytes/);
    expect(message).not.toContain('hunter2');
  });

  it('accepts hex and base64 keys and treats empty strings as unset', () => {
    expect(loadEnv({ OPENPANEL_SECRET_KEY: 'a'.repeat(64) }).OPENPANEL_SECRET_KEY).toBe('a'.repeat(64));
    expect(
      loadEnv({ OPENPANEL_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).OPENPANEL_SECRET_KEY,
    ).toBeDefined();
    expect(loadEnv({ PORT: '', REDIS_URL: '' }).PORT).toBe(3000);
    expect(loadEnv({ OPENPANEL_CORS_ORIGINS: 'https://a.example, https://b.example' }).OPENPANEL_CORS_ORIGINS).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });
});
