import type { AppContext } from '../context.ts';
import { listSettings, readSetting } from '../services/settings.ts';

/**
 * Which model providers the panel may use, with what key, endpoint and model per purpose. The
 * environment gives defaults; settings (`providers.<name>.<field>`, secrets encrypted in the
 * database) override them, so an owner can change a key without restarting. Read per request:
 * one settings query, cheap next to a model call.
 */
export const PROVIDER_NAMES = ['gemini', 'groq', 'ollama'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

const isProviderName = (s: string): s is ProviderName => (PROVIDER_NAMES as readonly string[]).includes(s);

type ModelPurpose = 'chat' | 'embedding';

export interface ResolvedProvider {
  name: ProviderName;
  /** Has what it needs to be called (a key for cloud providers, a host for Ollama). */
  configured: boolean;
  /** Server-side only: never serialize a ResolvedProvider into a response or a prompt. */
  apiKey: string | null;
  apiKeySource: 'env' | 'settings' | null;
  baseUrl: string;
  /** One model per purpose; null where the provider has none (Groq serves no embeddings). */
  models: Record<ModelPurpose, string | null>;
  /** Time allowed until the first token before the next provider is tried. */
  timeoutMs: number;
  limits: { concurrency: number; perMinute: number };
}

export interface ProviderSetup {
  /** Configured providers in fallback order. Empty means chat runs in command mode. */
  order: ProviderName[];
  providers: Record<ProviderName, ResolvedProvider>;
}

const DEFAULT_BASE_URLS: Record<ProviderName, string> = {
  gemini: 'https://generativelanguage.googleapis.com/v1beta',
  groq: 'https://api.groq.com/openai/v1',
  ollama: 'http://127.0.0.1:11434',
};

const DEFAULT_EMBEDDING_MODELS: Record<ProviderName, string | null> = {
  gemini: 'gemini-embedding-001',
  groq: null,
  ollama: 'nomic-embed-text',
};

/** The settings keys this module reads; `api_key` is stored as a secret setting. */
const providerSettingKey = (
  name: ProviderName,
  field: 'api_key' | 'model' | 'embedding_model' | 'base_url' | 'timeout_ms' | 'concurrency' | 'per_minute',
) => `providers.${name}.${field}`;
const PROVIDER_ORDER_SETTING = 'providers.order';

/** Ollama's own convention accepts host:port without a scheme. */
function normalizeBaseUrl(url: string): string {
  const withScheme = /^https?:\/\//i.test(url) ? url : `http://${url}`;
  return withScheme.replace(/\/+$/, '');
}

/** A numeric setting; anything else (a typo, zero) falls back to the environment's value. */
function positiveInt(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export async function resolveProviders(ctx: AppContext): Promise<ProviderSetup> {
  const { env } = ctx;
  const rows = await listSettings(ctx.db);
  const plain = new Map(rows.filter((r) => !r.secret && r.value !== null).map((r) => [r.key, r.value!]));
  const secretKeys = new Set(rows.filter((r) => r.secret && r.isSet).map((r) => r.key));
  const secret = async (key: string) => (secretKeys.has(key) ? readSetting(ctx.db, ctx.secrets, key) : null);

  const orderSetting = plain
    .get(PROVIDER_ORDER_SETTING)
    ?.split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(isProviderName);
  const explicitOrder: ProviderName[] | undefined = orderSetting?.length ? orderSetting : env.OPENPANEL_PROVIDERS;

  const envKeys: Record<ProviderName, string | undefined> = {
    gemini: env.GOOGLE_GENERATIVE_AI_API_KEY,
    groq: env.GROQ_API_KEY,
    ollama: undefined,
  };
  const envModels: Record<ProviderName, string> = {
    gemini: env.OPENPANEL_GEMINI_MODEL,
    groq: env.OPENPANEL_GROQ_MODEL,
    ollama: env.OPENPANEL_OLLAMA_MODEL,
  };
  const envBaseUrls: Record<ProviderName, string | undefined> = {
    gemini: env.OPENPANEL_GEMINI_BASE_URL,
    groq: env.OPENPANEL_GROQ_BASE_URL,
    ollama: env.OLLAMA_HOST,
  };

  const providers = {} as Record<ProviderName, ResolvedProvider>;
  for (const name of PROVIDER_NAMES) {
    const settingKey = await secret(providerSettingKey(name, 'api_key'));
    const apiKey = settingKey ?? envKeys[name] ?? null;
    const baseUrlSetting = plain.get(providerSettingKey(name, 'base_url'));
    const baseUrl = normalizeBaseUrl(baseUrlSetting ?? envBaseUrls[name] ?? DEFAULT_BASE_URLS[name]);
    // Ollama needs no key: a host, or being named in the order, is what turns it on.
    const configured =
      name === 'ollama'
        ? Boolean(baseUrlSetting ?? envBaseUrls.ollama) || Boolean(explicitOrder?.includes('ollama'))
        : apiKey !== null;
    providers[name] = {
      name,
      configured,
      apiKey,
      apiKeySource: settingKey ? 'settings' : envKeys[name] ? 'env' : null,
      baseUrl,
      models: {
        chat: plain.get(providerSettingKey(name, 'model')) ?? envModels[name],
        embedding: plain.get(providerSettingKey(name, 'embedding_model')) ?? DEFAULT_EMBEDDING_MODELS[name],
      },
      timeoutMs: positiveInt(plain.get(providerSettingKey(name, 'timeout_ms'))) ?? env.OPENPANEL_PROVIDER_TIMEOUT_MS,
      limits: {
        concurrency:
          positiveInt(plain.get(providerSettingKey(name, 'concurrency'))) ?? env.OPENPANEL_PROVIDER_CONCURRENCY,
        perMinute:
          positiveInt(plain.get(providerSettingKey(name, 'per_minute'))) ?? env.OPENPANEL_PROVIDER_RATE_PER_MINUTE,
      },
    };
  }
  const order = (explicitOrder ?? PROVIDER_NAMES).filter(
    (name, i, all) => all.indexOf(name) === i && providers[name].configured,
  );
  return { order, providers };
}

/** What an admin may see about a provider: everything but the key. */
export function providerView(p: ResolvedProvider) {
  return {
    name: p.name,
    configured: p.configured,
    apiKey: { set: p.apiKey !== null, source: p.apiKeySource },
    baseUrl: p.baseUrl.replace(/\/\/[^/@\s]+@/, '//[redacted]@'),
    models: p.models,
    timeoutMs: p.timeoutMs,
    limits: p.limits,
  };
}
