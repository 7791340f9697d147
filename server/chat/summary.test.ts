import { describe, expect, it } from 'vitest';
import { summarize } from './conversations.ts';
import type { ChatMessage } from './conversations.ts';

describe('conversation summaries', () => {
  it('records what was asked and which tools ran, in order', () => {
    const history = [
      { id: '1', role: 'user', parts: [{ type: 'text', text: 'deploy  the api\nplease' }] },
      { id: '2', role: 'assistant', parts: [{ type: 'tool-deploy_app', state: 'output-available', input: { app: 'api' } }, { type: 'text', text: 'Queued.' }] },
      { id: '3', role: 'user', parts: [{ type: 'text', text: 'now restart web' }] },
      { id: '4', role: 'assistant', parts: [{ type: 'tool-restart_app', state: 'output-denied', input: { app: 'web' } }] },
    ] as unknown as ChatMessage[];
    expect(summarize(history)).toBe('Asked: deploy the api please | now restart web\nTools: deploy_app api (output-available), restart_app web (output-denied)');
    expect(summarize([])).toBeNull();
  });
});
