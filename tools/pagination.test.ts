import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPanel, setupOwner, type Client, type TestPanel } from '../server/test/harness.ts';
import { requestTool, type ToolCallResult } from '../server/approvals/gate.ts';
import { createApp, getAppRow } from '../server/services/apps.ts';
import { deployments } from '../server/db/schema/deployments.ts';
import { settingsOf } from '../server/services/deployments.ts';
import { SCOPES } from '../server/auth/permissions.ts';
import type { Caller } from '../server/audit.ts';

/** list_apps a page at a time, through the gate and over REST, on a real PGlite panel with 120 apps. */
let panel: TestPanel;
let owner: Client;
const caller: Caller = { actor: { type: 'system', label: 'pagination test', scopes: [...SCOPES] } };
const NAMES = Array.from({ length: 120 }, (_, i) => `page-app-${String(i).padStart(3, '0')}`);

type Page = { apps: { name: string; projectName: string }[]; nextCursor: string | null };

async function listApps(input: Record<string, unknown>): Promise<{ text: string; data: Page }> {
  const result: ToolCallResult = await requestTool(panel.ctx, { tool: 'list_apps', input, caller, via: 'api' });
  if (result.status !== 'done') throw new Error(`list_apps ended ${result.status}: ${result.text}`);
  return { text: result.text, data: result.data as Page };
}

beforeAll(async () => {
  panel = await createTestPanel();
  owner = await setupOwner(panel);
  // Created out of order: the pages follow the names, not the insertion order.
  for (const name of [...NAMES].reverse())
    await createApp(panel.ctx, caller, {
      name,
      project: NAMES.indexOf(name) % 2 ? 'odd' : 'even',
      source: { type: 'image', image: 'busybox:latest' },
    } as Parameters<typeof createApp>[2]);
}, 120_000);
afterAll(async () => {
  await panel?.close();
});

describe('list_apps pages', () => {
  it('returns 120 apps as pages of 50, 50 and 20 in name order, each once, then a null cursor', async () => {
    const pages: Page[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await listApps(cursor ? { cursor } : {});
      pages.push(data);
      cursor = data.nextCursor ?? undefined;
    } while (cursor && pages.length < 10);
    expect(pages.map((p) => p.apps.length)).toEqual([50, 50, 20]);
    expect(pages.map((p) => p.nextCursor === null)).toEqual([false, false, true]);
    expect(pages.flatMap((p) => p.apps.map((a) => a.name))).toEqual(NAMES);
  });

  it('takes a limit up to 200 and filters by project across pages', async () => {
    const first = await listApps({ project: 'odd', limit: 40 });
    expect(first.data.apps.map((a) => a.name)).toEqual(NAMES.filter((_, i) => i % 2).slice(0, 40));
    const second = await listApps({ project: 'odd', limit: 40, cursor: first.data.nextCursor });
    expect(second.data.apps.map((a) => a.name)).toEqual(NAMES.filter((_, i) => i % 2).slice(40));
    expect(second.data.nextCursor).toBeNull();
    expect((await listApps({ limit: 200 })).data.apps).toHaveLength(120);
  });

  it('tells a model how to get the next page, and keeps the text to one page', async () => {
    const { text, data } = await listApps({ limit: 10 });
    expect(text).toContain(`cursor "${data.nextCursor}"`);
    expect(text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(10);
    expect(text).not.toContain(NAMES[10]);
    const last = await listApps({ limit: 200 });
    expect(last.text).not.toContain('cursor');
  });

  it('refuses a limit over 200 and a cursor it did not make, saying what to do', async () => {
    const tooMany = await owner.get('/api/apps?limit=201');
    expect(tooMany.status).toBe(422);
    expect(await tooMany.text()).toContain('limit');
    const forged = await owner.get(`/api/apps?cursor=${Buffer.from('not json').toString('base64url')}`);
    expect(forged.status).toBe(422);
    expect(await forged.text()).toContain('nextCursor of the previous page');
  });

  it('pages over REST with ?limit and ?cursor', async () => {
    const first = (await (await owner.get('/api/apps?limit=70')).json()) as Page;
    expect(first.apps).toHaveLength(70);
    const rest = (await (
      await owner.get(`/api/apps?limit=70&cursor=${encodeURIComponent(first.nextCursor!)}`)
    ).json()) as Page;
    expect([...first.apps, ...rest.apps].map((a) => a.name)).toEqual(NAMES);
    expect(rest.nextCursor).toBeNull();
  });
});

describe('list_deployments pages', () => {
  it('pages 25 deployments newest first by number, each once, and says how to get older ones', async () => {
    const app = await getAppRow(panel.ctx, NAMES[0]!);
    await panel.ctx.db.insert(deployments).values(
      Array.from({ length: 25 }, (_, i) => ({
        appId: app.id,
        number: i + 1,
        status: 'failed' as const,
        settings: settingsOf(app),
        createdBy: 'test',
      })),
    );
    const seen: number[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const result = await requestTool(panel.ctx, {
        tool: 'list_deployments',
        input: { app: app.name, ...(cursor ? { cursor } : {}) },
        caller,
        via: 'api',
      });
      if (result.status !== 'done') throw new Error(result.text);
      const data = result.data as { deployments: { number: number }[]; nextCursor: string | null };
      if (data.nextCursor) expect(result.text).toContain(`cursor "${data.nextCursor}"`);
      sizes.push(data.deployments.length);
      seen.push(...data.deployments.map((d) => d.number));
      cursor = data.nextCursor ?? undefined;
    } while (cursor && sizes.length < 10);
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => 25 - i));
    const forged = Buffer.from(JSON.stringify({ number: 'x' })).toString('base64url');
    const bad = await requestTool(panel.ctx, {
      tool: 'list_deployments',
      input: { app: app.name, cursor: forged },
      caller,
      via: 'api',
    });
    expect(bad).toMatchObject({ status: 'failed', code: 'invalid' });
  });
});
