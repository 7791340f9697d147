import { z } from 'zod';
import { defineTool } from './define.ts';
import { listApps as listAppViews } from '../server/services/apps.ts';
import { describeSource, safeAppView } from './lib/views.ts';
import { plural } from './lib/refs.ts';
import { App } from './lib/schemas.ts';
import { DEFAULT_PAGE, decodeCursor, encodeCursor, nextCursorOutput, pageInput, splitPage } from './lib/pages.ts';

export const listApps = defineTool({
  name: 'list_apps',
  description:
    "List the apps in the panel (optionally of one project) by name, a page at a time, with their source, port and whether they have a live deployment. Use it to find an app's exact name before other tools; use get_app for one app's details and live state. When nextCursor is not null, call again with it as cursor for the next page.",
  input: z.object({
    project: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Only apps of this project (name or id); default: all projects'),
    ...pageInput(),
  }),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({ apps: z.array(App).describe('Sorted by name'), nextCursor: nextCursorOutput }),
  summarize: (input) => (input.project ? `List apps in project "${input.project}"` : 'List apps'),
  async execute(input, ctx) {
    const limit = input.limit ?? DEFAULT_PAGE;
    const after = input.cursor ? decodeCursor(input.cursor, ['name']).name : undefined;
    const rows = await listAppViews(ctx, { project: input.project, limit: limit + 1, afterName: after });
    const { page, more } = splitPage(rows, limit);
    const apps = page.map(safeAppView);
    const nextCursor = more ? encodeCursor({ name: page[page.length - 1]!.name }) : null;
    if (!apps.length) {
      const none = after
        ? 'No more apps after the previous page.'
        : input.project
          ? `Project ${input.project} has no apps.`
          : 'No apps yet. Create one with create_app.';
      return { text: none, data: { apps, nextCursor } };
    }
    const lines = apps.map(
      (a) =>
        `- ${a.name} (project ${a.projectName}): ${describeSource(a.source)}${a.port ? `, port ${a.port}` : ''}${a.currentDeploymentId ? '' : ', never deployed'}`,
    );
    const heading = `${plural(apps.length, 'app')}${after || more ? ' on this page' : ''}:`;
    const next = nextCursor
      ? `More apps follow: call list_apps again with cursor "${nextCursor}".`
      : 'Use get_app for live state.';
    return { text: `${heading}\n${lines.join('\n')}\n${next}`, data: { apps, nextCursor } };
  },
});
