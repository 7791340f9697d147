import { z } from '@hono/zod-openapi';

const ErrorSchema = z
  .object({
    error: z.object({
      type: z.string().openapi({ example: 'validation:body' }),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      requestId: z.string().optional(),
    }),
  })
  .openapi('Error');

const errorResponse = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
});

/** The error responses every authenticated JSON route can give. */
export const commonErrors = {
  400: errorResponse('Malformed request (for example, invalid JSON)'),
  401: errorResponse('Not signed in, or the token is invalid'),
  403: errorResponse('Signed in, but not allowed'),
  422: errorResponse('Input failed validation; `fields` says which and why'),
} as const;

export const notFound = { 404: errorResponse('No such resource') } as const;
export const conflict = { 409: errorResponse('Conflicts with the current state') } as const;
export const tooMany = { 429: errorResponse('Rate limited; retry later') } as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const RoleSchema = z.enum(['owner', 'admin', 'operator', 'viewer']).openapi('Role');
export const ScopeSchema = z.enum(['read', 'write', 'approve', 'admin']).openapi('Scope');

export const UserSchema = z
  .object({ id: z.uuid(), email: z.string(), name: z.string(), role: RoleSchema, createdAt: z.date() })
  .openapi('User');

export const IdParam = z.object({
  id: z.uuid({ error: 'expected an id (UUID)' }).openapi({ param: { name: 'id', in: 'path' } }),
});

export const security: Array<Record<string, string[]>> = [{ cookieAuth: [] }, { bearerAuth: [] }];
