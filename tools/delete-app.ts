import { z } from 'zod';
import { defineTool } from './define.ts';
import { deleteApp as deleteAppRow } from '../server/services/apps.ts';
import { appRef, plural } from './lib/refs.ts';

export const deleteApp = defineTool({
  name: 'delete_app',
  description:
    'Delete an app for good: stops and removes its containers, removes its built images, and deletes its settings, env vars and deployment history. Named volumes are kept. This cannot be undone; to pause an app use stop_app instead. Requires human approval; returns a pending action until a person approves it.',
  input: z.object({ app: appRef }),
  risk: 'destructive',
  hints: { idempotent: true, destructive: true, openWorld: false },
  output: z.object({
    app: z.string().describe('The app as it was named in the request'),
    removedContainers: z.number().int(),
    removedImages: z.number().int(),
  }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `Delete app "${input.app}" with its containers, images, env vars and history`,
  async execute(input, ctx) {
    const result = await deleteAppRow(ctx, ctx.caller, input.app);
    return {
      text: `Deleted app ${input.app}: removed ${plural(result.removedContainers, 'container')} and ${plural(result.removedImages, 'image')}. Named volumes were kept.`,
      data: { app: input.app, ...result },
    };
  },
});
