import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Everything else receives an `Env` value, so tests
 * build their own configuration and nothing changes behind a running server's back.
 */

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveNumber = z.coerce.number({ error: 'expected a number' }).positive({ error: 'expected a number above 0' });

const originList = z
  .string()
  .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean))
  .pipe(z.array(z.url({ error: 'expected a comma-separated list of origins such as https://panel.example.com' })));

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ error: 'expected a port number' }).int().min(1).max(65535, { error: 'expected a port between 1 and 65535' }).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((v) => v === 'memory://' || /^postgres(ql)?:\/\//.test(v), {
      error: 'expected postgres://user:password@host:5432/db, or memory:// for a throwaway in-memory database',
    })
    .optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, { error: 'expected redis://host:6379' }).optional(),
  DOCKER_HOST: z
    .string()
    .regex(/^(unix|tcp|http|https):\/\//, { error: 'expected unix:///var/run/docker.sock or tcp://host:2375' })
    .optional(),
  OPENPANEL_SECRET_KEY: z
    .string()
    .refine((v) => decodeKey(v) !== null, { error: 'expected 32 random bytes as 64 hex characters or base64 (openssl rand -base64 32)' })
    .optional(),
  OPENPANEL_PUBLIC_URL: z.url({ error: 'expected the URL people open the panel at, such as https://panel.example.com' }).optional(),
  OPENPANEL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPENPANEL_SESSION_TTL_HOURS: positiveNumber.default(168),
  OPENPANEL_LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  OPENPANEL_RATE_LIMIT_WINDOW_SECONDS: positiveNumber.default(900),
  OPENPANEL_CORS_ORIGINS: originList.optional(),
  OPENPANEL_TRUST_PROXY: booleanFlag.default(false),
  OPENPANEL_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  OPENPANEL_IMAGE_RETENTION: z.coerce.number().int().min(1).max(100).default(5),
  OPENPANEL_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(500),
  OPENPANEL_APPROVAL_TTL_MINUTES: positiveNumber.default(15),
  OPENPANEL_METRICS_TOKEN: z.string().min(16, { error: 'expected at least 16 characters' }).optional(),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Validates configuration; throws EnvError naming each bad variable and what it expects. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings are treated as unset, as shells and compose files often export them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const got = cleaned[name];
      const shown = got === undefined ? 'it is missing' : isSecretName(name) ? 'got a value that does not fit' : `got ${JSON.stringify(got)}`;
      return `${name}: ${issue.message} (${shown})`;
    });
    throw new EnvError(problems);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}

function isSecretName(name: string): boolean {
  return /KEY|TOKEN|SECRET|PASSWORD/.test(name) || name === 'DATABASE_URL' || name === 'REDIS_URL';
}

/** Accepts 64 hex characters or base64 of exactly 32 bytes. */
export function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const buf = Buffer.from(value, 'base64');
    if (buf.length === 32) return buf;
  }
  return null;
}

/**
 * Variables a child process must inherit (PATH, HOME, proxy and CA settings for git). Kept here so
 * this file stays the only reader of process.env; callers pass an allow-list, never "everything".
 */
export function inheritedEnv(allow: RegExp, source: Record<string, string | undefined> = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) if (value !== undefined && allow.test(key)) out[key] = value;
  return out;
}
