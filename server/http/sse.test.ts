import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { sseFromSource } from './sse.ts';
import type { AppEnv } from './types.ts';

async function* count(n: number, done: { closed: boolean }) {
  try {
    for (let i = 0; i < n; i++) {
      yield i;
      // A burst arrives across several turns of the event loop, as engine log chunks do.
      if (i % 500 === 0) await new Promise((r) => setImmediate(r));
    }
  } finally {
    done.closed = true;
  }
}

function appFor(n: number, done: { closed: boolean }) {
  const app = new Hono<AppEnv>();
  app.get('/s', (c) =>
    sseFromSource(c, count(n, done), (i) => ({ event: 'line', data: { i } }), {
      end: { event: 'end', data: { reason: 'done' } },
    }),
  );
  return app;
}

describe('sseFromSource', () => {
  it('sends every event in order, then the end event, in far fewer writes than events', async () => {
    const done = { closed: false };
    const res = await appFor(20_000, done).request('/s');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let chunks = 0;
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      chunks++;
      text += decoder.decode(value, { stream: true });
    }
    const events = text.split('\n\n').filter(Boolean);
    expect(events).toHaveLength(20_001);
    expect(events[0]).toBe('event: line\ndata: {"i":0}');
    expect(events[19_999]).toBe('event: line\ndata: {"i":19999}');
    expect(events[20_000]).toBe('event: end\ndata: {"reason":"done"}');
    // One write per event would give at least 20,001 chunks; events that queue during a write share one.
    expect(chunks).toBeLessThan(15_000);
    expect(done.closed).toBe(true);
  });

  it('stops the source when the client goes away, even while the source waits for room', async () => {
    const done = { closed: false };
    const res = await appFor(Number.MAX_SAFE_INTEGER, done).request('/s');
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    for (let i = 0; i < 100 && !done.closed; i++) await new Promise((r) => setTimeout(r, 20));
    expect(done.closed).toBe(true);
  });
});
