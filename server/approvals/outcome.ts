import type { ActionView } from './store.ts';

/**
 * What a model should make of an action's state. A rejection or expiry is final: the model must
 * not retry or route around it, only ask the user.
 */
export function actionOutcome(v: ActionView): string {
  const head = `Action ${v.id} (${v.tool}: ${v.summary})`;
  switch (v.status) {
    case 'pending':
      return `${head} is waiting for a person to approve or reject it at ${v.url}; it expires at ${v.expiresAt}. You cannot approve it. Do not request it again; check back with get_action.`;
    case 'approved':
    case 'running':
      return `${head} was approved${v.decidedBy ? ` by ${v.decidedBy}` : ''} and is ${v.status === 'running' ? 'running' : 'about to run'}. Check again with get_action shortly.`;
    case 'succeeded':
      return `${head} was approved${v.decidedBy ? ` by ${v.decidedBy}` : ''} and succeeded.\n${v.result?.text ?? ''}`.trim();
    case 'failed':
      return `${head} was approved but failed: ${v.error ?? v.result?.text ?? 'unknown error'}`;
    case 'rejected':
      return `${head} was declined${v.decidedBy ? ` by ${v.decidedBy}` : ''}${v.reason ? `: "${v.reason}"` : ''}. This is final: do not retry it or work around it; ask the user what they want instead.`;
    case 'expired':
      return `${head} expired: nobody approved it in time. Do not request it again on your own; ask the user whether they still want it.`;
    case 'cancelled':
      return `${head} was cancelled.`;
  }
}
