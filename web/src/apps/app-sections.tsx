import { useApi } from '../api/hooks.ts';
import { enc } from '../api/client.ts';
import type { GetBody } from '../api/types.ts';
import { Empty, ErrorState, Loading, StatusPill, timeAgo } from '../ui/states.tsx';

export function DeploymentsTimeline({ app }: { app: string }) {
  const { data, error, loading, reload } = useApi<GetBody<'/api/apps/{app}/deployments'>>(
    `/api/apps/${enc(app)}/deployments?limit=20`,
  );
  if (loading && !data) return <Loading what="deployments" />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data?.deployments.length) return <Empty title="Not deployed yet">Ask the chat to “deploy {app}”.</Empty>;
  return (
    <ol className="timeline" aria-label="Deployments">
      {data.deployments.map((d) => (
        <li key={d.id}>
          <span className="timeline-dot" aria-hidden="true" />
          <div>
            <strong>#{d.number}</strong> <StatusPill status={d.status} kind="deployment" />{' '}
            <span className="muted small">
              {d.trigger} by {d.createdBy} · {timeAgo(d.createdAt)}
            </span>
            {d.error && <p className="error small">{d.error}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}

export function EnvNames({ app }: { app: string }) {
  const { data, error, loading, reload } = useApi<GetBody<'/api/apps/{app}/env'>>(`/api/apps/${enc(app)}/env`);
  if (loading && !data) return <Loading what="env vars" />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data?.vars.length)
    return (
      <Empty title="No env vars">
        Set them in the chat: <code>set env {app} KEY=value</code>. Values are never shown here.
      </Empty>
    );
  return (
    <ul className="names" aria-label="Env var names">
      {data.vars.map((v) => (
        <li key={v.name}>
          <code>{v.name}</code>{' '}
          <span className="muted small">
            {[v.runtime && 'runtime', v.buildTime && 'build'].filter(Boolean).join(' + ')}
          </span>
        </li>
      ))}
    </ul>
  );
}

interface Row {
  id: string;
  main: string;
  detail: string;
  status?: string;
}

function Rows({ label, rows }: { label: string; rows: Row[] }) {
  return (
    <ul className="names" aria-label={label}>
      {rows.map((r) => (
        <li key={r.id}>
          <strong>{r.main}</strong> {r.status && <StatusPill status={r.status} />}{' '}
          <span className="muted small">{r.detail}</span>
        </li>
      ))}
    </ul>
  );
}

const joined = (parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(' · ');

export function Domains({ app }: { app: string }) {
  const { data, error, loading, reload } = useApi<GetBody<'/api/apps/{app}/domains'>>(`/api/apps/${enc(app)}/domains`);
  if (loading && !data) return <Loading what="domains" />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data?.domains.length) return <Empty title="No domains">Ask the chat to put {app} on a domain.</Empty>;
  return (
    <Rows
      label="domains"
      rows={data.domains.map((d) => ({
        id: d.id,
        main: `${d.host}${d.pathPrefix !== '/' ? d.pathPrefix : ''}`,
        detail: joined([d.https ? 'https' : 'http', `tls ${d.tls}`, d.targetPort !== null && `→ port ${d.targetPort}`]),
        status: `dns ${d.dns.status}`,
      }))}
    />
  );
}

export function Backups({ app }: { app: string }) {
  const { data, error, loading, reload } = useApi<GetBody<'/api/backups'>>(`/api/backups?app=${enc(app)}&limit=10`);
  if (loading && !data) return <Loading what="backups" />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data?.backups.length) return <Empty title="No backups">No backups of {app} yet.</Empty>;
  return (
    <Rows
      label="backups"
      rows={data.backups.map((b) => ({
        id: b.id,
        main: `${b.kind} backup`,
        detail: joined([
          b.trigger,
          timeAgo(b.startedAt),
          b.sizeBytes !== null && `${Math.round(b.sizeBytes / 1024)} KiB`,
          b.error,
        ]),
        status: b.status,
      }))}
    />
  );
}
