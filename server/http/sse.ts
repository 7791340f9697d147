import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from './types.ts';

/**
 * Streams events from an async source as Server-Sent Events. The source gets an AbortSignal that
 * fires when the client goes away, so engine streams and pollers stop with it.
 */
export function sse(
  c: Context<AppEnv>,
  produce: (
    send: (event: string, data: unknown, id?: string) => Promise<void>,
    signal: AbortSignal,
    writeFrames: (frames: string) => Promise<void>,
  ) => Promise<void>,
) {
  return streamSSE(c, async (stream) => {
    const abort = new AbortController();
    stream.onAbort(() => abort.abort());
    const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => abort.abort()), 15_000);
    try {
      await produce(
        (event, data, id) => stream.writeSSE({ event, data: JSON.stringify(data), id }),
        abort.signal,
        async (frames) => {
          await stream.write(frames);
        },
      );
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

export interface SseEvent {
  event: string;
  data: unknown;
  id?: string;
}

const frame = ({ event, data, id }: SseEvent) =>
  `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Frames waiting for the client before the source is paused (a slow reader must not grow memory). */
const MAX_PENDING_FRAMES = 4096;

/**
 * Streams a fast source (log lines) as SSE. One socket write per event caps a stream at a few
 * thousand events a second, so the events that arrive while a write is in flight go out
 * together in the next write; a client that reads slowly pauses the source.
 */
export function sseFromSource<T>(
  c: Context<AppEnv>,
  source: AsyncIterable<T>,
  toEvent: (item: T) => SseEvent,
  opts: { end?: SseEvent; signal?: AbortController } = {},
) {
  return sse(c, async (send, signal, writeFrames) => {
    const pending: string[] = [];
    let finished = false;
    let failure: unknown;
    // Set by whichever side is waiting: the writer for new frames, the source for room.
    const wake: { writer: (() => void) | null; reader: (() => void) | null } = { writer: null, reader: null };
    signal.addEventListener('abort', () => {
      opts.signal?.abort();
      wake.reader?.();
      wake.writer?.();
    });
    const pump = (async () => {
      try {
        for await (const item of source) {
          pending.push(frame(toEvent(item)));
          wake.writer?.();
          if (signal.aborted) break;
          if (pending.length >= MAX_PENDING_FRAMES)
            await new Promise<void>((r) => {
              wake.reader = r;
            });
        }
      } catch (err) {
        failure = err;
      } finally {
        finished = true;
        wake.writer?.();
      }
    })();
    while (!signal.aborted) {
      if (pending.length) {
        const chunk = pending.join('');
        pending.length = 0;
        wake.reader?.();
        wake.reader = null;
        await writeFrames(chunk);
        continue;
      }
      if (finished) break;
      await new Promise<void>((r) => {
        wake.writer = r;
      });
      wake.writer = null;
    }
    await pump;
    if (failure) throw failure;
    if (opts.end && !signal.aborted) await send(opts.end.event, opts.end.data, opts.end.id);
  });
}
