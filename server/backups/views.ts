import { formatBytes } from '../../tools/lib/text.ts';
import type { BackupConfigView } from './configs.ts';
import { describeSubject, type BackupRunView } from './run.ts';

/** What tools hand back about backups: compact lines and plain JSON data, never a secret or a log. */

export function backupView(run: BackupRunView) {
  const {
    id,
    configId,
    appId,
    appName,
    kind,
    target,
    trigger,
    status,
    location,
    sizeBytes,
    sha256,
    encrypted,
    error,
    startedAt,
    finishedAt,
  } = run;
  return {
    id,
    configId,
    appId,
    appName,
    kind,
    target,
    trigger,
    status,
    location,
    sizeBytes,
    sha256,
    encrypted,
    error,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt?.toISOString() ?? null,
  };
}

export function backupLine(run: BackupRunView): string {
  const when = (run.finishedAt ?? run.startedAt).toISOString();
  const size = run.sizeBytes !== null ? `, ${formatBytes(run.sizeBytes)}` : '';
  return `${run.id} ${run.status}: ${describeSubject(run.kind, run.appName, run.target)}, ${run.trigger}, ${when}${size}${run.encrypted ? ', encrypted' : ''}`;
}

export function backupConfigView(view: BackupConfigView) {
  const {
    id,
    appId,
    appName,
    name,
    kind,
    target,
    destination,
    schedule,
    nextRunAt,
    retentionCount,
    retentionDays,
    encrypt,
    createdAt,
  } = view;
  return {
    id,
    appId,
    appName,
    name,
    kind,
    target,
    destination,
    schedule,
    nextRunAt,
    retentionCount,
    retentionDays,
    encrypt,
    createdAt: createdAt.toISOString(),
  };
}

export function backupConfigLine(view: BackupConfigView): string {
  const keep = [
    view.retentionCount !== null && `keep last ${view.retentionCount}`,
    view.retentionDays !== null && `keep ${view.retentionDays} days`,
  ]
    .filter(Boolean)
    .join(', ');
  const where = view.destination.type === 's3' ? `s3://${view.destination.bucket}` : 'local folder';
  return `${view.name} (config ${view.id}): ${describeSubject(view.kind, view.appName, view.target)} to ${where}; ${view.schedule ? `schedule "${view.schedule}" (UTC), next ${view.nextRunAt}` : 'no schedule'}${keep ? `; ${keep}` : ''}${view.encrypt ? '; encrypted' : ''}`;
}
