import { useApi } from '../api/hooks.ts';
import { enc } from '../api/client.ts';
import type { AppDetailView, AppView, GetBody } from '../api/types.ts';
import { Link } from '../router.tsx';
import { Empty, ErrorState, Loading, StatusPill, timeAgo } from '../ui/states.tsx';

export function sourceText(source: AppView['source']): string {
  if (source.type === 'image') return source.image;
  if (source.type === 'git')
    return `${source.url.replace(/(\w+:\/\/)[^/@\s]+@/, '$1•••@')}${source.ref ? ` @ ${source.ref}` : ''}`;
  return 'uploaded archive';
}

/** The live state comes from the engine, one request per app, so the list shows up first. */
function AppState({ name }: { name: string }) {
  const { data, error } = useApi<AppDetailView>(`/api/apps/${enc(name)}`);
  if (error) return <StatusPill status="unknown" />;
  if (!data?.runtime) return <span className="muted small">…</span>;
  return <StatusPill status={data.runtime.state} kind="app" />;
}

export function AppsScreen() {
  const { data, error, loading, reload } = useApi<GetBody<'/api/apps'>>('/api/apps?limit=200');
  return (
    <div className="page">
      <header className="page-head">
        <h1>Apps</h1>
        <p className="muted">
          Create and change apps by asking in the <Link to="/">chat</Link>, e.g.{' '}
          <code>create app web from image nginx:1.27 port 80</code>.
        </p>
      </header>
      {loading && !data ? (
        <Loading what="apps" />
      ) : error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : !data?.apps.length ? (
        <Empty title="No apps yet">Ask the assistant to create one, or use POST /api/apps.</Empty>
      ) : (
        <ul className="app-list" aria-label="Apps">
          {data.apps.map((app) => (
            <li key={app.id}>
              <Link to={`/apps/${enc(app.name)}`} className="app-row">
                <span className="app-name">{app.name}</span>
                <AppState name={app.name} />
                <span className="muted small app-source">{sourceText(app.source)}</span>
                <span className="muted small">
                  {app.projectName} · {app.port ? `port ${app.port}` : 'no port'} · updated {timeAgo(app.updatedAt)}
                </span>
              </Link>
            </li>
          ))}
          {data.nextCursor && (
            <li className="muted small">Showing the first {data.apps.length} apps; ask the assistant for the rest.</li>
          )}
        </ul>
      )}
    </div>
  );
}
