import { z } from 'zod';
import { defineTool } from './define.ts';
import { listApps as listAppViews } from '../server/services/apps.ts';
import { describeSource, safeAppView } from './lib/views.ts';
import { plural } from './lib/refs.ts';
import { App } from './lib/schemas.ts';

export const listApps = defineTool({
  name: 'list_apps',
  description:
    "List the apps in the panel (optionally of one project) with their source, port and whether they have a live deployment. Use it to find an app's exact name before other tools; use get_app for one app's details and live state.",
  input: z.object({
    project: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Only apps of this project (name or id); default: all projects'),
  }),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({ apps: z.array(App).describe('Sorted by name') }),
  summarize: (input) => (input.project ? `List apps in project "${input.project}"` : 'List apps'),
  async execute(input, ctx) {
    const apps = (await listAppViews(ctx, { project: input.project })).map(safeAppView);
    if (!apps.length)
      return {
        text: input.project ? `Project ${input.project} has no apps.` : 'No apps yet. Create one with create_app.',
        data: { apps },
      };
    const lines = apps.map(
      (a) =>
        `- ${a.name} (project ${a.projectName}): ${describeSource(a.source)}${a.port ? `, port ${a.port}` : ''}${a.currentDeploymentId ? '' : ', never deployed'}`,
    );
    return { text: `${plural(apps.length, 'app')}:\n${lines.join('\n')}\nUse get_app for live state.`, data: { apps } };
  },
});
