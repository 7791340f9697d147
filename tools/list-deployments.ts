import { z } from 'zod';
import { defineTool } from './define.ts';
import { listDeployments as listDeploymentRows } from '../server/services/deployments.ts';
import { getAppRow } from '../server/services/apps.ts';
import { appRef, plural } from './lib/refs.ts';
import { deploymentLine, deploymentView } from './lib/views.ts';
import { Deployment } from './lib/schemas.ts';
import { decodeNumberCursor, encodeCursor, nextCursorOutput, pageInput, splitPage } from './lib/pages.ts';

export const listDeployments = defineTool({
  name: 'list_deployments',
  description:
    "List an app's deployments, newest first: number, status (queued, building, starting, running, failed, cancelled, superseded, rolled_back), id and time. Use it to find a deployment id for get_deployment, get_build_logs or rollback_app. When nextCursor is not null, call again with it as cursor for older ones.",
  input: z.object({
    app: appRef,
    ...pageInput(10),
  }),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({
    app: z.string().describe('App name'),
    deployments: z.array(Deployment).describe('Newest first'),
    currentDeploymentId: z.uuid().nullable().describe('The live one; null when none is live'),
    nextCursor: nextCursorOutput,
  }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `List deployments of "${input.app}"`,
  async execute(input, ctx) {
    const app = await getAppRow(ctx, input.app);
    const limit = input.limit ?? 10;
    const before = input.cursor ? decodeNumberCursor(input.cursor, 'number') : undefined;
    const fetched = await listDeploymentRows(ctx, app.id, { limit: limit + 1, beforeNumber: before });
    const { page: rows, more } = splitPage(fetched, limit);
    const nextCursor = more ? encodeCursor({ number: String(rows[rows.length - 1]!.number) }) : null;
    const data = {
      app: app.name,
      deployments: rows.map(deploymentView),
      currentDeploymentId: app.currentDeploymentId,
      nextCursor,
    };
    if (!rows.length)
      return {
        text: before
          ? `${app.name} has no deployments older than the previous page.`
          : `${app.name} has no deployments yet. Deploy it with deploy_app.`,
        data,
      };
    const live = rows.find((d) => d.id === app.currentDeploymentId);
    return {
      text: [
        `${plural(rows.length, 'deployment')} of ${app.name}, newest first${live ? ` (live: #${live.number})` : ''}:`,
        ...rows.map((d) => `- ${deploymentLine(d)}`),
        ...(nextCursor ? [`Older deployments follow: call list_deployments again with cursor "${nextCursor}".`] : []),
      ].join('\n'),
      data,
    };
  },
});
