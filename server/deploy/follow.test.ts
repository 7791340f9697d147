import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployments } from '../db/schema/deployments.ts';
import { getAppRow } from '../services/apps.ts';
import { settingsOf } from '../services/deployments.ts';
import { createTestPanel, setupOwner, type TestPanel } from '../test/harness.ts';
import { type FollowEvent, followDeploymentLogs } from './follow.ts';
import { DeploymentLogWriter } from './log-writer.ts';

let panel: TestPanel;
beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(() => panel.close());

describe('following a deployment log', () => {
  it('still delivers the lines written just after the final status (the "is live" line)', async () => {
    const owner = await setupOwner(panel);
    expect(
      (await owner.post('/api/apps', { name: 'web', source: { type: 'image', image: 'nginx:1.27' } })).status,
    ).toBe(201);
    const app = await getAppRow(panel.ctx, 'web');
    // As the pipeline leaves it the moment traffic switched: final status, last line not yet written.
    const [deployment] = await panel.ctx.db
      .insert(deployments)
      .values({
        appId: app.id,
        number: 1,
        status: 'running',
        settings: settingsOf(app),
        createdBy: 'test',
        finishedAt: new Date(),
      })
      .returning();
    const events: FollowEvent[] = [];
    const following = (async () => {
      for await (const e of followDeploymentLogs(panel.ctx, deployment!.id, {
        afterSeq: 0,
        signal: AbortSignal.timeout(10_000),
      }))
        events.push(e);
    })();
    await new Promise((r) => setTimeout(r, 300));
    const writer = await DeploymentLogWriter.open(panel.ctx, deployment!.id);
    writer.system('Deployment #1 is live');
    await writer.flush();
    await following;
    expect(events.map((e) => e.type)).toEqual(['status', 'log', 'end']);
    expect(events[1]).toMatchObject({ type: 'log', line: { text: 'Deployment #1 is live' } });
  });
});
