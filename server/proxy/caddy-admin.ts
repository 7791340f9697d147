import http from 'node:http';
import { DomainError } from '../errors.ts';

/** A minimal client for Caddy's admin API (https://caddyserver.com/docs/api). */
export class CaddyAdmin {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  /** GET a config path; null when nothing is there (Caddy answers `null`). */
  get<T>(path: string): Promise<T | null> {
    return this.call<T | null>('GET', path);
  }

  /** PUT creates (a key, or an array element inserted at an index); it fails if the key exists. */
  put(path: string, body: unknown): Promise<void> {
    return this.call('PUT', path, body).then(() => undefined);
  }

  /** PATCH replaces an existing value. */
  patch(path: string, body: unknown): Promise<void> {
    return this.call('PATCH', path, body).then(() => undefined);
  }

  delete(path: string): Promise<void> {
    return this.call('DELETE', path).then(() => undefined);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: { status: number; text: string };
    try {
      res = await request(
        new URL(path, this.baseUrl),
        method,
        body === undefined ? undefined : JSON.stringify(body),
        this.timeoutMs,
      );
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new DomainError(
        'unavailable',
        `Caddy's admin API at ${this.baseUrl} did not answer (${reason}).`,
        'Start Caddy (caddy run), or fix OPENPANEL_CADDY_ADMIN_URL. The domain is stored and is applied at the next deploy or panel start.',
      );
    }
    if (res.status < 200 || res.status > 299) {
      const message = safeError(res.text) ?? `HTTP ${res.status}`;
      // Reading below a key that does not exist is "nothing there", like a missing key.
      if (method === 'GET' && res.status === 400 && /invalid traversal path/.test(message)) return null as T;
      throw new DomainError(
        res.status === 404 ? 'not_found' : 'invalid',
        `Caddy refused ${method} ${path}: ${message}`,
      );
    }
    return (res.text.trim() ? JSON.parse(res.text) : null) as T;
  }
}

/**
 * A fresh connection per call: Caddy restarts its admin listener on every configuration change,
 * which breaks pooled keep-alive connections ("other side closed").
 */
function request(
  url: URL,
  method: string,
  body: string | undefined,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent: false,
        timeout: timeoutMs,
        headers:
          body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

function safeError(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    return typeof parsed.error === 'string' ? parsed.error.slice(0, 500) : undefined;
  } catch {
    return text.slice(0, 200) || undefined;
  }
}
