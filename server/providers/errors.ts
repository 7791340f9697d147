/**
 * Decides whether a failed provider call may move on to the next provider. Only failures that
 * say "not now" qualify: rate limits (429), server errors (5xx), timeouts and connections that
 * never came up. A 400/401/404 is a configuration problem the owner must see, not paper over.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
]);

type Loose = Record<string, unknown>;

/** The error and its causes, outermost first (AI SDK and Ollama errors wrap the fetch error). */
function chain(err: unknown): Loose[] {
  const out: Loose[] = [];
  let cur: unknown = err;
  for (let depth = 0; depth < 6 && cur && typeof cur === 'object'; depth++) {
    out.push(cur as Loose);
    cur = (cur as Loose).cause;
  }
  return out;
}

function statusOf(e: Loose): number | undefined {
  for (const key of ['statusCode', 'status_code', 'status', 'code']) {
    const v = e[key];
    if (typeof v === 'number' && v >= 100 && v < 600) return v;
  }
  return undefined;
}

/** A short reason when the error allows falling back, otherwise null. The most specific cause wins. */
export function fallbackReason(err: unknown): string | null {
  const links = chain(err);
  const status = links.map(statusOf).find((s) => s !== undefined);
  if (status !== undefined) {
    if (status === 429) return 'rate limited (429)';
    if (status === 408) return 'timed out (408)';
    return status >= 500 ? `server error (${status})` : null;
  }
  const code = links.map((e) => e.code).find((c): c is string => typeof c === 'string' && CONNECTION_CODES.has(c));
  if (code) return `connection failed (${code})`;
  if (links.some((e) => e.name === 'TimeoutError')) return 'timed out';
  if (
    links.some(
      (e) =>
        typeof e.message === 'string' && /fetch failed|socket hang up|other side closed|terminated/i.test(e.message),
    )
  )
    return 'connection failed';
  return null;
}

/** Every provider in the chain was tried and none answered. */
export class ProvidersUnavailableError extends Error {
  constructor(readonly attempts: { provider: string; reason: string }[]) {
    super(`No model provider answered: ${attempts.map((a) => `${a.provider} ${a.reason}`).join('; ')}.`);
    this.name = 'ProvidersUnavailableError';
  }
}

/** A safe one-line description of a provider failure for the chat (no bodies, no keys). */
export function describeProviderError(err: unknown, provider?: string): string {
  if (err instanceof ProvidersUnavailableError)
    return `${err.message} Try again in a moment, or check GET /api/providers.`;
  const head = provider ? `The ${provider} model failed` : 'The model failed';
  for (const e of chain(err)) {
    const status = statusOf(e);
    if (status !== undefined) return `${head} (HTTP ${status}).`;
  }
  const reason = fallbackReason(err);
  return reason ? `${head}: ${reason}.` : `${head}. The panel log has details.`;
}
