import type { z } from 'zod';
import type { AppView } from '../../server/services/apps.ts';
import type { DomainView } from '../../server/services/domains.ts';
import type { AppSource } from '../../server/db/schema/apps.ts';
import type { Deployment as DeploymentRow } from '../../server/db/schema/deployments.ts';
import type { ContainerInfo } from '../../server/engine/index.ts';
import { redactText } from '../../server/source/redact.ts';
import { untrusted } from '../define.ts';
import type { App, Container, Deployment, Domain } from './schemas.ts';

/**
 * What tools hand back about apps, containers and deployments: useful, free of secrets, and JSON
 * (times as ISO strings), matching the shapes in schemas.ts.
 */

export const iso = (d: Date): string => d.toISOString();
const isoOrNull = (d: Date | null): string | null => d?.toISOString() ?? null;

/** Clone URLs may carry a token (https://TOKEN@host/…); it never leaves in a tool result. */
function safeSource(source: AppSource): AppSource {
  return source.type === 'git' ? { ...source, url: redactText(source.url) } : source;
}

export function safeAppView(view: AppView): z.input<typeof App> {
  return {
    ...view,
    source: safeSource(view.source),
    createdAt: iso(view.createdAt),
    updatedAt: iso(view.updatedAt),
  };
}

export function describeSource(source: AppSource): string {
  const s = safeSource(source);
  if (s.type === 'image') return `image ${s.image}`;
  const where = s.type === 'git' ? `git ${s.url}${s.ref ? ` @ ${s.ref}` : ''}` : `uploaded archive ${s.uploadId}`;
  const extras = [
    s.subdir && `folder ${s.subdir}`,
    s.generateDockerfile ? 'generated Dockerfile' : s.dockerfilePath && `Dockerfile ${s.dockerfilePath}`,
  ].filter(Boolean);
  return extras.length ? `${where} (${extras.join(', ')})` : where;
}

/** Labels are left out: an image's own labels are outside text and tell a model nothing useful. */
export function containerView(info: ContainerInfo): z.input<typeof Container> {
  const { id, name, image, state, running, exitCode, startedAt, finishedAt, port, hostPort } = info;
  return { id, name, image, state, running, exitCode, startedAt, finishedAt, port, hostPort };
}

export function deploymentView(d: DeploymentRow): z.input<typeof Deployment> {
  const {
    id,
    appId,
    number,
    status,
    trigger,
    rollbackOf,
    commit,
    imageTag,
    imagePruned,
    containerName,
    error,
    cancelRequested,
    createdBy,
    createdAt,
    startedAt,
    finishedAt,
  } = d;
  return {
    id,
    appId,
    number,
    status,
    trigger,
    rollbackOf,
    commit,
    imageTag,
    imagePruned,
    containerName,
    error,
    cancelRequested,
    createdBy,
    createdAt: iso(createdAt),
    startedAt: isoOrNull(startedAt),
    finishedAt: isoOrNull(finishedAt),
  };
}

export function domainView(d: DomainView): z.input<typeof Domain> {
  return { ...d, createdAt: iso(d.createdAt) };
}

export const ACTIVE_STATUSES = new Set(['queued', 'building', 'starting']);

/** One line for a deployment in a list. */
export function deploymentLine(d: DeploymentRow): string {
  const when = (d.finishedAt ?? d.startedAt ?? d.createdAt).toISOString();
  return `#${d.number} ${d.status}${d.trigger === 'rollback' ? ' (rollback)' : ''} — id ${d.id}, ${when}${d.commit ? `, commit ${d.commit.slice(0, 12)}` : ''}`;
}

/**
 * A deployment's error can quote build or git output, so it goes to a model as untrusted data;
 * the next step depends on where the deployment stands.
 */
export function deploymentFacts(d: DeploymentRow, appName: string): string[] {
  const lines = [
    `Deployment #${d.number} of ${appName} (id ${d.id}): ${d.status}${d.trigger === 'rollback' ? ' (rollback)' : ''}`,
  ];
  if (d.commit) lines.push(`Commit: ${d.commit}`);
  if (d.imageTag) lines.push(`Image: ${d.imageTag}${d.imagePruned ? ' (pruned)' : ''}`);
  if (d.error) lines.push(`Error:\n${untrusted('deployment error', d.error)}`);
  if (ACTIVE_STATUSES.has(d.status))
    lines.push(
      `Still in progress${d.cancelRequested ? ' (cancel requested)' : ''}: check get_deployment again in a few seconds, or read get_build_logs.`,
    );
  else if (d.status === 'failed') lines.push('Read get_build_logs for this deployment to see why it failed.');
  else if (d.status === 'running') lines.push(`It is live. get_app_logs shows what ${appName} prints.`);
  return lines;
}
