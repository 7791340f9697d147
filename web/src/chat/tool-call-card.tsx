import type { ToolInfo } from '../api/types.ts';
import { LiveApprovalCard, type Decide } from '../approvals/live-approval-card.tsx';
import { showValue } from '../approvals/input-view.tsx';
import { RiskBadge, Spinner } from '../ui/states.tsx';
import { previewFromCard, type ToolPartView } from './parts.ts';

function argsText(input: unknown): string {
  if (!input || typeof input !== 'object') return '';
  return Object.entries(input as Record<string, unknown>)
    .map(([k, v]) => `${k}=${showValue(v)}`)
    .join(' ');
}

/**
 * One tool call in the conversation. A change (write or destructive) is an approval card bound to
 * its action; a read shows what was asked and what came back.
 */
export function ToolCallCard({ part, info, decide }: { part: ToolPartView; info?: ToolInfo; decide?: Decide }) {
  const risk = info?.risk ?? part.card?.risk ?? 'read';
  if (part.card) {
    // The chat answers an open approval request through its own stream; otherwise (history, a
    // request decided elsewhere) the card decides over REST like the inbox does.
    const viaChat = part.state === 'approval-requested' ? decide : undefined;
    const responded = part.state === 'approval-responded' ? (part.approved === false ? 'reject' : 'approve') : null;
    return (
      <LiveApprovalCard
        actionId={part.card.actionId}
        preview={previewFromCard(part.card)}
        decide={viaChat}
        responded={responded}
      />
    );
  }

  const out = part.output;
  const failed = part.state === 'output-error' || out?.status === 'failed' || out?.status === 'denied';
  const busy =
    part.state === 'input-streaming' || part.state === 'input-available' || part.state === 'approval-responded';
  return (
    <details className={`card tool-call ${failed ? 'failed' : ''}`} open={failed || undefined}>
      <summary>
        <RiskBadge risk={risk} />
        <code className="tool-name">{part.toolName}</code>
        <span className="muted small args">{argsText(part.input)}</span>
        {busy && <Spinner label={`Running ${part.toolName}`} />}
        {part.state === 'output-denied' && <span className="pill tone-muted">declined</span>}
        {failed && <span className="pill tone-bad">failed</span>}
      </summary>
      {info?.description && <p className="muted small">{info.description.split('. ')[0]}.</p>}
      {part.errorText && <p className="error">{part.errorText}</p>}
      {out?.text && <pre className="tool-output">{out.text}</pre>}
    </details>
  );
}
