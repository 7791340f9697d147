import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestPanel, type TestPanel } from '../test/harness.ts';
import type { AppContext } from '../context.ts';
import type { Caller } from '../audit.ts';
import { envVars } from '../db/schema/env-vars.ts';
import { createApp, deleteApp } from '../services/apps.ts';
import { setEnvVars, unsetEnvVars } from '../services/env-vars.ts';
import { deleteSetting, putSetting } from '../services/settings.ts';
import { bumpVersion } from '../services/versions.ts';
import { REDACTED, collectSecretValues, scrubLines, scrubText } from './scrub.ts';

const CALLER: Caller = { actor: { type: 'system', label: 'test', scopes: [] } };

let panel: TestPanel;
let a: AppContext;
/** Another panel process on the same database: its own event bus, so its own cache. */
let b: AppContext;
let appId: string;

beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(() => panel.close());
beforeEach(async () => {
  await panel.reset();
  a = panel.ctx;
  b = { ...panel.ctx, events: new EventEmitter() };
  appId = (await createApp(a, CALLER, { name: 'api', source: { type: 'image', image: 'busybox' } })).id;
});

describe('secret values cached behind the secrets version', () => {
  it('keeps the values until the version moves: a write that does not bump is not seen, a bump is', async () => {
    await setEnvVars(a.db, a.secrets, CALLER, appId, { vars: { TOKEN: 'first-secret-value' } });
    expect(await collectSecretValues(b)).toContain('first-secret-value');
    // Written behind the services' back: the cache cannot know, which shows it is in use.
    await b.db.insert(envVars).values({
      appId,
      name: 'SNEAKY',
      encryptedValue: a.secrets.encrypt('sneaky-secret-value', `env:${appId}:SNEAKY`),
      buildTime: false,
      runtime: true,
    });
    expect(await collectSecretValues(b)).not.toContain('sneaky-secret-value');
    await bumpVersion(a.db, 'secrets');
    expect(await collectSecretValues(b)).toContain('sneaky-secret-value');
  });

  it('a change made through one process invalidates the cache of the other', async () => {
    expect(await collectSecretValues(b)).toEqual([]);
    await setEnvVars(a.db, a.secrets, CALLER, appId, { vars: { TOKEN: 'set-in-process-a' } });
    expect(await collectSecretValues(b)).toEqual(['set-in-process-a']);
    await unsetEnvVars(a.db, CALLER, appId, ['TOKEN']);
    expect(await collectSecretValues(b)).toEqual([]);

    await putSetting(a.db, a.secrets, CALLER, 'smtp.password', { value: 'smtp-secret-pw', secret: true });
    expect(await collectSecretValues(b)).toEqual(['smtp-secret-pw']);
    await deleteSetting(a.db, CALLER, 'smtp.password');
    expect(await collectSecretValues(b)).toEqual([]);

    await setEnvVars(a.db, a.secrets, CALLER, appId, { vars: { TOKEN: 'gone-with-the-app' } });
    expect(await collectSecretValues(b)).toEqual(['gone-with-the-app']);
    await deleteApp(a, CALLER, 'api');
    expect(await collectSecretValues(b)).toEqual([]);
  });

  it('survives the versions table being emptied: the next bump is not a version seen before', async () => {
    await setEnvVars(a.db, a.secrets, CALLER, appId, { vars: { TOKEN: 'before-the-reset' } });
    expect(await collectSecretValues(b)).toEqual(['before-the-reset']);
    await panel.reset();
    appId = (await createApp(a, CALLER, { name: 'api', source: { type: 'image', image: 'busybox' } })).id;
    await setEnvVars(a.db, a.secrets, CALLER, appId, { vars: { TOKEN: 'after-the-reset' } });
    expect(await collectSecretValues(b)).toEqual(['after-the-reset']);
  });
});

describe('masking', () => {
  it('masks longest first with one mask, and leaves short values alone', async () => {
    await setEnvVars(a.db, a.secrets, CALLER, appId, { vars: { A: 'abc-secret', B: 'abc-secret-longer', C: '8080' } });
    const secrets = await collectSecretValues(a);
    expect(scrubText('x abc-secret-longer y abc-secret z 8080', secrets)).toBe(`x ${REDACTED} y ${REDACTED} z 8080`);
    const [line] = await scrubLines(a, [{ stream: 'stdout', text: 'key=abc-secret' }]);
    expect(line).toEqual({ stream: 'stdout', text: 'key=[redacted]' });
  });
});
