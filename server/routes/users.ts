import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import {
  IdParam,
  RoleSchema,
  UserSchema,
  commonErrors,
  conflict,
  json,
  jsonBody,
  notFound,
  security,
} from '../http/schemas.ts';
import { callerOf, requireScope } from '../http/auth.ts';
import { createUser, deleteUser, listUsers, toPublicUser, updateUser } from '../services/users.ts';

const NewUserInput = z
  .object({
    email: z.email({ error: 'expected an e-mail address' }),
    name: z.string().max(200).optional(),
    password: z.string().max(1024),
    role: RoleSchema,
  })
  .openapi('NewUser');

const UserPatch = z
  .object({
    name: z.string().max(200).optional(),
    role: RoleSchema.optional(),
    password: z.string().max(1024).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { error: 'expected at least one of name, role, password' })
  .openapi('UserPatch');

const adminOnly = [requireScope('admin')];

export const userRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/users',
      tags: ['users'],
      summary: 'List users',
      security,
      middleware: [requireScope('admin')],
      responses: { 200: json(z.object({ users: z.array(UserSchema) }), 'Users'), ...commonErrors },
    }),
    async (c) => c.json({ users: await listUsers(c.get('ctx').db) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/users',
      tags: ['users'],
      summary: 'Create a user (owners may create admins and owners)',
      security,
      middleware: adminOnly,
      request: jsonBody(NewUserInput),
      responses: { 201: json(UserSchema, 'Created'), ...commonErrors, ...conflict },
    }),
    async (c) => c.json(toPublicUser(await createUser(c.get('ctx').db, callerOf(c), c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/api/users/{id}',
      tags: ['users'],
      summary: 'Change a user’s name, role or password',
      security,
      middleware: adminOnly,
      request: { params: IdParam, ...jsonBody(UserPatch) },
      responses: { 200: json(UserSchema, 'Updated'), ...commonErrors, ...notFound, ...conflict },
    }),
    async (c) =>
      c.json(
        toPublicUser(await updateUser(c.get('ctx').db, callerOf(c), c.req.valid('param').id, c.req.valid('json'))),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/users/{id}',
      tags: ['users'],
      summary: 'Delete a user; their sessions and tokens stop at once',
      security,
      middleware: adminOnly,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...commonErrors, ...notFound, ...conflict },
    }),
    async (c) => {
      await deleteUser(c.get('ctx').db, callerOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
