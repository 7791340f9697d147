import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { requestTool, type ToolCallResult } from '../approvals/gate.ts';
import { ApiError } from '../errors.ts';
import { findTool } from '../../tools/registry.ts';
import type { ToolDefinition } from '../../tools/define.ts';
import { ActionSchema } from '../routes/actions.ts';
import { callerOf, requireScope } from './auth.ts';
import { validationError } from './errors.ts';
import { commonErrors, json, security } from './schemas.ts';
import type { AppEnv } from './types.ts';

/** One REST operation served by a tool: its URL, and how the request becomes the tool's input. */
export interface ToolRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style (`/api/apps/{app}`); each path parameter is a field of the tool's input. */
  path: string;
  tool: string;
  /** The status of a successful run; default 200. */
  status?: 200 | 201 | 202;
  summary?: string;
  tags?: string[];
}

const BODY_METHODS = new Set(['post', 'put', 'patch']);

const PendingSchema = z
  .object({
    status: z.literal('pending'),
    action: ActionSchema,
    message: z.string().describe('What happens next: a person approves or rejects it at action.url'),
  })
  .openapi('PendingAction');

const errorStatus = {
  not_found: 404,
  conflict: 409,
  invalid: 422,
  forbidden: 403,
  gone: 410,
  unavailable: 503,
} as const;

export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** Walks through optional/default/nullable wrappers to the type a query string must become. */
function baseType(schema: z.ZodType): string {
  let def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  for (;;) {
    if (['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch'].includes(def.type))
      def = (def.innerType as { _zod: { def: typeof def } })._zod.def;
    else if (def.type === 'pipe') def = (def.in as { _zod: { def: typeof def } })._zod.def;
    else return def.type;
  }
}

/** Query strings become the numbers, booleans and arrays the tool's input expects; anything else is left for the check. */
function coerceQuery(c: Context<AppEnv>, shape: Record<string, z.ZodType>, skip: Set<string>) {
  const out: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (skip.has(key)) continue;
    const field = shape[key];
    const type = field ? baseType(field) : 'unknown';
    const one = values[values.length - 1]!;
    if (type === 'array') out[key] = values;
    else if (type === 'number' && /^-?\d+(\.\d+)?$/.test(one)) out[key] = Number(one);
    else if (type === 'boolean' && (one === 'true' || one === 'false')) out[key] = one === 'true';
    else out[key] = one;
  }
  return out;
}

async function readBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(
      'request:malformed',
      400,
      'The request body is not valid JSON. Send a JSON object with Content-Type: application/json.',
    );
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new ApiError('validation:body', 422, 'The request body must be a JSON object.', [
      { path: '(root)', message: 'expected an object' },
    ]);
  return body as Record<string, unknown>;
}

/** A 422 naming where the bad field was sent: the path, the query or the body. */
function inputError(error: ZodError, params: string[], bodyMethod: boolean): ApiError {
  const inPath = error.issues.every((i) => params.includes(String(i.path[0])));
  return validationError(error, inPath ? 'param' : bodyMethod ? 'body' : 'query');
}

/** The tool's outcome as HTTP: data with the route's status, 202 pending, 403 denied, or the failure's status. */
function toolResponse(c: Context<AppEnv>, result: ToolCallResult, status: 200 | 201 | 202 = 200): Response {
  switch (result.status) {
    case 'done':
      return c.json(result.data ?? null, status);
    case 'pending':
      return c.json({ status: 'pending', action: result.action, message: result.text }, 202);
    case 'denied':
      throw new ApiError('policy:denied', 403, result.text);
    case 'failed': {
      const message = result.hint ? `${result.error} ${result.hint}` : result.error;
      if (result.code === 'internal') throw new ApiError('server:internal', 500, message);
      throw new ApiError(`domain:${result.code}`, errorStatus[result.code], message);
    }
  }
}

function errorResponse(description: string) {
  return json(commonErrors[403].content['application/json'].schema, description);
}

/** The OpenAPI operation of a table entry: request from the tool's input, response from its output. */
function toolOperation(route: ToolRoute, tool: ToolDefinition) {
  const params = pathParams(route.path);
  const shape = tool.input.shape as Record<string, z.ZodType>;
  const rest = Object.fromEntries(Object.entries(shape).filter(([k]) => !params.includes(k)));
  const status = route.status ?? 200;
  const output = (tool.output ?? z.unknown()) as z.ZodType;
  const bodyMethod = BODY_METHODS.has(route.method);
  const request: Record<string, unknown> = {};
  if (params.length) request.params = z.object(Object.fromEntries(params.map((p) => [p, shape[p]!])));
  if (Object.keys(rest).length) {
    if (bodyMethod)
      request.body = {
        content: { 'application/json': { schema: z.object(rest) } },
        required: Object.values(rest).some((s) => !s.safeParse(undefined).success),
      };
    else request.query = z.object(rest);
  }
  const pendingNote = 'Pending: a person must approve first (the action says where); it runs once approved';
  const responses: Record<number, unknown> = {
    ...commonErrors,
    403: errorResponse('Not allowed, or refused by the approval policy (`policy:denied`)'),
    404: errorResponse('The app, deployment or other target does not exist'),
    409: errorResponse('Conflicts with the current state'),
    410: errorResponse('The target is gone'),
    503: errorResponse('The Docker engine or another service is unavailable'),
  };
  if (tool.risk !== 'read') {
    responses[202] =
      status === 202
        ? json(z.union([output, PendingSchema]), `Queued, or ${pendingNote.toLowerCase()}`)
        : json(PendingSchema, pendingNote);
  }
  if (status !== 202 || tool.risk === 'read') responses[status] = json(output, 'Done');
  return {
    method: route.method,
    path: route.path,
    operationId: `${route.method}${route.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
    tags: route.tags,
    summary: route.summary ?? tool.description.split(/(?<=\.)\s/)[0],
    description: `${tool.description}\n\nServed by the tool \`${tool.name}\` (risk: ${tool.risk}) through the approval gate.`,
    security,
    request,
    responses,
  };
}

/** Serves one table entry: the documented operation, and a handler that hands the input to the gate. */
export function addToolRoute(router: OpenAPIHono<AppEnv>, route: ToolRoute): void {
  const found = findTool(route.tool);
  if (!found) throw new Error(`Route ${route.method} ${route.path} names an unknown tool ${route.tool}`);
  const tool = found as unknown as ToolDefinition;
  const params = pathParams(route.path);
  const shape = tool.input.shape as Record<string, z.ZodType>;
  for (const p of params)
    if (!shape[p]) throw new Error(`Path parameter {${p}} of ${route.path} is not an input field of ${tool.name}`);
  const operation = toolOperation(route, tool);
  router.openAPIRegistry.registerPath(operation as never);
  const honoPath = route.path.replaceAll(/\{(\w+)\}/g, ':$1');
  router.on(route.method.toUpperCase(), honoPath, requireScope(tool.risk === 'read' ? 'read' : 'write'), async (c) => {
    const input = await readToolInput(c, tool, route);
    const versions = c.get('versions') ?? undefined;
    const result = await requestTool(c.get('ctx'), {
      tool: tool.name,
      input,
      caller: callerOf(c),
      via: 'api',
      versions,
    });
    return toolResponse(c, result, route.status);
  });
}

/**
 * A request as the tool's input: path parameters, plus the query or the JSON body, checked
 * against the tool's own schema (422 with fields). Streams that mirror a tool read their input here too.
 */
export async function readToolInput(
  c: Context<AppEnv>,
  tool: ToolDefinition,
  route: Pick<ToolRoute, 'method' | 'path'>,
): Promise<Record<string, unknown>> {
  const params = pathParams(route.path);
  const shape = tool.input.shape as Record<string, z.ZodType>;
  const bodyMethod = BODY_METHODS.has(route.method);
  const fromPath = Object.fromEntries(params.map((p) => [p, c.req.param(p)]));
  const extra = bodyMethod ? await readBody(c) : coerceQuery(c, shape, new Set(params));
  // Path parameters win: the URL names the target the approval binds to.
  const input = { ...extra, ...fromPath };
  const checked = tool.input.safeParse(input);
  if (!checked.success) throw inputError(checked.error, params, bodyMethod);
  return input;
}

/** Matches a request path against OpenAPI-style paths (for the agent gate check). */
export function pathMatcher(paths: string[]): (path: string) => boolean {
  const patterns = paths.map((p) => new RegExp(`^${p.replaceAll(/\{\w+\}/g, '[^/]+')}/?$`));
  return (path) => patterns.some((re) => re.test(path));
}
