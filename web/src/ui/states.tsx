import type { ReactNode } from 'react';

export function Spinner({ label }: { label?: string }) {
  return <span className="spinner" role="progressbar" aria-label={label ?? 'Working'} />;
}

export function Loading({ what }: { what: string }) {
  return (
    <div className="state loading" role="status">
      <Spinner label={`Loading ${what}`} /> Loading {what}…
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: string; onRetry?: () => void }) {
  return (
    <div className="state error-state" role="alert">
      <span>{error}</span>
      {onRetry && (
        <button type="button" className="btn small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state empty">
      <strong>{title}</strong>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}

const RISK_LABEL: Record<string, string> = { read: 'Read', write: 'Write', destructive: 'Destructive' };

export function RiskBadge({ risk }: { risk: string }) {
  return (
    <span className={`badge risk-${risk}`} role="img" aria-label={`Risk: ${risk}`}>
      {RISK_LABEL[risk] ?? risk}
    </span>
  );
}

const TONE: Record<string, string> = {
  pending: 'warn',
  approved: 'info',
  running: 'info',
  queued: 'info',
  building: 'info',
  starting: 'info',
  succeeded: 'ok',
  rejected: 'bad',
  failed: 'bad',
  expired: 'muted',
  cancelled: 'muted',
  superseded: 'muted',
  rolled_back: 'muted',
  exited: 'bad',
  stopped: 'muted',
  missing: 'muted',
  'dns ok': 'ok',
  'dns local': 'info',
  'dns elsewhere': 'warn',
  'dns unresolved': 'bad',
};

/** A status word with a colour; `running` means healthy for apps and deployments. */
export function StatusPill({ status, kind }: { status: string; kind?: 'app' | 'deployment' | 'action' }) {
  const tone = status === 'running' && kind !== 'action' ? 'ok' : (TONE[status] ?? 'muted');
  return <span className={`pill tone-${tone}`}>{status.replace('_', ' ')}</span>;
}

export function timeAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '';
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  const future = seconds < 0;
  const s = Math.abs(seconds);
  const text =
    s < 45
      ? `${s}s`
      : s < 3600
        ? `${Math.round(s / 60)} min`
        : s < 86_400
          ? `${Math.round(s / 3600)} h`
          : `${Math.round(s / 86_400)} d`;
  return future ? `in ${text}` : `${text} ago`;
}
