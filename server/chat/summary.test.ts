import { describe, expect, it } from 'vitest';
import { summarize } from './conversations.ts';
import type { ChatMessage } from './conversations.ts';

describe('conversation summaries', () => {
  it('records what was asked and which tools ran, in order', () => {
    const history = [
      { id: '1', role: 'user', parts: [{ type: 'text', text: 'deploy  the api\nplease' }] },
      {
        id: '2',
        role: 'assistant',
        parts: [
          { type: 'tool-deploy_app', state: 'output-available', input: { app: 'api' } },
          { type: 'text', text: 'Queued.' },
        ],
      },
      { id: '3', role: 'user', parts: [{ type: 'text', text: 'now restart web' }] },
      {
        id: '4',
        role: 'assistant',
        parts: [{ type: 'tool-restart_app', state: 'output-denied', input: { app: 'web' } }],
      },
    ] as unknown as ChatMessage[];
    expect(summarize(history)).toBe(
      'Asked: deploy the api please | now restart web\nTools: deploy_app api (output-available), restart_app web (output-denied)',
    );
    expect(summarize([])).toBeNull();
  });
});

describe('command-mode replies for people', () => {
  it('show untrusted data without the wrapper meant for models', async () => {
    const { forPerson } = await import('./command-model.ts');
    const { untrusted } = await import('../../tools/define.ts');
    expect(forPerson(`Last 2 lines of api:\n${untrusted('container logs of api', 'out 1\nerr 2')}`)).toBe(
      'Last 2 lines of api:\nout 1\nerr 2',
    );
  });
});
