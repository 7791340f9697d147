import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPanel, setupOwner, type Client, type TestPanel } from '../test/harness.ts';
import { BUSYBOX, cleanupEngine, deployAndWait } from '../test/deploy-helpers.ts';
import { followAppLogs, getAppLogs } from './runtime.ts';

const SECRET = 'Zq7-canary-secret-value';

let panel: TestPanel;
let owner: Client;
beforeAll(async () => {
  execFileSync('bash', ['scripts/build-base-images.sh', 'busybox'], { stdio: 'inherit' });
  panel = await createTestPanel({}, { jobs: true });
  await cleanupEngine(panel);
  owner = await setupOwner(panel);
  // Prints the secret on some lines, other text on the rest, then one line a second (for following).
  const script =
    'echo "token=$API_TOKEN"; echo "token=none"; echo "user=$API_TOKEN ok"; echo "Zq7 alone"; i=0; while true; do i=$((i+1)); echo "tick $i token=$API_TOKEN"; sleep 1; done';
  await owner.post('/api/apps', {
    name: 'leaky',
    source: { type: 'image', image: BUSYBOX },
    command: ['sh', '-c', script],
    healthCheck: { type: 'none' },
  });
  await owner.put('/api/apps/leaky/env', { vars: [{ name: 'API_TOKEN', value: SECRET }] });
  await deployAndWait(owner, 'leaky');
  // The first lines are there once the loop printed its first tick.
  for (let i = 0; i < 100; i++) {
    if ((await getAppLogs(panel.ctx, 'leaky', {})).some((l) => l.text.startsWith('tick'))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 180_000);
afterAll(async () => {
  await cleanupEngine(panel);
  await panel.close();
});

/** The first `n` lines a follow yields, then it stops. */
async function follow(query: Parameters<typeof followAppLogs>[2], n: number): Promise<string[]> {
  const controller = new AbortController();
  const out: string[] = [];
  for await (const line of await followAppLogs(panel.ctx, 'leaky', query, controller.signal)) {
    out.push(line.text);
    if (out.length >= n) break;
  }
  controller.abort();
  return out;
}

describe('runtime logs and secrets', () => {
  it('filters after scrubbing: a prefix of a secret finds no line, so it cannot be guessed a character at a time', async () => {
    const all = (await getAppLogs(panel.ctx, 'leaky', {})).map((l) => l.text);
    expect(all.slice(0, 4)).toEqual(['token=[redacted]', 'token=none', 'user=[redacted] ok', 'Zq7 alone']);
    // "Zq7" is an ordinary word on one line; a longer prefix is only ever inside the secret.
    for (const prefix of ['Zq7-', 'Zq7-c', 'zq7-canary', SECRET.slice(0, -1), SECRET]) {
      expect(await getAppLogs(panel.ctx, 'leaky', { filter: prefix }), prefix).toEqual([]);
      const res = await owner.get(`/api/apps/leaky/logs?filter=${encodeURIComponent(prefix)}`);
      expect((await res.json()).lines, prefix).toEqual([]);
    }
    expect((await getAppLogs(panel.ctx, 'leaky', { filter: 'Zq7' })).map((l) => l.text)).toEqual(['Zq7 alone']);
    // Following: the secret's lines come first in the history, yet the filter skips them.
    expect(await follow({ filter: 'Zq7', tail: 100 }, 1)).toEqual(['Zq7 alone']);
    expect(await follow({ filter: 'token=', tail: 100 }, 3)).toEqual([
      'token=[redacted]',
      'token=none',
      expect.stringMatching(/^tick \d+ token=\[redacted\]$/),
    ]);
  });

  it('the SSE stream takes tail=0 (only new lines) though get_app_logs wants at least one', async () => {
    expect((await owner.get('/api/apps/leaky/logs?tail=0')).status).toBe(422);
    expect((await owner.get('/api/apps/leaky/logs/stream?tail=-1')).status).toBe(422);
    const res = await owner.get('/api/apps/leaky/logs/stream?tail=0');
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const data = JSON.parse(/data: (.*)/.exec(text)![1]!);
    // No history: the first event is a line printed after the stream opened.
    expect(data.text).toMatch(/^tick \d+ token=\[redacted\]$/);
    const openapi = await (await owner.get('/api/openapi.json')).json();
    const tail = openapi.paths['/api/apps/{app}/logs/stream'].get.parameters.find(
      (p: { name: string }) => p.name === 'tail',
    );
    expect(tail.schema).toMatchObject({ minimum: 0, maximum: 500 });
  });
});
