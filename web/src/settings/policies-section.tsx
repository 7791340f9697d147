import { useState, type FormEvent } from 'react';
import { api, enc, errorMessage } from '../api/client.ts';
import { useApi } from '../api/hooks.ts';
import { useTools } from '../api/tools.ts';
import type { GetBody, Policy } from '../api/types.ts';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';

function NewPolicyForm({ onAdded }: { onAdded: () => void }) {
  const tools = useTools();
  const [tool, setTool] = useState('');
  const [app, setApp] = useState('');
  const [requesterKind, setRequesterKind] = useState('');
  const [decision, setDecision] = useState<'allow' | 'ask' | 'deny'>('allow');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api('/api/policies', {
        method: 'POST',
        body: {
          ...(tool ? { tool } : {}),
          ...(app ? { app } : {}),
          ...(requesterKind ? { requesterKind } : {}),
          decision,
          ...(note ? { note } : {}),
        },
      });
      setNote('');
      onAdded();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const changing = tools ? [...tools.values()].filter((t) => t.risk !== 'read') : [];
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Add a policy rule">
      <label>
        Tool
        <select value={tool} onChange={(e) => setTool(e.target.value)}>
          <option value="">any tool</option>
          {changing.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name} ({t.risk})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>
          App <span className="muted">(empty = all)</span>
        </span>
        <input value={app} onChange={(e) => setApp(e.target.value)} placeholder="all apps" />
      </label>
      <label>
        Who asks
        <select value={requesterKind} onChange={(e) => setRequesterKind(e.target.value)}>
          <option value="">anyone</option>
          <option value="agent">agents (chat, MCP)</option>
          <option value="human">people</option>
        </select>
      </label>
      <label>
        Decision
        <select value={decision} onChange={(e) => setDecision(e.target.value as 'allow' | 'ask' | 'deny')}>
          <option value="allow">allow</option>
          <option value="ask">ask</option>
          <option value="deny">deny</option>
        </select>
      </label>
      <label>
        Note
        <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="why" />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn primary">
        Add rule
      </button>
    </form>
  );
}

export function PoliciesSection() {
  const { data, error, loading, reload } = useApi<GetBody<'/api/policies'>>('/api/policies');
  const [removeError, setRemoveError] = useState<string | null>(null);

  async function remove(p: Policy) {
    try {
      await api(`/api/policies/${enc(p.id)}`, { method: 'DELETE' });
      reload();
    } catch (err) {
      setRemoveError(errorMessage(err));
    }
  }

  return (
    <section className="panel" aria-labelledby="policy-h">
      <h2 id="policy-h">Approval policy</h2>
      <p className="muted">
        Defaults: reads run; a person's own changes run; an agent's changes wait for approval. A rule can{' '}
        <strong>allow</strong> a change without asking, make it <strong>ask</strong> a person, or <strong>deny</strong>{' '}
        it outright.
      </p>
      <NewPolicyForm onAdded={reload} />
      {removeError && (
        <p className="error" role="alert">
          {removeError}
        </p>
      )}
      {loading && !data ? (
        <Loading what="policy rules" />
      ) : error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : !data?.policies.length ? (
        <Empty title="No rules: the defaults apply" />
      ) : (
        <table className="table" aria-label="Policy rules">
          <thead>
            <tr>
              <th>Tool</th>
              <th>App</th>
              <th>Who</th>
              <th>Decision</th>
              <th>Note</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.policies.map((p) => (
              <tr key={p.id}>
                <td>{p.tool ?? (p.risk ? `any ${p.risk}` : 'any')}</td>
                <td>{p.appId ? <code className="small">{p.appId.slice(0, 8)}</code> : 'all'}</td>
                <td>{p.requesterKind ?? 'anyone'}</td>
                <td>
                  <span
                    className={`pill tone-${p.decision === 'allow' ? 'ok' : p.decision === 'deny' ? 'bad' : 'warn'}`}
                  >
                    {p.decision}
                  </span>
                </td>
                <td className="muted">{p.note}</td>
                <td>
                  <button
                    type="button"
                    className="btn small danger"
                    onClick={() => void remove(p)}
                    aria-label={`Remove rule for ${p.tool ?? 'any tool'}`}
                  >
                    Remove
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
