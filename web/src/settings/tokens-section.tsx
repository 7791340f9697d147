import { useState, type FormEvent } from 'react';
import { api, enc, errorMessage } from '../api/client.ts';
import { useApi } from '../api/hooks.ts';
import type { ApiToken, GetBody } from '../api/types.ts';
import { Empty, ErrorState, Loading, timeAgo } from '../ui/states.tsx';
import { CopyButton } from './copy-button.tsx';
import { mcpClientConfigs } from './mcp-config.ts';

const SCOPES = ['read', 'write', 'approve', 'admin'] as const;

function NewTokenForm({ onCreated }: { onCreated: (token: string, record: ApiToken) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'agent' | 'human'>('agent');
  const [scopes, setScopes] = useState<string[]>(['read', 'write']);
  const [clientPrompts, setClientPrompts] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const wanted = kind === 'agent' ? scopes.filter((s) => s !== 'approve') : scopes;
      const res = await api<{ token: string; record: ApiToken }>('/api/tokens', {
        method: 'POST',
        body: { name, kind, scopes: wanted, ...(kind === 'agent' ? { requirePanelApproval: !clientPrompts } : {}) },
      });
      onCreated(res.token, res.record);
      setName('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label="Create an API token">
      <label>
        Name
        <input required value={name} onChange={(e) => setName(e.target.value)} placeholder="Cursor on my laptop" />
      </label>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value as 'agent' | 'human')}>
          <option value="agent">agent (MCP client)</option>
          <option value="human">human (scripts)</option>
        </select>
      </label>
      <fieldset>
        <legend>Scopes</legend>
        {SCOPES.map((s) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={scopes.includes(s) && !(kind === 'agent' && s === 'approve')}
              disabled={kind === 'agent' && s === 'approve'}
              onChange={(e) => setScopes((prev) => (e.target.checked ? [...prev, s] : prev.filter((x) => x !== s)))}
            />{' '}
            {s}
          </label>
        ))}
      </fieldset>
      {kind === 'agent' && (
        <label className="check">
          <input type="checkbox" checked={clientPrompts} onChange={(e) => setClientPrompts(e.target.checked)} /> Let a
          trusted MCP client ask me to approve (otherwise: approve in this panel only)
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create token'}
      </button>
    </form>
  );
}

function CreatedToken({ token, record }: { token: string; record: ApiToken }) {
  const configs = record.kind === 'agent' ? mcpClientConfigs(location.origin, token) : [];
  return (
    <div className="created-token" role="status">
      <p>
        <strong>{record.name}</strong>: copy the token now, it is shown only once.
      </p>
      <div className="copy-row">
        {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: names the one-time token for finding it; its text is the token */}
        <code className="secret-once" aria-label="New token">
          {token}
        </code>
        <CopyButton text={token} label="Copy the token" />
      </div>
      {configs.map((c) => (
        <details key={c.client} open={c.client === 'Cursor'}>
          <summary>
            {c.client} <span className="muted small">{c.file}</span>
          </summary>
          <div className="copy-row">
            {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: names the block for finding it; its text is the config */}
            <pre className="config" aria-label={`${c.client} configuration`}>
              {c.json}
            </pre>
            <CopyButton text={c.json} label={`Copy the ${c.client} configuration`} />
          </div>
        </details>
      ))}
    </div>
  );
}

export function TokensSection() {
  const { data, error, loading, reload } = useApi<GetBody<'/api/tokens'>>('/api/tokens');
  const [created, setCreated] = useState<{ token: string; record: ApiToken } | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  async function revoke(t: ApiToken) {
    if (!confirm(`Revoke the token "${t.name}"? It stops working at once.`)) return;
    try {
      await api(`/api/tokens/${enc(t.id)}`, { method: 'DELETE' });
      reload();
    } catch (err) {
      setRevokeError(errorMessage(err));
    }
  }

  const tokens = data?.tokens.filter((t) => !t.revokedAt) ?? [];
  return (
    <section className="panel" aria-labelledby="tokens-h">
      <h2 id="tokens-h">API tokens</h2>
      <p className="muted">
        An agent token lets an IDE assistant use the panel over MCP; whatever it changes waits for your approval.
      </p>
      <NewTokenForm
        onCreated={(token, record) => {
          setCreated({ token, record });
          reload();
        }}
      />
      {created && <CreatedToken token={created.token} record={created.record} />}
      {revokeError && (
        <p className="error" role="alert">
          {revokeError}
        </p>
      )}
      {loading && !data ? (
        <Loading what="tokens" />
      ) : error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : !tokens.length ? (
        <Empty title="No tokens yet" />
      ) : (
        <table className="table" aria-label="Tokens">
          <thead>
            <tr>
              <th>Name</th>
              <th>Kind</th>
              <th>Scopes</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>
                  {t.name} <code className="muted small">{t.prefix}…</code>
                </td>
                <td>{t.kind}</td>
                <td>{t.scopes.join(', ')}</td>
                <td>{t.lastUsedAt ? timeAgo(t.lastUsedAt) : 'never'}</td>
                <td>
                  <button
                    type="button"
                    className="btn small danger"
                    onClick={() => void revoke(t)}
                    aria-label={`Revoke ${t.name}`}
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
