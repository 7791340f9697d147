import { describe, expect, it } from 'vitest';
import { citationsOf, previewFromCard, toolPart } from './parts.ts';
import type { ActionCard, PanelPart } from './types.ts';

const card: ActionCard = {
  actionId: '7c1d6c1e-4a43-4f0e-9d0b-6a7d3f1f2a10',
  tool: 'deploy_app',
  risk: 'write',
  summary: 'Deploy app "demo"',
  target: { type: 'app', id: 'a1', name: 'demo' },
  input: { app: 'demo' },
  inputHash: 'a'.repeat(64),
  status: 'pending',
  expiresAt: '2030-01-01T00:00:00.000Z',
  url: 'http://localhost:3000/approvals/7c1d6c1e-4a43-4f0e-9d0b-6a7d3f1f2a10',
};

/** The part shapes the chat API streams (AI SDK 7 tool parts; server/chat/service.ts puts the card on the approval). */
describe('chat tool parts', () => {
  it('an approval request carries its action card in approval.descriptor', () => {
    const part = {
      type: 'tool-deploy_app',
      toolCallId: 'cmd_1',
      state: 'approval-requested',
      input: { app: 'demo' },
      approval: { id: 'ap_1', descriptor: card },
    } as unknown as PanelPart;
    expect(toolPart(part)).toEqual({
      toolName: 'deploy_app',
      toolCallId: 'cmd_1',
      state: 'approval-requested',
      input: { app: 'demo' },
      output: undefined,
      errorText: undefined,
      approvalId: 'ap_1',
      approved: undefined,
      card,
    });
  });

  it('a responded approval says which way the person decided', () => {
    const part = {
      type: 'tool-restart_app',
      toolCallId: 'cmd_2',
      state: 'approval-responded',
      input: { app: 'demo' },
      approval: { id: 'ap_2', approved: false, reason: 'not now', descriptor: { ...card, tool: 'restart_app' } },
    } as unknown as PanelPart;
    expect(toolPart(part)).toMatchObject({
      toolName: 'restart_app',
      approved: false,
      approvalId: 'ap_2',
      card: { actionId: card.actionId },
    });
  });

  it('a finished call finds the card in its output; reads and dynamic tools have none', () => {
    const done = {
      type: 'tool-deploy_app',
      toolCallId: 'c3',
      state: 'output-available',
      input: { app: 'demo' },
      output: { status: 'succeeded', text: 'Queued', action: { ...card, status: 'succeeded' } },
    } as unknown as PanelPart;
    expect(toolPart(done)?.card?.status).toBe('succeeded');
    const read = {
      type: 'dynamic-tool',
      toolName: 'list_apps',
      toolCallId: 'c4',
      state: 'output-available',
      input: {},
      output: { status: 'done', text: '1 app' },
    } as unknown as PanelPart;
    expect(toolPart(read)).toMatchObject({ toolName: 'list_apps', card: undefined, output: { text: '1 app' } });
    expect(toolPart({ type: 'text', text: 'hi' } as PanelPart)).toBeNull();
  });

  it('the preview stands in for the action until the API answers', () => {
    expect(previewFromCard(card)).toMatchObject({
      id: card.actionId,
      tool: 'deploy_app',
      status: 'pending',
      inputHash: card.inputHash,
      target: card.target,
      result: null,
    });
  });

  it('cites the passages a context search returned', () => {
    const part = {
      type: 'tool-search_context',
      toolCallId: 'c9',
      state: 'output-available',
      input: { query: 'port' },
      output: {
        status: 'done',
        text: '2 passages',
        data: {
          query: 'port',
          hits: [
            { n: 1, citation: '[1] readme: README.md (app api)', snippet: 'listens on 8080' },
            { n: 2, citation: '[2] deploy_failure: deployment #3 (d1) (app api)', snippet: 'EADDRINUSE' },
          ],
        },
      },
    } as unknown as PanelPart;
    expect(citationsOf([part])).toEqual([
      { id: 'c9-1', title: '[1] readme: README.md (app api)', detail: 'listens on 8080' },
      { id: 'c9-2', title: '[2] deploy_failure: deployment #3 (d1) (app api)', detail: 'EADDRINUSE' },
    ]);
  });

  it('collects cited sources, without duplicates', () => {
    const parts = [
      { type: 'source-url', sourceId: 's1', url: 'https://github.com/acme/api', title: 'acme/api README' },
      {
        type: 'source-document',
        sourceId: 's2',
        mediaType: 'text/plain',
        title: 'Dockerfile',
        filename: 'api/Dockerfile',
      },
      { type: 'source-url', sourceId: 's1', url: 'https://github.com/acme/api' },
      {
        type: 'data-citations',
        data: { citations: [{ id: 'k1', title: 'deploy failure #3', snippet: 'port 8080 in use' }] },
      },
    ] as unknown as PanelPart[];
    expect(citationsOf(parts)).toEqual([
      { id: 's1', title: 'acme/api README', url: 'https://github.com/acme/api' },
      { id: 's2', title: 'Dockerfile', detail: 'api/Dockerfile' },
      { id: 'k1', title: 'deploy failure #3', url: undefined, detail: 'port 8080 in use' },
    ]);
  });
});
