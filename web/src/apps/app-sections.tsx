import { useApi } from '../api/hooks.ts';
import { enc } from '../api/client.ts';
import type { Deployment, EnvVar } from '../api/types.ts';
import { Empty, ErrorState, Loading, StatusPill, timeAgo } from '../ui/states.tsx';

export function DeploymentsTimeline({ app }: { app: string }) {
  const { data, error, loading, reload } = useApi<{ deployments: Deployment[] }>(
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
  const { data, error, loading, reload } = useApi<{ vars: EnvVar[] }>(`/api/apps/${enc(app)}/env`);
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

type Row = Record<string, unknown>;
const first = (row: Row, keys: string[]) =>
  keys.map((k) => row[k]).find((v) => typeof v === 'string' || typeof v === 'number');

/**
 * Domains and backups come from APIs that may not exist on every panel version: a 404 for the
 * route itself shows an empty state instead of an error.
 */
function OptionalList({
  path,
  listKey,
  what,
  empty,
  label,
}: {
  path: string;
  listKey: string;
  what: string;
  empty: string;
  label: (row: Row) => { main: string; detail: string; status?: string };
}) {
  const { data, error, loading, status, reload } = useApi<Record<string, Row[]>>(path);
  if (loading && !data) return <Loading what={what} />;
  if (status === 404 && error?.includes('No route'))
    return <Empty title={`No ${what} yet`}>This panel version has no {what} API.</Empty>;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const rows = (data?.[listKey] ?? []) as Row[];
  if (!rows.length) return <Empty title={`No ${what}`}>{empty}</Empty>;
  return (
    <ul className="names" aria-label={what}>
      {rows.map((r, i) => {
        const l = label(r);
        return (
          <li key={String(r.id ?? i)}>
            <strong>{l.main}</strong> {l.status && <StatusPill status={l.status} />}{' '}
            <span className="muted small">{l.detail}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function Domains({ app }: { app: string }) {
  return (
    <OptionalList
      path={`/api/apps/${enc(app)}/domains`}
      listKey="domains"
      what="domains"
      empty={`Ask the chat to put ${app} on a domain.`}
      label={(r) => ({
        main: `${String(first(r, ['host', 'hostname', 'domain']) ?? '?')}${r.pathPrefix && r.pathPrefix !== '/' ? String(r.pathPrefix) : ''}`,
        detail: [
          r.https === false ? 'http' : 'https',
          r.tls && `tls ${String(r.tls)}`,
          r.targetPort && `→ port ${String(r.targetPort)}`,
        ]
          .filter(Boolean)
          .join(' · '),
        status:
          typeof (r.dns as { status?: unknown } | undefined)?.status === 'string'
            ? `dns ${String((r.dns as { status: string }).status)}`
            : undefined,
      })}
    />
  );
}

export function Backups({ app }: { app: string }) {
  return (
    <OptionalList
      path={`/api/backups?app=${enc(app)}&limit=10`}
      listKey="backups"
      what="backups"
      empty={`No backups of ${app} yet.`}
      label={(r) => ({
        main: `${String(first(r, ['kind']) ?? '')} backup`.trim(),
        detail: [
          r.trigger,
          typeof r.startedAt === 'string' && timeAgo(r.startedAt),
          typeof r.sizeBytes === 'number' && `${Math.round(r.sizeBytes / 1024)} KiB`,
          typeof r.error === 'string' && r.error,
        ]
          .filter(Boolean)
          .join(' · '),
        status: typeof r.status === 'string' ? r.status : undefined,
      })}
    />
  );
}
