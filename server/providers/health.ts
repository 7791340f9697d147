import type { ResolvedProvider } from './config.ts';

export interface ProviderHealth {
  ok: boolean;
  latencyMs: number;
  /** Whether the configured chat model is among the models the provider lists. */
  chatModelListed?: boolean;
  /** How many models the provider lists. */
  models?: number;
  error?: string;
}

/**
 * A cheap call that proves the key and endpoint work without spending tokens: the model list
 * (Gemini, Groq) or the pulled models (Ollama `GET /api/tags`).
 */
export async function checkProviderHealth(p: ResolvedProvider, timeoutMs = 5000): Promise<ProviderHealth> {
  const started = Date.now();
  const { url, headers } = listRequest(p);
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const latencyMs = Date.now() - started;
    if (!res.ok) {
      await res.body?.cancel();
      return {
        ok: false,
        latencyMs,
        error: `HTTP ${res.status}${res.status === 401 || res.status === 403 ? ' (check the API key)' : ''}`,
      };
    }
    const names = modelNames(p, await res.json());
    const chat = p.models.chat;
    return {
      ok: true,
      latencyMs,
      models: names.length,
      ...(chat ? { chatModelListed: names.some((n) => sameModel(p, n, chat)) } : {}),
    };
  } catch (err) {
    const latencyMs = Date.now() - started;
    const e = err as { name?: string; cause?: { code?: string } };
    const error =
      e.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : e.cause?.code
          ? `connection failed (${e.cause.code})`
          : 'connection failed';
    return { ok: false, latencyMs, error };
  }
}

function listRequest(p: ResolvedProvider): { url: string; headers: Record<string, string> } {
  switch (p.name) {
    case 'gemini':
      return { url: `${p.baseUrl}/models?pageSize=1000`, headers: { 'x-goog-api-key': p.apiKey ?? '' } };
    case 'groq':
      return { url: `${p.baseUrl}/models`, headers: { authorization: `Bearer ${p.apiKey ?? ''}` } };
    case 'ollama':
      return { url: `${p.baseUrl}/api/tags`, headers: p.apiKey ? { authorization: `Bearer ${p.apiKey}` } : {} };
  }
}

function modelNames(p: ResolvedProvider, body: unknown): string[] {
  const b = (body ?? {}) as { models?: { name?: unknown }[]; data?: { id?: unknown }[] };
  const raw = p.name === 'groq' ? (b.data ?? []).map((m) => m.id) : (b.models ?? []).map((m) => m.name);
  return raw.filter((n): n is string => typeof n === 'string');
}

/** Gemini lists `models/gemini-2.5-flash`; Ollama adds `:latest` to untagged names. */
function sameModel(p: ResolvedProvider, listed: string, configured: string): boolean {
  if (p.name === 'gemini') return listed.replace(/^models\//, '') === configured.replace(/^models\//, '');
  if (p.name === 'ollama') return listed === configured || listed === `${configured}:latest`;
  return listed === configured;
}
