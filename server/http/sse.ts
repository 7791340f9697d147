import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from './types.ts';

/**
 * Streams events from an async source as Server-Sent Events. The source gets an AbortSignal that
 * fires when the client goes away, so engine streams and pollers stop with it.
 */
export function sse(
  c: Context<AppEnv>,
  produce: (send: (event: string, data: unknown, id?: string) => Promise<void>, signal: AbortSignal) => Promise<void>,
) {
  return streamSSE(c, async (stream) => {
    const abort = new AbortController();
    stream.onAbort(() => abort.abort());
    const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => abort.abort()), 15_000);
    try {
      await produce((event, data, id) => stream.writeSSE({ event, data: JSON.stringify(data), id }), abort.signal);
    } catch (err) {
      if (!abort.signal.aborted)
        await stream.writeSSE({
          event: 'error',
          data: JSON.stringify({ message: err instanceof Error ? err.message : String(err) }),
        });
    } finally {
      clearInterval(keepAlive);
      abort.abort();
    }
  });
}

export const sseResponse = {
  content: { 'text/event-stream': { schema: { type: 'string' as const } } },
  description: 'A Server-Sent Events stream',
};
