import type { ActionView } from '../../server/approvals/store.ts';
import { redactText } from '../../server/source/redact.ts';

/** The stored input is already redacted; URL credentials (clone URLs with tokens) are scrubbed too. */
function scrub(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
  return value;
}

export function safeActionView(view: ActionView): ActionView {
  return { ...view, input: scrub(view.input) };
}

export { actionOutcome } from '../../server/approvals/outcome.ts';
