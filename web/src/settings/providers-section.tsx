import { useState, type FormEvent } from 'react';
import { api, enc, errorMessage } from '../api/client.ts';
import { useApi } from '../api/hooks.ts';
import type { GetBody, Setting } from '../api/types.ts';
import { ErrorState, Loading } from '../ui/states.tsx';

interface ProviderInfo {
  name: string;
  configured: boolean;
  apiKey: { set: boolean; source: 'env' | 'settings' | null };
  baseUrl: string;
  models: { chat: string | null; embedding: string | null };
  health: { ok: boolean; latencyMs: number; error?: string } | null;
}
interface Providers {
  order: string[];
  mode: 'providers' | 'command';
  providers: ProviderInfo[];
}

/** Ollama runs locally and needs no key; the cloud providers do. */
const needsKey = (name: string) => name !== 'ollama';
const TITLES: Record<string, string> = { gemini: 'Google Gemini', groq: 'Groq', ollama: 'Ollama (local)' };

/** One setting: plain ones show their value; secret ones are write-only and show only "set". */
function SettingField({
  settingKey,
  label,
  secret,
  current,
  placeholder,
  onSaved,
}: {
  settingKey: string;
  label: string;
  secret: boolean;
  current?: Setting;
  placeholder: string;
  onSaved: () => void;
}) {
  const [value, setValue] = useState(secret ? '' : (current?.value ?? ''));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const isSet = current?.isSet ?? false;
  const dirty = secret ? value !== '' : value !== (current?.value ?? '');

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (value === '' && !secret) await api(`/api/settings/${enc(settingKey)}`, { method: 'DELETE' });
      else await api(`/api/settings/${enc(settingKey)}`, { method: 'PUT', body: { value, secret } });
      if (secret) setValue('');
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function clear() {
    setBusy(true);
    try {
      await api(`/api/settings/${enc(settingKey)}`, { method: 'DELETE' });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="setting-row" onSubmit={save}>
      <label htmlFor={settingKey}>{label}</label>
      <input
        id={settingKey}
        type={secret ? 'password' : 'text'}
        autoComplete="off"
        value={value}
        placeholder={secret ? (isSet ? 'set — type to replace' : 'not set') : placeholder}
        onChange={(e) => {
          setValue(e.target.value);
          setSaved(false);
        }}
      />
      {secret && <span className={`pill tone-${isSet ? 'ok' : 'muted'}`}>{isSet ? 'set' : 'not set'}</span>}
      <button type="submit" className="btn small" disabled={busy || !dirty}>
        Save
      </button>
      {secret && isSet && (
        <button
          type="button"
          className="btn small danger"
          disabled={busy}
          onClick={() => void clear()}
          aria-label={`Remove ${label}`}
        >
          Remove
        </button>
      )}
      {saved && !dirty && <span className="muted small">saved</span>}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

export function ProvidersSection() {
  const settings = useApi<GetBody<'/api/settings'>>('/api/settings');
  const [check, setCheck] = useState(false);
  const providers = useApi<Providers>(`/api/providers?check=${check}`);
  const reload = () => {
    settings.reload();
    providers.reload();
  };
  if ((settings.loading && !settings.data) || (providers.loading && !providers.data))
    return (
      <section className="panel">
        <Loading what="providers" />
      </section>
    );
  if (settings.status === 403)
    return (
      <section className="panel">
        <h2>Model providers</h2>
        <p className="muted">Only admins can change providers and keys.</p>
      </section>
    );
  const error = settings.error ?? providers.error;
  if (error)
    return (
      <section className="panel">
        <ErrorState error={error} onRetry={reload} />
      </section>
    );
  const byKey = new Map((settings.data?.settings ?? []).map((s) => [s.key, s]));
  const order = byKey.get('providers.order');
  const info = providers.data;

  return (
    <section className="panel" aria-labelledby="providers-h">
      <h2 id="providers-h">Model providers</h2>
      <p className="muted">
        {info?.mode === 'providers' ? (
          <>Chat answers with {info.order.join(' → ')} (the next one takes over on rate limits and outages). </>
        ) : (
          <>
            No provider is configured: the chat runs in command mode (plain commands such as <code>deploy api</code>).{' '}
          </>
        )}
        Keys are encrypted at rest and never shown again.
      </p>
      <div className="toolbar">
        <button
          type="button"
          className="btn small"
          onClick={() => (check ? providers.reload() : setCheck(true))}
          disabled={providers.loading}
        >
          {providers.loading ? 'Checking…' : 'Check providers'}
        </button>
      </div>
      <SettingField
        key={`order-${order?.updatedAt}`}
        settingKey="providers.order"
        label="Fallback order"
        secret={false}
        current={order}
        placeholder={info?.order.join(',') || 'gemini,groq,ollama'}
        onSaved={reload}
      />
      {(info?.providers ?? []).map((p) => (
        <fieldset key={p.name} className="provider" aria-label={TITLES[p.name] ?? p.name}>
          <legend>
            {TITLES[p.name] ?? p.name}{' '}
            <span className={`pill tone-${p.configured ? 'ok' : 'muted'}`}>
              {p.configured ? 'configured' : 'not configured'}
            </span>
            {p.health && (
              <span className={`pill tone-${p.health.ok ? 'ok' : 'bad'}`}>
                {p.health.ok ? `answers (${p.health.latencyMs} ms)` : (p.health.error ?? 'not answering')}
              </span>
            )}
          </legend>
          {needsKey(p.name) && (
            <>
              <SettingField
                settingKey={`providers.${p.name}.api_key`}
                label="API key"
                secret
                current={byKey.get(`providers.${p.name}.api_key`)}
                placeholder=""
                onSaved={reload}
              />
              {p.apiKey.source === 'env' && (
                <p className="muted small">A key is set in the environment; one saved here takes precedence.</p>
              )}
            </>
          )}
          {(
            [
              ['model', 'Chat model', p.models.chat],
              ['embedding_model', 'Embedding model', p.models.embedding],
              ['base_url', 'Base URL', p.baseUrl],
            ] as const
          )
            .filter(([field, , effective]) => field !== 'embedding_model' || effective !== null)
            .map(([field, label, effective]) => {
              const key = `providers.${p.name}.${field}`;
              const current = byKey.get(key);
              return (
                <SettingField
                  key={`${key}-${current?.updatedAt}`}
                  settingKey={key}
                  label={label}
                  secret={false}
                  current={current}
                  placeholder={effective ?? 'default'}
                  onSaved={reload}
                />
              );
            })}
        </fieldset>
      ))}
    </section>
  );
}
