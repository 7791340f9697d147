import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadEnv, type Env } from '../env.ts';
import { createContext, closeContext, type AppContext } from '../context.ts';
import { createApp, type App } from '../app.ts';
import { jobHandlers } from '../jobs/handlers.ts';

/**
 * One in-memory PGlite per test file (start-up costs ~3 s), reset between tests by truncating
 * every table. Requests go through the real Hono app in-process.
 */
export interface TestPanel {
  ctx: AppContext;
  app: App;
  env: Env;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function createTestPanel(
  overrides: Record<string, string> = {},
  opts: { jobs?: boolean } = {},
): Promise<TestPanel> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-test-'));
  const env = loadEnv({
    DATABASE_URL: 'memory://',
    DATA_DIR: dataDir,
    OPENPANEL_LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...overrides,
  });
  const ctx = await createContext(env);
  await ctx.database.migrate();
  if (opts.jobs) await ctx.jobs.start(jobHandlers(ctx));
  let app = createApp(ctx);
  const panel: TestPanel = {
    ctx,
    get app() {
      return app;
    },
    env,
    reset: async () => {
      const rows = await ctx.db.execute<{ tablename: string }>(
        sql`select tablename from pg_tables where schemaname = 'public' and tablename not like '__drizzle%'`,
      );
      const names = (rows as unknown as { rows: { tablename: string }[] }).rows.map((r) => `"${r.tablename}"`);
      if (names.length) await ctx.db.execute(sql.raw(`truncate ${names.join(', ')} restart identity cascade`));
      // A fresh app also resets in-memory state such as rate-limit counters.
      app = createApp(ctx);
    },
    close: async () => {
      await closeContext(ctx);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return panel;
}

/** A small HTTP client that keeps the session cookie and sends the CSRF header, like a browser app. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;

  constructor(private readonly panel: TestPanel) {}

  static withToken(panel: TestPanel, token: string): Client {
    const c = new Client(panel);
    c.bearer = token;
    return c;
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await this.panel.app.request(url, {
      method,
      headers: h,
      body:
        body === undefined
          ? undefined
          : typeof body === 'string' || body instanceof Uint8Array
            ? (body as RequestInit['body'])
            : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair && !/=;?$/.test(pair) && !/Max-Age=0/i.test(setCookie) ? pair : null;
    }
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  async login(email: string, password: string): Promise<Response> {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status === 200) this.csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
    return res;
  }
}

export const OWNER = { email: 'owner@example.com', password: 'correct horse battery', name: 'Olive Owner' };

/** Runs first-run setup and returns a signed-in client for the owner. */
export async function setupOwner(panel: TestPanel): Promise<Client> {
  const client = new Client(panel);
  const res = await client.post('/api/setup', OWNER);
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  client.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return client;
}

/** Creates a user with the role (through the owner) and returns a signed-in client for them. */
export async function userWithRole(
  panel: TestPanel,
  owner: Client,
  role: 'owner' | 'admin' | 'operator' | 'viewer',
  email = `${role}@example.com`,
): Promise<Client> {
  const password = `${role}-password-123`;
  const res = await owner.post('/api/users', { email, password, role });
  if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${await res.text()}`);
  const client = new Client(panel);
  const login = await client.login(email, password);
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  return client;
}

export async function createToken(
  client: Client,
  body: { name?: string; kind: 'human' | 'agent'; scopes: string[] },
): Promise<string> {
  const res = await client.post('/api/tokens', { name: body.name ?? 'test', ...body });
  if (res.status !== 201) throw new Error(`token create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
