import { useCallback, useState } from 'react';
import { enc } from '../api/client.ts';
import { useApi, useEventSource } from '../api/hooks.ts';
import {
  FINAL_DEPLOYMENT_STATUSES,
  type ActionView,
  type DeploymentStatus,
  type GetBody,
  type LogLine,
} from '../api/types.ts';
import type { DeploymentProgress } from './approval-card.tsx';

const MAX_LINES = 2000;

/** The deployment an action's result points at (deploy_app, rollback_app), if any. */
export function deploymentOf(action: ActionView | null): { id: string; number?: number; status?: string } | null {
  const data = action?.result?.data as
    | { deployment?: { id?: unknown; number?: unknown; status?: unknown } }
    | undefined;
  const d = data?.deployment;
  if (!d || typeof d.id !== 'string') return null;
  return {
    id: d.id,
    ...(typeof d.number === 'number' ? { number: d.number } : {}),
    ...(typeof d.status === 'string' ? { status: d.status } : {}),
  };
}

/** Follows `/api/deployments/{id}/logs/stream` until its `end` event. */
export function useDeploymentProgress(
  ref: { id: string; number?: number; status?: string } | null,
): DeploymentProgress | null {
  const [lines, setLines] = useState<LogLine[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  const id = ref?.id ?? null;
  const done = ended === id && id !== null;
  // The action's result was written when the deployment was queued: ask for its status now.
  const snapshot = useApi<GetBody<'/api/deployments/{deployment}'>>(id ? `/api/deployments/${enc(id)}` : null);

  const addLine = useCallback((data: unknown) => {
    const l = data as { seq: number; stream: string; text: string; at: string };
    setLines((prev) =>
      prev.some((p) => p.key === String(l.seq))
        ? prev
        : [...prev, { key: String(l.seq), stream: l.stream, text: l.text, at: l.at }].slice(-MAX_LINES),
    );
  }, []);

  useEventSource(id && !done ? `/api/deployments/${enc(id)}/logs/stream` : null, {
    log: addLine,
    status: (data) => setStatus((data as { status: string }).status),
    end: (data) => {
      const s = (data as { status?: string } | null)?.status;
      if (s) setStatus(s);
      setEnded(id);
    },
  });

  if (!ref) return null;
  const current = status ?? snapshot.data?.deployment.status ?? ref.status ?? null;
  return {
    id: ref.id,
    number: ref.number,
    status: current,
    lines,
    done: done || FINAL_DEPLOYMENT_STATUSES.includes(current as DeploymentStatus),
  };
}
