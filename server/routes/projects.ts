import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { commonErrors, conflict, json, jsonBody, notFound, security } from '../http/schemas.ts';
import { callerOf, requireHuman, requireScope } from '../http/auth.ts';
import { createProject, deleteProject, getProject, listProjects, updateProject } from '../services/projects.ts';
import { resourceName } from '../services/names.ts';

const ProjectSchema = z
  .object({ id: z.uuid(), name: z.string(), description: z.string(), createdAt: z.date() })
  .openapi('Project');
const ProjectParam = z.object({
  project: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'project', in: 'path' }, description: 'Project name or id' }),
});

export const projectRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/projects',
      tags: ['projects'],
      summary: 'List projects',
      security,
      middleware: [requireScope('read')],
      responses: {
        200: json(z.object({ projects: z.array(ProjectSchema.extend({ appCount: z.number() })) }), 'Projects'),
        ...commonErrors,
      },
    }),
    async (c) => c.json({ projects: await listProjects(c.get('ctx').db) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/projects',
      tags: ['projects'],
      summary: 'Create a project',
      security,
      middleware: [requireScope('write'), requireHuman()],
      request: jsonBody(z.object({ name: resourceName, description: z.string().max(500).optional() })),
      responses: { 201: json(ProjectSchema, 'Created'), ...commonErrors, ...conflict },
    }),
    async (c) => c.json(await createProject(c.get('ctx').db, callerOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/projects/{project}',
      tags: ['projects'],
      summary: 'Get a project',
      security,
      middleware: [requireScope('read')],
      request: { params: ProjectParam },
      responses: { 200: json(ProjectSchema, 'The project'), ...commonErrors, ...notFound },
    }),
    async (c) => c.json(await getProject(c.get('ctx').db, c.req.valid('param').project), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/api/projects/{project}',
      tags: ['projects'],
      summary: 'Update a project',
      security,
      middleware: [requireScope('write'), requireHuman()],
      request: { params: ProjectParam, ...jsonBody(z.object({ description: z.string().max(500) })) },
      responses: { 200: json(ProjectSchema, 'Updated'), ...commonErrors, ...notFound },
    }),
    async (c) =>
      c.json(await updateProject(c.get('ctx').db, callerOf(c), c.req.valid('param').project, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/projects/{project}',
      tags: ['projects'],
      summary: 'Delete an empty project',
      security,
      middleware: [requireScope('admin'), requireHuman()],
      request: { params: ProjectParam },
      responses: { 204: { description: 'Deleted' }, ...commonErrors, ...notFound, ...conflict },
    }),
    async (c) => {
      await deleteProject(c.get('ctx').db, callerOf(c), c.req.valid('param').project);
      return c.body(null, 204);
    },
  );
