/**
 * A running panel driven over real HTTP, like a browser then a script would: first-run setup with a
 * session cookie, then an API token, then apps and env vars through the REST API (and so the services).
 */

const BENCH_OWNER = { email: 'bench@example.com', password: 'bench password 123', name: 'Bench Owner' };

export class PanelHttp {
  private cookie = '';
  private csrf = '';
  token = '';

  constructor(readonly url: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    else if (this.cookie) {
      headers.cookie = this.cookie;
      if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    }
    const res = await fetch(this.url + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    return res;
  }

  async expect(method: string, path: string, body: unknown, status: number): Promise<unknown> {
    const res = await this.request(method, path, body);
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  /** First-run setup (or sign-in on an existing data folder), then a human API token with every scope. */
  async signIn(): Promise<void> {
    const setup = await this.request('POST', '/api/setup', BENCH_OWNER);
    const res = setup.status === 201 ? setup : await this.request('POST', '/api/auth/login', BENCH_OWNER);
    if (res.status !== 200 && res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    const created = (await this.expect(
      'POST',
      '/api/tokens',
      { name: 'bench', kind: 'human', scopes: ['read', 'write', 'approve', 'admin'] },
      201,
    )) as { token: string };
    this.token = created.token;
  }

  /** Image apps: nothing is built or pulled; `secrets` env vars each. */
  async createApps(count: number, opts: { prefix?: string; secrets?: number; from?: number } = {}): Promise<string[]> {
    const names: string[] = [];
    for (let i = opts.from ?? 0; i < (opts.from ?? 0) + count; i++) {
      const name = `${opts.prefix ?? 'bench'}-${String(i).padStart(4, '0')}`;
      await this.expect(
        'POST',
        '/api/apps',
        { name, source: { type: 'image', image: 'busybox:latest' }, port: 8080 },
        201,
      );
      if (opts.secrets) {
        const vars = Object.fromEntries(
          Array.from({ length: opts.secrets }, (_, k) => [
            `SECRET_${k}`,
            `value-${name}-${k}-${Math.random().toString(36).slice(2)}`,
          ]),
        );
        await this.expect('PUT', `/api/apps/${name}/env`, { vars }, 200);
      }
      names.push(name);
    }
    return names;
  }
}
