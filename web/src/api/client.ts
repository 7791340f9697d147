/**
 * The one place the UI talks HTTP to the panel: JSON in and out, the session cookie, and the
 * session's CSRF token on every request that changes something.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request finds the session gone (expired, logged out elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** Headers for a state-changing request made with the session cookie. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function api<T>(
  path: string,
  opts: { method?: Method; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') Object.assign(headers, csrfHeaders());
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The panel cannot be reached. Check that it is running.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const body = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const error = (
      body as { error?: { type?: string; message?: string; fields?: { path: string; message: string }[] } } | undefined
    )?.error;
    if (res.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/me') onUnauthorized?.();
    throw new ApiError(
      res.status,
      error?.type ?? 'http',
      error?.message ?? `The panel answered ${res.status} ${res.statusText}.`,
      error?.fields,
    );
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = (err.fields ?? []).map((f) => `${f.path}: ${f.message}`);
    return [err.message, ...fields].join(' ');
  }
  const text = err instanceof Error ? err.message : String(err);
  // The chat transport reports a failed request with the raw body: show the panel's message.
  const parsed = safeJson(text) as { error?: { message?: string } } | undefined;
  return parsed?.error?.message ?? text;
}

export const enc = encodeURIComponent;
