import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { commonErrors, json, notFound, security } from '../http/schemas.ts';
import { callerOf, requireScope } from '../http/auth.ts';
import { requestTool } from '../approvals/gate.ts';
import { tools } from '../../tools/registry.ts';
import { toJSONSchema } from 'zod';
import { ActionSchema } from './actions.ts';

const ToolCallResultSchema = z
  .object({
    status: z.enum(['done', 'failed', 'pending', 'denied']),
    text: z.string().describe('Model-friendly summary of the outcome'),
    data: z.unknown().optional(),
    error: z.string().optional(),
    hint: z.string().optional(),
    action: ActionSchema.optional().describe('Present when a person has to approve first'),
  })
  .openapi('ToolCallResult');

export const toolRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/tools',
      tags: ['tools'],
      summary: 'Every panel tool with its risk, hints, and input and output JSON Schemas',
      security,
      middleware: [requireScope('read')],
      responses: {
        200: json(
          z.object({
            tools: z.array(
              z.object({
                name: z.string(),
                description: z.string(),
                risk: z.string(),
                hints: z.object({ idempotent: z.boolean(), destructive: z.boolean(), openWorld: z.boolean() }),
                inputSchema: z.unknown().describe('JSON Schema of the input'),
                outputSchema: z.unknown().describe('JSON Schema of `data` in a done result'),
              }),
            ),
          }),
          'Tools',
        ),
        ...commonErrors,
      },
    }),
    (c) => c.json({ tools: toolList() }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/tools/{name}',
      tags: ['tools'],
      summary: 'Call a tool. Reads run; an agent token’s writes return a pending action that a person must approve',
      security,
      middleware: [requireScope('read')],
      request: {
        params: z.object({
          name: z
            .string()
            .regex(/^[a-z][a-z_]{1,63}$/, { error: 'expected a tool name such as list_apps' })
            .openapi({ param: { name: 'name', in: 'path' } }),
        }),
        body: {
          content: {
            'application/json': {
              schema: z
                .object({})
                .catchall(z.unknown())
                .describe('The tool input; GET /api/tools has each tool’s input schema'),
            },
          },
          required: false,
        },
      },
      responses: {
        200: json(ToolCallResultSchema, 'The outcome: done, failed or pending'),
        ...commonErrors,
        403: json(ToolCallResultSchema, 'Refused by the approval policy (status denied), or not allowed'),
        ...notFound,
      },
    }),
    async (c) => {
      const input = (c.req.valid('json') as Record<string, unknown> | undefined) ?? {};
      const result = await requestTool(c.get('ctx'), {
        tool: c.req.valid('param').name,
        input,
        caller: callerOf(c),
        via: 'api',
      });
      // The envelope stays, so a failure reaches a script as a value with a hint; a policy refusal is a 403 as on the resource routes.
      return c.json(result, result.status === 'denied' ? 403 : 200);
    },
  );

/** The registry is fixed at start-up: its JSON Schemas are converted once, not per request. */
let listed: ReturnType<typeof listTools> | undefined;
const toolList = () => (listed ??= listTools());

function listTools() {
  return tools.map((t) => ({
    name: t.name,
    description: t.description,
    risk: t.risk,
    hints: t.hints,
    inputSchema: toJSONSchema(t.input, { target: 'openapi-3.0' }),
    outputSchema: toJSONSchema(t.output, { target: 'openapi-3.0', unrepresentable: 'any' }),
  }));
}
