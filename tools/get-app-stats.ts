import { z } from 'zod';
import { defineTool } from './define.ts';
import { getAppStats as readAppStats } from '../server/services/runtime.ts';
import { appRef } from './lib/refs.ts';
import { formatBytes } from './lib/text.ts';
import { IsoTime } from './lib/schemas.ts';

export const getAppStats = defineTool({
  name: 'get_app_stats',
  description:
    "Measure a running app's resource use now: CPU percent, memory used and its limit, network bytes received and sent. Takes about a second. Use it when an app is slow or crashing from memory; change limits with update_app. The app must be running (see get_app).",
  input: z.object({ app: appRef }),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({
    app: z.string().describe('The app as named in the request'),
    stats: z.object({
      cpuPercent: z.number().describe('100 = one core'),
      memoryBytes: z.number(),
      memoryLimitBytes: z.number(),
      memoryPercent: z.number(),
      networkRxBytes: z.number().describe('Bytes received since the container started'),
      networkTxBytes: z.number().describe('Bytes sent since the container started'),
      at: IsoTime.describe('When the engine sampled it'),
    }),
  }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `Measure resource use of "${input.app}"`,
  async execute(input, ctx) {
    const stats = await readAppStats(ctx, input.app);
    return {
      text: [
        `${input.app} at ${stats.at}:`,
        `CPU ${stats.cpuPercent.toFixed(1)}% (100% = one core)`,
        `Memory ${formatBytes(stats.memoryBytes)} of ${formatBytes(stats.memoryLimitBytes)} (${stats.memoryPercent.toFixed(1)}%)`,
        `Network received ${formatBytes(stats.networkRxBytes)}, sent ${formatBytes(stats.networkTxBytes)}`,
      ].join('\n'),
      data: { app: input.app, stats },
    };
  },
});
