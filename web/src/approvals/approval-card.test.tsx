// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionView, AppView } from '../api/types.ts';
import { ApprovalCard, type ApprovalCardProps } from './approval-card.tsx';

afterEach(cleanup);

const base: ActionView = {
  id: '7c1d6c1e-4a43-4f0e-9d0b-6a7d3f1f2a10',
  tool: 'deploy_app',
  status: 'pending',
  risk: 'write',
  summary: 'Deploy app "demo"',
  target: { type: 'app', id: 'a1b2', name: 'demo' },
  input: { app: 'demo' },
  inputHash: 'f'.repeat(64),
  requestedBy: 'owner@example.com',
  requestedVia: 'chat',
  origin: {},
  decidedBy: null,
  decidedAt: null,
  reason: null,
  result: null,
  error: null,
  expiresAt: new Date(Date.now() + 14 * 60_000).toISOString(),
  createdAt: new Date().toISOString(),
  finishedAt: null,
  url: 'http://localhost:3000/approvals/7c1d6c1e-4a43-4f0e-9d0b-6a7d3f1f2a10',
};

function renderCard(action: Partial<ActionView> = {}, props: Partial<ApprovalCardProps> = {}) {
  const onApprove = vi.fn();
  const onReject = vi.fn();
  const utils = render(
    <ApprovalCard action={{ ...base, ...action }} onApprove={onApprove} onReject={onReject} {...props} />,
  );
  const card = utils.container.querySelector('section.approval') as HTMLElement;
  return { ...utils, card, onApprove, onReject };
}

const approveButton = () => screen.queryByRole('button', { name: /^Approve: / }) as HTMLButtonElement | null;
const rejectButton = () => screen.queryByRole('button', { name: /^Reject: / }) as HTMLButtonElement | null;

describe('ApprovalCard', () => {
  it('pending: shows the risk, the target and the exact input, with enabled Approve and Reject', () => {
    const { card, onApprove } = renderCard();
    expect(screen.getByLabelText('Risk: write').textContent).toBe('Write');
    expect(within(card).getByRole('heading').textContent).toBe('Deploy app "demo"');
    expect(card.textContent).toContain('Target: app demo');
    expect(card.textContent).toContain('asked by owner@example.com via chat');
    const input = screen.getByLabelText('Exact input');
    expect(input.textContent).toBe('appdemo');
    expect(card.getAttribute('aria-labelledby')).toBe(within(card).getByRole('heading').id);

    const approve = approveButton()!;
    const reject = rejectButton()!;
    for (const b of [approve, reject]) {
      expect(b.tagName).toBe('BUTTON');
      expect(b.type).toBe('button');
      expect(b.disabled).toBe(false);
      expect(b.tabIndex).toBe(0);
      b.focus();
      expect(document.activeElement).toBe(b);
    }
    expect(approve.getAttribute('aria-label')).toBe('Approve: Deploy app "demo"');
    fireEvent.click(approve);
    expect(onApprove).toHaveBeenCalledTimes(1);
  });

  it('pending: Reject asks for an optional reason; Enter sends it, Escape goes back', async () => {
    const { onReject } = renderCard();
    fireEvent.click(rejectButton()!);
    const reason = screen.getByRole('textbox', { name: /Reason/ }) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(reason);
    expect(approveButton()).toBeNull();

    fireEvent.keyDown(reason, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: /Reason/ })).toBeNull();
    await act(() => new Promise((r) => requestAnimationFrame(r)));
    expect(document.activeElement).toBe(rejectButton());
    expect(onReject).not.toHaveBeenCalled();

    fireEvent.click(rejectButton()!);
    const again = screen.getByRole('textbox', { name: /Reason/ });
    fireEvent.change(again, { target: { value: 'not during the demo' } });
    fireEvent.keyDown(again, { key: 'Enter' });
    expect(onReject).toHaveBeenCalledWith('not during the demo');
  });

  it('pending: the confirm button rejects without a reason too', () => {
    const { onReject } = renderCard();
    fireEvent.click(rejectButton()!);
    fireEvent.click(screen.getByRole('button', { name: /^Confirm rejection/ }));
    expect(onReject).toHaveBeenCalledWith(undefined);
  });

  it('approving: both buttons are disabled and a spinner shows', () => {
    const { card, onApprove } = renderCard({}, { deciding: 'approve' });
    expect(approveButton()!.disabled).toBe(true);
    expect(rejectButton()!.disabled).toBe(true);
    expect(screen.getByRole('progressbar', { name: 'Approving' })).toBeTruthy();
    expect(card.getAttribute('aria-busy')).toBe('true');
    fireEvent.click(approveButton()!);
    expect(onApprove).not.toHaveBeenCalled();
  });

  it('a failed decision shows its error and keeps the buttons', () => {
    renderCard({}, { decisionError: 'The action changed since you looked at it.' });
    expect(screen.getByRole('alert').textContent).toBe('The action changed since you looked at it.');
    expect(approveButton()!.disabled).toBe(false);
  });

  it('approved and running: progress with the deployment log lines', () => {
    const lines = [
      { key: '1', stream: 'stdout', text: 'pulling openpanel-test/busybox:latest', at: '2025-01-01T00:00:00Z' },
      { key: '2', stream: 'stderr', text: 'health check passed', at: '2025-01-01T00:00:01Z' },
    ];
    const { card } = renderCard(
      { status: 'running', decidedBy: 'owner@example.com' },
      { deployment: { id: 'd1', number: 3, status: 'starting', lines, done: false } },
    );
    expect(approveButton()).toBeNull();
    expect(screen.getByRole('progressbar', { name: 'Running' })).toBeTruthy();
    expect(card.textContent).toContain('Approved by owner@example.com, running…');
    expect(card.textContent).toContain('Deployment #3:');
    expect(card.textContent).toContain('starting');
    const log = screen.getByRole('log', { name: 'Deployment #3 logs' });
    expect([...log.querySelectorAll('.log-line')].map((l) => l.textContent)).toEqual([
      'pulling openpanel-test/busybox:latest',
      'health check passed',
    ]);
    expect(log.querySelector('.stream-stderr')?.textContent).toBe('health check passed');
  });

  it('succeeded: the result, and the deployment once it is live', () => {
    const { card } = renderCard(
      { status: 'succeeded', result: { text: 'Queued deployment #3 of demo.', data: { deployment: { id: 'd1' } } } },
      {
        deployment: {
          id: 'd1',
          number: 3,
          status: 'running',
          lines: [{ key: '1', stream: 'stdout', text: 'switched traffic', at: '' }],
          done: true,
        },
      },
    );
    expect(card.querySelector('.result-text')?.textContent).toBe('Queued deployment #3 of demo.');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('log').textContent).toContain('switched traffic');
    expect(approveButton()).toBeNull();
  });

  it('failed: the error is an alert', () => {
    renderCard({ status: 'failed', error: 'No app named "demo".' });
    expect(screen.getByRole('alert').textContent).toContain('No app named "demo".');
    expect(approveButton()).toBeNull();
  });

  it('rejected: who rejected it and why; nothing ran', () => {
    const { card } = renderCard({ status: 'rejected', decidedBy: 'owner@example.com', reason: 'not now' });
    expect(card.textContent).toContain('Rejected by owner@example.com. Nothing ran.');
    expect(card.querySelector('q')?.textContent).toBe('not now');
    expect(approveButton()).toBeNull();
    expect(rejectButton()).toBeNull();
  });

  it('expired: says so and offers no decision', () => {
    const { card } = renderCard({
      status: 'expired',
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
      finishedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(card.textContent).toMatch(/Expired .* without a decision\. Nothing ran/);
    expect(approveButton()).toBeNull();
  });

  it('people who may not approve see no buttons', () => {
    const { card } = renderCard({ risk: 'destructive' }, { canDecide: false });
    expect(approveButton()).toBeNull();
    expect(card.textContent).toContain('Waiting for a person with approval rights.');
    expect(screen.getByLabelText('Risk: destructive').textContent).toBe('Destructive');
  });
});

describe('ApprovalCard input diffs', () => {
  it('env vars: names added and replaced, never a value', () => {
    const { card } = renderCard(
      {
        tool: 'set_env_vars',
        summary: 'Set 2 env vars on "demo": API_KEY, DEBUG',
        // The server redacts values; a value that slipped through must still not be shown.
        input: {
          app: 'demo',
          vars: [
            { name: 'API_KEY', value: '[redacted]' },
            { name: 'DEBUG', value: 'sup3r-s3cret-value' },
          ],
        },
      },
      { current: { envNames: ['DEBUG', 'OTHER'] } },
    );
    const diff = screen.getByLabelText('Env var changes (names only)');
    const items = [...diff.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['+API_KEY added', '~DEBUG replaced']);
    expect(card.textContent).not.toContain('sup3r-s3cret-value');
    expect(card.textContent).not.toContain('[redacted]');
    expect(diff.textContent).toContain('Values are never shown.');
  });

  it('env vars: names removed', () => {
    renderCard(
      { tool: 'unset_env_vars', summary: 'Unset DEBUG', input: { app: 'demo', names: ['DEBUG', 'GONE'] } },
      { current: { envNames: ['DEBUG'] } },
    );
    const items = [...screen.getByLabelText('Env var changes (names only)').querySelectorAll('li')].map(
      (li) => li.textContent,
    );
    expect(items).toEqual(['−DEBUG removed', '−GONE removed (not set now)']);
  });

  it('update_app: changed fields against the app as it is now', () => {
    const app = {
      name: 'demo',
      port: 8080,
      memoryMb: null,
      source: { type: 'image', image: 'openpanel-test/busybox:latest' },
      buildArgs: { TOKEN: 'hidden' },
    } as unknown as AppView;
    renderCard(
      {
        tool: 'update_app',
        summary: 'Update app "demo": port, memoryMb, source, buildArgs',
        input: {
          app: 'demo',
          port: 9090,
          memoryMb: 256,
          source: { type: 'image', image: 'nginx:1.27' },
          buildArgs: [{ name: 'TOKEN', value: '[redacted]' }],
        },
      },
      { current: { app } },
    );
    const rows = [...screen.getByRole('table', { name: 'Setting changes' }).querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['port', '8080', '9090'],
      ['memoryMb', 'none', '256'],
      ['source', 'image: openpanel-test/busybox:latest', 'image: nginx:1.27'],
      ['buildArgs', 'TOKEN', 'TOKEN'],
    ]);
    expect(document.body.textContent).not.toContain('hidden');
  });

  it('other tools: the exact input, secrets masked', () => {
    renderCard({
      tool: 'create_app',
      summary: 'Create app web',
      input: { name: 'web', source: { type: 'git', url: 'https://user:tok3n@github.com/acme/web' }, port: 80 },
    });
    const list = screen.getByLabelText('Exact input');
    expect(list.textContent).toContain('name');
    expect(list.textContent).toContain('https://•••@github.com/acme/web');
    expect(list.textContent).not.toContain('tok3n');
    expect(list.textContent).toContain('80');
  });
});
