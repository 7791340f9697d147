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
  .transform((s) =>
    s
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ error: 'expected a comma-separated list of origins such as https://panel.example.com' })));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ error: 'expected a port number' })
    .int()
    .min(1)
    .max(65535, { error: 'expected a port between 1 and 65535' })
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((v) => v === 'memory://' || /^postgres(ql)?:\/\//.test(v), {
      error: 'expected postgres://user:password@host:5432/db, or memory:// for a throwaway in-memory database',
    })
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: 'expected redis://host:6379' })
    .optional(),
  DOCKER_HOST: z
    .string()
    .regex(/^(unix|tcp|http|https):\/\//, { error: 'expected unix:///var/run/docker.sock or tcp://host:2375' })
    .optional(),
  OPENPANEL_SECRET_KEY: z
    .string()
    .refine((v) => decodeKey(v) !== null, {
      error: 'expected 32 random bytes as 64 hex characters or base64 (openssl rand -base64 32)',
    })
    .optional(),
  OPENPANEL_PUBLIC_URL: z
    .url({ error: 'expected the URL people open the panel at, such as https://panel.example.com' })
    .optional(),
  OPENPANEL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPENPANEL_SESSION_TTL_HOURS: positiveNumber.default(168),
  OPENPANEL_LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  OPENPANEL_RATE_LIMIT_WINDOW_SECONDS: positiveNumber.default(900),
  OPENPANEL_CORS_ORIGINS: originList.optional(),
  OPENPANEL_TRUST_PROXY: booleanFlag.default(false),
  OPENPANEL_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  OPENPANEL_IMAGE_RETENTION: z.coerce.number().int().min(1).max(100).default(5),
  OPENPANEL_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(500),
  /** Domains: which reverse proxy applies them; none stores them without routing anything. */
  OPENPANEL_PROXY: z.enum(['none', 'caddy', 'traefik'], { error: 'expected none, caddy or traefik' }).default('none'),
  /** How the proxy reaches containers: ip (proxy on the host; caddy default) or dns (proxy in Docker; traefik default). */
  OPENPANEL_PROXY_UPSTREAM: z.enum(['ip', 'dns'], { error: 'expected ip or dns' }).optional(),
  /** With dns upstreams: the proxy's container, attached to each project network that has domains. */
  /** The panel's own container when it runs in Docker: attached to each project network to reach apps. */
  OPENPANEL_SELF_CONTAINER: z
    .string()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, { error: 'expected a container name or id' })
    .optional(),
  OPENPANEL_PROXY_CONTAINER: z
    .string()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, { error: 'expected a container name or id' })
    .optional(),
  OPENPANEL_CADDY_ADMIN_URL: z
    .string()
    .regex(/^http:\/\/[^\s/]+\/?$/, { error: 'expected the Caddy admin API over http, such as http://127.0.0.1:2019' })
    .default('http://127.0.0.1:2019'),
  /** The folder Traefik's file provider watches; default DATA_DIR/traefik. */
  OPENPANEL_TRAEFIK_DYNAMIC_DIR: z.string().min(1).optional(),
  OPENPANEL_TRAEFIK_CERT_RESOLVER: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'expected a certificate resolver name such as letsencrypt' })
    .default('letsencrypt'),
  /** This server's public addresses for the domain DNS check (comma-separated); default the interface addresses. */
  OPENPANEL_PUBLIC_IP: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.union([z.ipv4(), z.ipv6()], { error: 'expected a comma-separated list of IP addresses' })))
    .optional(),
  OPENPANEL_APPROVAL_TTL_MINUTES: positiveNumber.default(15),
  /** Project-context embeddings: local (offline hashing, default), gemini or ollama; see server/knowledge. */
  OPENPANEL_EMBEDDER: z
    .enum(['local', 'gemini', 'ollama'], { error: 'expected local, gemini or ollama' })
    .default('local'),
  /** The embedding model for gemini (default gemini-embedding-001) or ollama (default nomic-embed-text). */
  OPENPANEL_EMBED_MODEL: z.string().min(1).max(200).optional(),
  /** Chat model providers (settings `providers.*` override these); with none, chat runs in command mode. */
  GOOGLE_GENERATIVE_AI_API_KEY: z.string().min(1).optional(),
  GROQ_API_KEY: z.string().min(1).optional(),
  OLLAMA_HOST: z
    .string()
    .regex(/^(https?:\/\/)?[^\s/]+(:\d+)?\/?$/, { error: 'expected a host such as http://127.0.0.1:11434' })
    .optional(),
  OPENPANEL_PROVIDERS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.enum(['gemini', 'groq', 'ollama'], { error: 'expected a comma-separated order of gemini, groq and ollama' }),
      ),
    )
    .optional(),
  OPENPANEL_GEMINI_MODEL: z.string().min(1).default('gemini-2.5-flash'),
  OPENPANEL_GROQ_MODEL: z.string().min(1).default('llama-3.3-70b-versatile'),
  OPENPANEL_OLLAMA_MODEL: z.string().min(1).default('llama3.1:8b'),
  OPENPANEL_GEMINI_BASE_URL: z
    .url({ error: 'expected a URL such as https://generativelanguage.googleapis.com/v1beta' })
    .optional(),
  OPENPANEL_GROQ_BASE_URL: z.url({ error: 'expected a URL such as https://api.groq.com/openai/v1' }).optional(),
  /** How long a provider may take to send its first token before the next one is tried. */
  OPENPANEL_PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  OPENPANEL_PROVIDER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  OPENPANEL_PROVIDER_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  OPENPANEL_CHAT_MAX_STEPS: z.coerce.number().int().min(1).max(50).default(8),
  OPENPANEL_METRICS_TOKEN: z.string().min(16, { error: 'expected at least 16 characters' }).optional(),
  /** `openpanel mcp` (stdio): the agent API token the MCP client acts with. */
  OPENPANEL_TOKEN: z
    .string()
    .regex(/^op_\S{20,}$/, { error: 'expected an API token (op_…) of kind agent: openpanel token create --kind agent' })
    .optional(),
  /** `openpanel mcp` (stdio): which tools to offer; the HTTP endpoint takes ?preset= instead. */
  OPENPANEL_MCP_PRESET: z
    .enum(['read-only', 'deploy', 'all'], { error: 'expected read-only, deploy or all' })
    .default('all'),
  /** `openpanel mcp` (stdio): a running panel to forward to (its /mcp endpoint) instead of opening the database here. */
  OPENPANEL_URL: z.url({ error: 'expected the panel URL, such as http://localhost:3000' }).optional(),
  /** Image for the short-lived containers that tar volumes; it must already be on the engine (nothing is pulled). */
  OPENPANEL_BACKUP_HELPER_IMAGE: z.string().min(1).default('busybox:latest'),
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
      const shown =
        got === undefined
          ? 'it is missing'
          : isSecretName(name)
            ? 'got a value that does not fit'
            : `got ${JSON.stringify(got)}`;
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
export function inheritedEnv(
  allow: RegExp,
  source: Record<string, string | undefined> = process.env,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) if (value !== undefined && allow.test(key)) out[key] = value;
  return out;
}
