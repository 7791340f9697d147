import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestPanel, setupOwner, type TestPanel } from './test/harness.ts';
import { userMessage } from './chat/test-helpers.ts';

let panel: TestPanel;
beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(() => panel.close());
beforeEach(() => panel.reset());

describe('response compression', () => {
  it('gzips a large JSON response when the client asks', async () => {
    const plain = await panel.app.request('/api/openapi.json');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(10_000);

    const res = await panel.app.request('/api/openapi.json', { headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(text.length / 3);
    expect(gunzipSync(body).toString('utf8')).toBe(text);
  });

  it('never compresses an SSE stream, so events are not held back', async () => {
    const owner = await setupOwner(panel);
    // Command mode (no model configured) answers "help" with a streamed turn.
    const res = await owner.post('/api/chat', { messages: [userMessage('help')] }, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toMatch(/^data: /m);
  });
});
