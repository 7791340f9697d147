import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPanel, type TestPanel } from '../test/harness.ts';
import type { Caller } from '../audit.ts';
import { createApp } from '../services/apps.ts';
import { setEnvVars } from '../services/env-vars.ts';
import { liveSecrets } from './scrub.ts';

const CALLER: Caller = { actor: { type: 'system', label: 'test', scopes: [] } };

let panel: TestPanel;
beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(() => panel.close());

it('a live stream reads the secrets version at most once an interval, and sees a new secret after it', async () => {
  const { id } = await createApp(panel.ctx, CALLER, { name: 'api', source: { type: 'image', image: 'busybox' } });
  await setEnvVars(panel.ctx.db, panel.ctx.secrets, CALLER, id, { vars: { TOKEN: 'first-secret-value' } });
  let clock = 1_000_000;
  const secrets = liveSecrets(panel.ctx, 250, () => clock);
  expect(await secrets()).toContain('first-secret-value');

  // Set (and the version bumped) while the stream runs: not seen until the interval has passed,
  // which shows the lines in between cost no database read.
  await setEnvVars(panel.ctx.db, panel.ctx.secrets, CALLER, id, { vars: { OTHER: 'second-secret-value' } });
  for (let line = 0; line < 1000; line++) expect(await secrets()).not.toContain('second-secret-value');
  clock += 249;
  expect(await secrets()).not.toContain('second-secret-value');
  clock += 1;
  expect(await secrets()).toContain('second-secret-value');
});
