import { z } from 'zod';
import { defineTool } from './define.ts';
import { listProjects as listProjectRows } from '../server/services/projects.ts';
import { plural } from './lib/refs.ts';
import { IsoTime } from './lib/schemas.ts';
import { iso } from './lib/views.ts';

export const listProjects = defineTool({
  name: 'list_projects',
  description:
    'List the projects in the panel (groups of apps that share a Docker network), with how many apps each holds. Use it to see how the panel is organised; use list_apps to see the apps themselves. Takes no input.',
  input: z.object({}),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({
    projects: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        description: z.string(),
        appCount: z.number().int().describe('How many apps it holds'),
        createdAt: IsoTime.describe('When it was created'),
      }),
    ),
  }),
  summarize: () => 'List projects',
  async execute(_input, ctx) {
    const projects = await listProjectRows(ctx.db);
    const lines = projects.map(
      (p) => `- ${p.name}: ${plural(p.appCount, 'app')}${p.description ? ` — ${p.description}` : ''}`,
    );
    const text = projects.length
      ? `${plural(projects.length, 'project')}:\n${lines.join('\n')}`
      : 'No projects yet. create_app makes the "default" project on first use.';
    return {
      text,
      data: {
        projects: projects.map(({ id, name, description, appCount, createdAt }) => ({
          id,
          name,
          description,
          appCount,
          createdAt: iso(createdAt),
        })),
      },
    };
  },
});
