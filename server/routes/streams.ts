import type { Context } from 'hono';
import type { ToolDefinition } from '../../tools/define.ts';
import { findTool } from '../../tools/registry.ts';
import { parseSince } from '../../tools/lib/text.ts';
import { followDeploymentLogs } from '../deploy/follow.ts';
import { callerOf, requireScope } from '../http/auth.ts';
import { createRouter } from '../http/router.ts';
import { commonErrors, notFound, security } from '../http/schemas.ts';
import { sse, sseFromSource, sseResponse } from '../http/sse.ts';
import { pathParams, readToolInput } from '../http/tool-route.ts';
import type { AppEnv } from '../http/types.ts';
import { getDeployment } from '../services/deployments.ts';
import { followAppLogs, followAppStats } from '../services/runtime.ts';
import { z } from '@hono/zod-openapi';

/**
 * Live streams stay hand-written (a tool answers once), but each takes the input of the tool it
 * follows, is documented from that tool's schema, and sends nothing a secret value could hide in.
 */
interface StreamRoute {
  path: string;
  tool: string;
  summary: string;
  tags: string[];
  /** The tool's input as the stream takes it, when a stream allows more than the tool. */
  input?: (tool: z.ZodObject) => z.ZodObject;
  follow: (c: Context<AppEnv>, input: Record<string, unknown>) => Promise<Response>;
}

/** A number field's limits, read from the tool's schema so the two stay in step. */
function maxOf(field: z.ZodType | undefined): number {
  const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
  return inner instanceof z.ZodNumber && inner.maxValue !== null ? inner.maxValue : Number.MAX_SAFE_INTEGER;
}

const streams: StreamRoute[] = [
  {
    path: '/api/apps/{app}/logs/stream',
    tool: 'get_app_logs',
    summary: 'Follow runtime logs as SSE; the event name is the stream (`stdout` or `stderr`)',
    tags: ['runtime'],
    // A stream may start with no history at all (tail=0); get_app_logs keeps at least one line.
    input: (input) =>
      input.extend({
        tail: z
          .number()
          .int()
          .min(0)
          .max(maxOf(input.shape.tail as z.ZodType))
          .optional()
          .describe('How many past lines to send before following; 0 sends only new lines; default 100'),
      }),
    async follow(c, input) {
      const ctx = c.get('ctx');
      const since = typeof input.since === 'string' ? (parseSince(input.since) ?? undefined) : undefined;
      // Resolve before streaming so a bad app name is a normal 404, not an error event.
      const controller = new AbortController();
      const query = { tail: input.tail as number | undefined, since, filter: input.filter as string | undefined };
      const lines = await followAppLogs(
        ctx,
        input.app as string,
        { ...query, stream: input.stream as 'stdout' | 'stderr' | undefined },
        controller.signal,
      );
      // followAppLogs scrubs every line (before its filter) and notices new secrets while it runs.
      return sseFromSource(c, lines, (line) => ({ event: line.stream, data: { text: line.text, time: line.time } }), {
        end: { event: 'end', data: { reason: 'the container stopped' } },
        signal: controller,
      });
    },
  },
  {
    path: '/api/apps/{app}/stats/stream',
    tool: 'get_app_stats',
    summary: 'Stats as SSE, about once a second',
    tags: ['runtime'],
    async follow(c, input) {
      const controller = new AbortController();
      const stats = await followAppStats(c.get('ctx'), input.app as string, controller.signal);
      return sse(c, async (send, signal) => {
        signal.addEventListener('abort', () => controller.abort());
        for await (const s of stats) await send('stats', s);
      });
    },
  },
  {
    path: '/api/deployments/{deployment}/logs/stream',
    tool: 'get_build_logs',
    summary:
      'Build and deploy logs as SSE: `log` events (with seq as the event id), `status` events, and `end` when it finishes',
    tags: ['deployments'],
    async follow(c, input) {
      const ctx = c.get('ctx');
      const id = input.deployment as string;
      await getDeployment(ctx, id);
      const lastEventId = Number(c.req.header('last-event-id') ?? Number.NaN);
      const after = Number.isFinite(lastEventId) ? lastEventId : ((input.after as number | undefined) ?? 0);
      // Rows are scrubbed when written and again when read (readDeploymentLogs).
      return sse(c, async (send, signal) => {
        for await (const event of followDeploymentLogs(ctx, id, { afterSeq: after, signal })) {
          if (event.type === 'log') {
            const { seq, stream, text, at } = event.line;
            await send('log', { seq, stream, text, at }, String(seq));
          } else await send(event.type, { status: event.status });
        }
      });
    },
  },
];

export function streamRoutes() {
  const router = createRouter();
  for (const route of streams) {
    const found = findTool(route.tool) as unknown as ToolDefinition;
    const tool = route.input ? { ...found, input: route.input(found.input) } : found;
    const shape = tool.input.shape as Record<string, z.ZodType>;
    const params = pathParams(route.path);
    const rest = Object.fromEntries(Object.entries(shape).filter(([k]) => !params.includes(k)));
    router.openAPIRegistry.registerPath({
      method: 'get',
      path: route.path,
      tags: route.tags,
      summary: route.summary,
      description: `Takes the input of \`${tool.name}\`.`,
      security,
      request: {
        params: z.object(Object.fromEntries(params.map((p) => [p, shape[p]!]))),
        ...(Object.keys(rest).length ? { query: z.object(rest) } : {}),
      },
      responses: { 200: sseResponse, ...commonErrors, ...notFound },
    });
    router.get(route.path.replaceAll(/\{(\w+)\}/g, ':$1'), requireScope('read'), async (c) => {
      callerOf(c);
      return route.follow(c, await readToolInput(c, tool, { method: 'get', path: route.path }));
    });
  }
  return router;
}
