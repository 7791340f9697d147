import { useState } from 'react';
import { api, ApiError, enc, errorMessage } from '../api/client.ts';
import { useApi } from '../api/hooks.ts';
import type { AppDetailView, PendingAction } from '../api/types.ts';
import { Link } from '../router.tsx';
import { ErrorState, Loading, StatusPill } from '../ui/states.tsx';
import { Backups, DeploymentsTimeline, Domains, EnvNames } from './app-sections.tsx';
import { sourceText } from './apps-screen.tsx';
import { RuntimeLogs } from './runtime-logs.tsx';
import { StatsPanel } from './stats-panel.tsx';

type Op = 'deploy' | 'restart' | 'stop' | 'start';
const LABELS: Record<Op, [string, string]> = {
  deploy: ['Deploy', 'Deploying…'],
  restart: ['Restart', 'Restarting…'],
  stop: ['Stop', 'Stopping…'],
  start: ['Start', 'Starting…'],
};

type Outcome =
  | { kind: 'pending'; actionId: string; message: string }
  | { kind: 'denied'; message: string }
  | { kind: 'error'; message: string };

function isPending(body: unknown): body is PendingAction {
  return (body as { status?: unknown } | null)?.status === 'pending';
}

/**
 * A person's own buttons go through the same gate as the chat: the approval policy may run the
 * write at once, ask for a person's approval first (202 pending), or refuse it (403 policy:denied).
 */
function AppOps({ app, running, onDone }: { app: string; running: boolean; onDone: () => void }) {
  const [busy, setBusy] = useState<Op | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  async function run(op: Op) {
    setBusy(op);
    setOutcome(null);
    try {
      const body = await api<unknown>(`/api/apps/${enc(app)}/${op}`, { method: 'POST' });
      if (isPending(body)) setOutcome({ kind: 'pending', actionId: body.action.id, message: body.message });
      else onDone();
    } catch (err) {
      const denied = err instanceof ApiError && err.type === 'policy:denied';
      setOutcome({ kind: denied ? 'denied' : 'error', message: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  }
  const ops: Op[] = running ? ['deploy', 'restart', 'stop'] : ['deploy', 'start'];
  return (
    <div className="ops">
      {ops.map((op) => (
        <button
          key={op}
          type="button"
          className={`btn small ${op === 'deploy' ? 'primary' : ''}`}
          disabled={busy !== null}
          onClick={() => void run(op)}
        >
          {LABELS[op][busy === op ? 1 : 0]}
        </button>
      ))}
      {outcome?.kind === 'pending' && (
        <p className="notice small" role="status" title={outcome.message}>
          Waiting for approval: <Link to={`/approvals/${enc(outcome.actionId)}`}>open the request</Link>
        </p>
      )}
      {outcome?.kind === 'denied' && (
        <p className="error small" role="alert" data-type="policy-denied">
          Refused by the approval policy: {outcome.message}
        </p>
      )}
      {outcome?.kind === 'error' && (
        <p className="error small" role="alert">
          {outcome.message}
        </p>
      )}
    </div>
  );
}

export function AppDetail({ name }: { name: string }) {
  const { data, error, loading, reload } = useApi<AppDetailView>(`/api/apps/${enc(name)}`);
  const [refresh, setRefresh] = useState(0);

  const app = data?.app;
  const runtime = data?.runtime;
  if (loading && !app)
    return (
      <div className="page">
        <Loading what={`app ${name}`} />
      </div>
    );
  if (error || !app || !runtime)
    return (
      <div className="page">
        <ErrorState error={error ?? 'Not found.'} onRetry={reload} />
      </div>
    );
  const running = runtime.container?.running ?? false;
  const done = () => {
    reload();
    setRefresh((r) => r + 1);
  };

  return (
    <div className="page">
      <p className="crumbs">
        <Link to="/apps">Apps</Link> / {app.name}
      </p>
      <header className="page-head app-head">
        <div>
          <h1>
            {app.name} <StatusPill status={runtime.state} kind="app" />
          </h1>
          <p className="muted">
            {sourceText(app.source)} · {app.port ? `port ${app.port}` : 'no port'} · project {app.projectName}
            {runtime.detail && <> · {runtime.detail}</>}
          </p>
        </div>
        <AppOps app={app.name} running={running} onDone={done} />
      </header>

      <div className="grid">
        <section className="panel span-2" aria-labelledby="stats-h">
          <h2 id="stats-h">CPU and memory</h2>
          <StatsPanel key={`${refresh}-${running}`} app={app.name} running={running} />
        </section>
        <section className="panel span-2" aria-labelledby="logs-h">
          <h2 id="logs-h">Runtime logs</h2>
          <RuntimeLogs key={`${refresh}-${running}`} app={app.name} running={running} />
        </section>
        <section className="panel" aria-labelledby="dep-h">
          <h2 id="dep-h">Deployments</h2>
          <DeploymentsTimeline key={refresh} app={app.name} />
        </section>
        <section className="panel" aria-labelledby="env-h">
          <h2 id="env-h">Env vars</h2>
          <EnvNames app={app.name} />
        </section>
        <section className="panel" aria-labelledby="dom-h">
          <h2 id="dom-h">Domains</h2>
          <Domains app={app.name} />
        </section>
        <section className="panel" aria-labelledby="bak-h">
          <h2 id="bak-h">Backups</h2>
          <Backups app={app.name} />
        </section>
      </div>
    </div>
  );
}
