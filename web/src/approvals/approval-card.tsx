import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ActionView, LogLine } from '../api/types.ts';
import { LogView } from '../ui/log-view.tsx';
import { RiskBadge, Spinner, StatusPill, timeAgo } from '../ui/states.tsx';
import { InputView, type CurrentState } from './input-view.tsx';

/** The deployment an approved action started, followed live. */
export interface DeploymentProgress {
  id: string;
  number?: number;
  status: string | null;
  lines: LogLine[];
  done: boolean;
}

export interface ApprovalCardProps {
  action: ActionView;
  /** A decision on its way to the server. */
  deciding?: 'approve' | 'reject' | null;
  decisionError?: string | null;
  current?: CurrentState;
  deployment?: DeploymentProgress | null;
  /** False for people who may not decide (viewers); the buttons are then not offered. */
  canDecide?: boolean;
  onApprove: () => void;
  onReject: (reason?: string) => void;
}

const targetText = (a: ActionView) => (a.target ? `${a.target.type} ${a.target.name ?? a.target.id}` : 'the panel');

/**
 * One approve-or-reject request: what will run (risk, target, exact input), the decision, then the
 * outcome. Knows nothing about chats or transports; the caller wires the callbacks.
 */
export function ApprovalCard({
  action,
  deciding = null,
  decisionError,
  current,
  deployment,
  canDecide = true,
  onApprove,
  onReject,
}: ApprovalCardProps) {
  const titleId = useId();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const rejectButton = useRef<HTMLButtonElement>(null);
  const pending = action.status === 'pending';
  const busy = deciding !== null;
  const running = action.status === 'approved' || action.status === 'running';

  useEffect(() => {
    if (rejecting) reasonRef.current?.focus();
  }, [rejecting]);

  function cancelReject() {
    setRejecting(false);
    requestAnimationFrame(() => rejectButton.current?.focus());
  }

  function confirmReject() {
    onReject(reason.trim() || undefined);
    setRejecting(false);
  }

  function onReasonKey(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      confirmReject();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancelReject();
    }
  }

  return (
    <section
      className={`card approval status-${action.status} risk-${action.risk}`}
      aria-labelledby={titleId}
      aria-busy={busy || running}
    >
      <header className="card-head">
        <RiskBadge risk={action.risk} />
        <code className="tool-name">{action.tool}</code>
        <StatusPill status={action.status} kind="action" />
      </header>
      <h3 id={titleId} className="card-title">
        {action.summary}
      </h3>
      <p className="meta">
        Target: <strong>{targetText(action)}</strong> · asked by {action.requestedBy}
        {!action.requestedBy.includes(' via ') && <> via {action.requestedVia}</>}
        {pending && <> · expires {timeAgo(action.expiresAt)}</>}
      </p>

      <InputView tool={action.tool} input={action.input} current={current} />

      {pending && canDecide && !rejecting && (
        <div className="card-actions">
          <button
            type="button"
            className="btn approve"
            onClick={onApprove}
            disabled={busy}
            aria-label={`Approve: ${action.summary}`}
          >
            {deciding === 'approve' ? (
              <>
                <Spinner label="Approving" /> Approving…
              </>
            ) : (
              'Approve'
            )}
          </button>
          <button
            type="button"
            ref={rejectButton}
            className="btn reject"
            onClick={() => setRejecting(true)}
            disabled={busy}
            aria-label={`Reject: ${action.summary}`}
          >
            {deciding === 'reject' ? (
              <>
                <Spinner label="Rejecting" /> Rejecting…
              </>
            ) : (
              'Reject'
            )}
          </button>
        </div>
      )}
      {pending && canDecide && rejecting && (
        <div className="reject-form">
          <label>
            <span>
              Reason <span className="muted">(optional; the assistant sees it)</span>
            </span>
            <textarea
              ref={reasonRef}
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={onReasonKey}
              aria-describedby={`${titleId}-hint`}
            />
          </label>
          <p id={`${titleId}-hint`} className="muted small">
            Enter rejects, Escape goes back.
          </p>
          <div className="card-actions">
            <button
              type="button"
              className="btn reject"
              onClick={confirmReject}
              aria-label={`Confirm rejection: ${action.summary}`}
            >
              Reject
            </button>
            <button type="button" className="btn" onClick={cancelReject}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {pending && !canDecide && <p className="muted">Waiting for a person with approval rights.</p>}
      {decisionError && (
        <p className="error" role="alert">
          {decisionError}
        </p>
      )}

      <Outcome action={action} deployment={deployment} />
    </section>
  );
}

function Outcome({ action, deployment }: { action: ActionView; deployment?: DeploymentProgress | null }) {
  const by = action.decidedBy ? ` by ${action.decidedBy}` : '';
  switch (action.status) {
    case 'approved':
    case 'running':
      return (
        <div className="outcome running" role="status">
          <Spinner label="Running" /> Approved{by}, running…
          {deployment && <DeploymentBlock deployment={deployment} />}
        </div>
      );
    case 'succeeded':
      return (
        <div className="outcome ok" role="status">
          <ResultText text={action.result?.text ?? 'Done.'} />
          {deployment && <DeploymentBlock deployment={deployment} />}
        </div>
      );
    case 'failed':
      return (
        <div className="outcome bad" role="alert">
          <strong>Failed.</strong>{' '}
          <span className="result-text">{action.error ?? action.result?.text ?? 'The action failed.'}</span>
        </div>
      );
    case 'rejected':
      return (
        <div className="outcome muted-box" role="status">
          Rejected{by}. Nothing ran.
          {action.reason && (
            <p>
              Reason: <q>{action.reason}</q>
            </p>
          )}
        </div>
      );
    case 'expired':
      return (
        <div className="outcome muted-box" role="status">
          Expired {timeAgo(action.finishedAt ?? action.expiresAt)} without a decision. Nothing ran; ask again for a new
          approval.
        </div>
      );
    case 'cancelled':
      return (
        <div className="outcome muted-box" role="status">
          Cancelled. Nothing ran.
        </div>
      );
    default:
      return null;
  }
}

/** Result texts are written for the assistant too: the first line says what happened. */
function ResultText({ text }: { text: string }) {
  const [first, ...rest] = text.split('\n');
  return (
    <>
      <p className="result-text">{first}</p>
      {rest.length > 0 && (
        <details className="small">
          <summary>More</summary>
          <p className="result-text">{rest.join('\n')}</p>
        </details>
      )}
    </>
  );
}

function DeploymentBlock({ deployment }: { deployment: DeploymentProgress }) {
  const label = `Deployment${deployment.number ? ` #${deployment.number}` : ''}`;
  return (
    <div className="deployment-block">
      <p className="deployment-line">
        {!deployment.done && <Spinner label="Deploying" />} {label}:{' '}
        <StatusPill status={deployment.status ?? 'queued'} kind="deployment" />
      </p>
      <LogView lines={deployment.lines} label={`${label} logs`} emptyText="Waiting for build output…" />
    </div>
  );
}
