import { useEffect, useMemo, useState } from 'react';
import { api, enc, errorMessage } from '../api/client.ts';
import type { ActionView, AppDetailView, GetBody } from '../api/types.ts';
import { useMe } from '../auth/session.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { ApprovalCard } from './approval-card.tsx';
import { useAction, useActionsStore } from './actions-store.tsx';
import type { CurrentState } from './input-view.tsx';
import { deploymentOf, useDeploymentProgress } from './use-deployment.ts';

/** How a decision is delivered. The default is REST; the chat may answer through its own stream. */
export type Decide = (
  action: ActionView,
  decision: { approved: boolean; reason?: string },
  // biome-ignore lint/suspicious/noConfusingVoidType: the chat's decide returns nothing; over REST it returns the action
) => Promise<ActionView | void>;

const decideOverRest: Decide = async (action, { approved, reason }) =>
  approved
    ? api<ActionView>(`/api/actions/${enc(action.id)}/approve`, {
        method: 'POST',
        body: { inputHash: action.inputHash },
      })
    : api<ActionView>(`/api/actions/${enc(action.id)}/reject`, { method: 'POST', body: reason ? { reason } : {} });

/** What the request changes is compared with the app as it is now (only while it is pending). */
function useCurrentState(action: ActionView | null): CurrentState | undefined {
  const [state, setState] = useState<CurrentState | undefined>(undefined);
  const app = action?.target?.type === 'app' ? (action.target.name ?? action.target.id) : null;
  const tool = action?.tool ?? '';
  const wanted = action?.status === 'pending' && app && ['update_app', 'set_env_vars', 'unset_env_vars'].includes(tool);
  useEffect(() => {
    if (!wanted || !app) return;
    let stop = false;
    const load =
      tool === 'update_app'
        ? api<AppDetailView>(`/api/apps/${enc(app)}`).then((a) => ({ app: a.app }))
        : api<GetBody<'/api/apps/{app}/env'>>(`/api/apps/${enc(app)}/env`).then((r) => ({
            envNames: r.vars.map((v) => v.name),
          }));
    load.then((s) => !stop && setState(s)).catch(() => !stop && setState({ app: null, envNames: null }));
    return () => {
      stop = true;
    };
  }, [wanted, app, tool]);
  return state;
}

const canApprove = (scopes: string[], risk: string) =>
  scopes.includes('approve') && (risk !== 'destructive' || scopes.includes('admin'));

/**
 * An approval card kept current from the API. `responded` marks a decision already on its way
 * through another channel (the chat stream), so the buttons stay disabled until the record moves.
 */
export function LiveApprovalCard({
  actionId,
  preview,
  decide = decideOverRest,
  responded = null,
}: {
  actionId: string;
  preview?: ActionView | null;
  decide?: Decide;
  responded?: 'approve' | 'reject' | null;
}) {
  const me = useMe();
  const { upsert } = useActionsStore();
  const { action, error } = useAction(actionId, preview);
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const [decisionError, setDecisionError] = useState<string | null>(null);
  const current = useCurrentState(action);
  const deploymentRef = useMemo(() => deploymentOf(action), [action]);
  const deployment = useDeploymentProgress(deploymentRef);

  if (!action)
    return error ? <ErrorState error={`This approval could not be loaded: ${error}`} /> : <Loading what="approval" />;

  async function run(approved: boolean, reason?: string) {
    if (!action) return;
    setDeciding(approved ? 'approve' : 'reject');
    setDecisionError(null);
    try {
      const after = await decide(action, { approved, reason });
      if (after) upsert(after);
    } catch (err) {
      setDecisionError(errorMessage(err));
    } finally {
      setDeciding(null);
    }
  }

  return (
    <ApprovalCard
      action={action}
      deciding={deciding ?? (action.status === 'pending' ? responded : null)}
      decisionError={decisionError}
      current={current}
      deployment={deployment}
      canDecide={me.scopes.length === 0 || canApprove(me.scopes, action.risk)}
      onApprove={() => void run(true)}
      onReject={(reason) => void run(false, reason)}
    />
  );
}
