import { useState } from 'react';
import { api, enc, errorMessage } from '../api/client.ts';
import { useApi } from '../api/hooks.ts';
import type { AppView } from '../api/types.ts';
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

/** A person's own buttons call REST directly; policy lets a person's writes run without asking. */
function AppOps({ app, running, onDone }: { app: string; running: boolean; onDone: () => void }) {
  const [busy, setBusy] = useState<Op | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function run(op: Op) {
    setBusy(op);
    setError(null);
    try {
      await api(`/api/apps/${enc(app)}/${op}`, { method: 'POST' });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
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
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function AppDetail({ name }: { name: string }) {
  const { data: app, error, loading, reload } = useApi<AppView>(`/api/apps/${enc(name)}`);
  const [refresh, setRefresh] = useState(0);

  if (loading && !app)
    return (
      <div className="page">
        <Loading what={`app ${name}`} />
      </div>
    );
  if (error || !app)
    return (
      <div className="page">
        <ErrorState error={error ?? 'Not found.'} onRetry={reload} />
      </div>
    );
  const running = app.runtime?.container?.running ?? false;
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
            {app.name} <StatusPill status={app.runtime?.state ?? 'unknown'} kind="app" />
          </h1>
          <p className="muted">
            {sourceText(app.source)} · {app.port ? `port ${app.port}` : 'no port'} · project {app.projectName}
            {app.runtime?.detail && <> · {app.runtime.detail}</>}
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
