import { z } from 'zod';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ActionView } from '../server/approvals/store.ts';
import { actionStatusEnum } from '../server/db/schema/actions.ts';
import type { PanelTool } from '../tools/registry.ts';

/**
 * Structured results on MCP: the tool's zod `output` becomes the advertised `outputSchema`, and a
 * result's `data` becomes `structuredContent`. A write can also end as an action waiting for a
 * person (or decided without a result: rejected, expired), so a write's schema admits that shape too.
 */

type JsonSchema = Record<string, unknown>;

/** What a write returns when it has no result of its own yet: the action a person decides. */
const PendingActionOutput = z.object({
  pendingAction: z
    .object({
      id: z.string().describe('Pass it to wait_for_action or get_action'),
      tool: z.string(),
      summary: z.string(),
      risk: z.enum(['read', 'write', 'destructive']),
      status: z.enum(actionStatusEnum.enumValues),
      url: z.string().describe('Where a person approves or rejects it'),
      expiresAt: z.string(),
      target: z.object({ type: z.string(), id: z.string(), name: z.string().optional() }).nullable(),
    })
    .describe(
      "The action that needs a person's approval (status pending), or that a person decided without a result (rejected, expired)",
    ),
});

/**
 * Draft-07, as the SDK's own McpServer emits: the SDK client (and most clients) validate with
 * Ajv's default draft-07 dialect and cannot compile a 2020-12 schema. Dates travel as ISO strings
 * (results are JSON), so a z.date() is advertised as one.
 */
function toJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'output',
    target: 'draft-7',
    unrepresentable: 'any',
    override: (c) => {
      if (c.zodSchema._zod.def.type === 'date') Object.assign(c.jsonSchema, { type: 'string', format: 'date-time' });
    },
  }) as JsonSchema;
}

const pendingSchema = (() => {
  const { $schema: _, ...rest } = toJsonSchema(PendingActionOutput);
  return rest;
})();

/**
 * The advertised outputSchema. MCP wants `type: 'object'` at the top (outputs are zod objects); a
 * write's schema is `anyOf` its result and the pending action, with the result's shared definitions
 * lifted to the top so their `$ref`s still resolve.
 */
export function outputSchemaFor(tool: PanelTool): Tool['outputSchema'] {
  const { $schema, definitions, ...result } = toJsonSchema(tool.output);
  const shared = definitions ? { definitions } : {};
  if (tool.risk === 'read') return { $schema, ...result, type: 'object', ...shared };
  return { $schema, type: 'object', anyOf: [result, pendingSchema], ...shared };
}

/** A result's data as it travels: plain JSON (dates become ISO strings), and only an object. */
export function structuredOf(data: unknown): Record<string, unknown> | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}

export function pendingStructured(action: ActionView): z.output<typeof PendingActionOutput> {
  const { id, tool, summary, risk, status, url, expiresAt, target } = action;
  return {
    pendingAction: {
      id,
      tool,
      summary,
      risk: risk as 'read' | 'write' | 'destructive',
      status,
      url,
      expiresAt,
      target: target ? { type: target.type, id: target.id, ...(target.name ? { name: target.name } : {}) } : null,
    },
  };
}

/** Text for the model, plus the structured form when there is one. */
export function withStructured(
  result: CallToolResult,
  structured: Record<string, unknown> | undefined,
): CallToolResult {
  return structured ? { ...result, structuredContent: structured } : result;
}
