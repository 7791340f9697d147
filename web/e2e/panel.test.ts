import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUSYBOX,
  SCREENSHOTS,
  appContainers,
  buildWebUi,
  checkPrerequisites,
  launchBrowser,
  removeAppContainers,
  startPanel,
  type RunningPanel,
} from './harness.ts';

/**
 * The web UI in Debian's Chromium against the real panel (`openpanel start`, embedded database,
 * command mode: no model provider) and the real Docker engine.
 */
const APP = `demo-${crypto.randomBytes(3).toString('hex')}`;
const OWNER = { email: 'owner@example.com', password: 'a long e2e password' };
const timings: Record<string, number> = {};

let docker: Docker;
let panel: RunningPanel;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
let page: Page;
let appId = '';
let agentToken = '';
let chatUrl = '';

async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = Date.now() - started;
  }
}

async function shot(name: string) {
  // A sticky header drawn mid-page in a full-page capture would hide content.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** REST with the browser's session cookie and its CSRF token. */
async function rest<T>(
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  data?: unknown,
): Promise<{ status: number; body: T }> {
  const me = await page.request.get(`${panel.base}/api/auth/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.fetch(`${panel.base}${url}`, {
    method,
    headers: { 'x-csrf-token': csrfToken },
    ...(data === undefined ? {} : { data }),
  });
  return { status: res.status(), body: (await res.json().catch(() => null)) as T };
}

async function liveContainer() {
  const list = (await appContainers(docker, appId)).filter((c) => c.State === 'running');
  expect(list, `running containers of ${APP}`).toHaveLength(1);
  const info = await docker.getContainer(list[0]!.Id).inspect();
  return { id: info.Id, name: info.Name, startedAt: info.State.StartedAt };
}

async function chat(text: string) {
  await page.getByLabel('Message').fill(text);
  await page.getByLabel('Message').press('Enter');
}

beforeAll(async () => {
  docker = await timed('prerequisites', checkPrerequisites);
  timings.buildWebUi = buildWebUi();
  panel = await timed('startPanel', startPanel);
  browser = await timed('launchBrowser', launchBrowser);
  context = browser.context;
  page = context.pages()[0] ?? (await context.newPage());
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  if (appId && page) await rest('DELETE', `/api/apps/${APP}`).catch(() => undefined);
  if (appId && docker) await removeAppContainers(docker, appId);
  await browser?.close();
  await panel?.stop();
  console.log(`web e2e timings (ms): ${JSON.stringify(timings)}`);
});

// Generous per-test limits: the whole file runs in under a minute alone, slower beside other suites.
describe('web UI in Chromium, against the real panel and Docker engine', { timeout: 120_000 }, () => {
  it('sets up the owner, then signs out and in', async () => {
    await timed('setupAndLogin', async () => {
      await page.goto(panel.base);
      await page.getByRole('heading', { name: 'Create the owner account' }).waitFor();
      await page.getByLabel('E-mail').fill(OWNER.email);
      await page.getByLabel(/^Password/).fill(OWNER.password);
      await page.getByRole('button', { name: 'Create owner and sign in' }).click();
      await page.getByRole('heading', { name: 'What should we run?' }).waitFor();

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await shot('01-login');
      await page.getByLabel('E-mail').fill(OWNER.email);
      await page.getByLabel('Password').fill('a wrong password!');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('wrong');
      await page.getByLabel('Password').fill(OWNER.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'What should we run?' }).waitFor();
    });
  });

  it('deploys from the chat: the card shows the exact input, Approve (keyboard) runs it and streams its logs', async () => {
    const created = await rest<{ app: { id: string } }>('POST', '/api/apps', {
      name: APP,
      source: { type: 'image', image: BUSYBOX },
      port: 8080,
      command: [
        'sh',
        '-c',
        'mkdir -p /srv && echo "hello from the web e2e" > /srv/index.html && echo "httpd starting" && exec httpd -f -v -p 8080 -h /srv',
      ],
      healthCheck: { type: 'http', path: '/' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    appId = created.body.app.id;

    await chat(`deploy ${APP}`);
    const card = page.locator('section.approval', { hasText: `Deploy app "${APP}"` });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getByLabel('Risk: write').textContent()).toBe('Write');
    expect(await card.locator('.pill').textContent()).toBe('pending');
    expect(await card.getByLabel('Exact input').innerText()).toMatch(new RegExp(`app\\s+${APP}`));
    expect(await card.innerText()).toContain(`Target: app ${APP}`);
    expect(await appContainers(docker, appId)).toHaveLength(0);
    await expect.poll(() => page.locator('.nav .count').textContent()).toBe('1');
    await shot('02-chat-approval-card');

    await timed('approveToLive', async () => {
      await card.getByRole('button', { name: /^Approve:/ }).focus();
      await page.keyboard.press('Enter');
      await card.locator('.deployment-line', { hasText: 'running' }).waitFor({ timeout: 90_000 });
    });
    const logs = card.getByRole('log', { name: 'Deployment #1 logs' });
    await expect.poll(() => logs.innerText()).toContain('Deployment #1 is live');
    expect(await logs.innerText()).toContain(`Using image ${BUSYBOX}`);
    expect(await card.locator('.card-head .pill').textContent()).toBe('succeeded');
    await page.getByText('Answered by command mode').last().waitFor();

    const live = await liveContainer();
    expect(live.name).toBe(`/op-${APP}-d1`);
    chatUrl = page.url();
    expect(chatUrl).toMatch(/\/c\/[0-9a-f-]{36}$/);
    await shot('03-chat-after-approval');
  });

  it('rejecting "restart" from the chat (keyboard, with a reason) leaves the container alone', async () => {
    const before = await liveContainer();
    await chat(`restart ${APP}`);
    const card = page.locator('section.approval', { hasText: `Restart app "${APP}"` });
    await card.waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: /^Reject:/ }).focus();
    await page.keyboard.press('Enter');
    const reason = card.getByRole('textbox', { name: /Reason/ });
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('not during the demo');
    await page.keyboard.press('Enter');
    await card.getByText('Nothing ran.').waitFor({ timeout: 15_000 });
    expect(await card.locator('q').textContent()).toBe('not during the demo');
    await page.getByText('was declined, so nothing was changed').waitFor({ timeout: 15_000 });

    const actions = await rest<{ actions: { tool: string; reason: string }[] }>('GET', '/api/actions?status=rejected');
    expect(actions.body.actions).toEqual([
      expect.objectContaining({ tool: 'restart_app', reason: 'not during the demo' }),
    ]);
    const after = await liveContainer();
    expect(after).toEqual(before);
  });

  it('an env var card shows names added, never values', async () => {
    await chat(`set env ${APP} API_KEY=s3cr3t-value-123 DEBUG=1`);
    const card = page.locator('section.approval', { hasText: 'API_KEY' });
    await card.waitFor({ timeout: 15_000 });
    const diff = card.getByLabel('Env var changes (names only)');
    await expect.poll(() => diff.locator('li').allInnerTexts()).toEqual(['+API_KEY added', '+DEBUG added']);
    expect(await card.innerText()).not.toContain('s3cr3t-value-123');
    await card.getByRole('button', { name: /^Reject:/ }).click();
    await card.getByRole('button', { name: /^Confirm rejection/ }).click();
    await card.getByText('Nothing ran.').waitFor({ timeout: 15_000 });
    const env = await rest<{ app: string; vars: unknown[] }>('GET', `/api/apps/${APP}/env`);
    expect(env.body).toEqual({ app: APP, vars: [] });
  });

  it('a chat approval decided in another tab (the inbox) lets the chat carry on', async () => {
    const before = await liveContainer();
    await chat(`restart ${APP}`);
    const card = page.locator('section.approval', { hasText: `Restart app "${APP}"` }).last();
    await card.locator('.card-head .pill', { hasText: 'pending' }).waitFor({ timeout: 15_000 });

    const inbox = await context.newPage();
    try {
      await inbox.goto(`${panel.base}/approvals`);
      const there = inbox.locator('section.approval', { hasText: `Restart app "${APP}"` });
      await there.getByRole('button', { name: /^Approve:/ }).click();
      await there.locator('.card-head .pill', { hasText: 'succeeded' }).waitFor({ timeout: 30_000 });
    } finally {
      await inbox.close();
    }
    // The chat tab hears of it through the live actions stream and resumes the conversation.
    await card.locator('.card-head .pill', { hasText: 'succeeded' }).waitFor({ timeout: 15_000 });
    await page
      .locator('.msg.assistant .markdown', {
        hasText: `Restart app "${APP}") was approved by ${OWNER.email} and succeeded`,
      })
      .waitFor({ timeout: 15_000 });
    expect((await liveContainer()).startedAt).not.toBe(before.startedAt);
  });

  it('an answer from a context search lists its sources', async () => {
    await chat(`search busybox in ${APP}`);
    const sources = page.getByRole('complementary', { name: 'Cited context' }).last();
    await sources.waitFor({ timeout: 15_000 });
    expect(await sources.innerText()).toContain(`config: settings (app ${APP})`);
  });

  it('settings: creates an MCP agent token with copyable client configuration', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Model providers' }).waitFor();
    expect(await page.getByText('No provider is configured').count()).toBe(1);
    await page.getByLabel('Name', { exact: true }).fill('e2e agent');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByLabel('New token', { exact: true }).textContent()) ?? '';
    expect(token).toMatch(/^op_/);
    const cursor = await page.getByLabel('Cursor configuration', { exact: true }).textContent();
    expect(JSON.parse(cursor ?? '{}')).toEqual({
      mcpServers: { openpanel: { url: `${panel.base}/mcp`, headers: { Authorization: `Bearer ${token}` } } },
    });
    await page.getByRole('table', { name: 'Tokens' }).getByText('e2e agent').waitFor();
    await shot('06-settings');
    agentToken = token;
  });

  it('the inbox shows an action an agent token asked for, and approving it there runs it', async () => {
    expect(agentToken).toMatch(/^op_/);
    const before = await liveContainer();
    await page.getByRole('link', { name: /^Approvals/ }).click();
    await page.getByText('Nothing waiting for you').waitFor();

    const res = await fetch(`${panel.base}/api/tools/restart_app`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ app: APP }),
    });
    const called = (await res.json()) as { status: string; action: { id: string; url: string } };
    expect(called.status).toBe('pending');

    const card = page.locator('section.approval', { hasText: `Restart app "${APP}"` });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.innerText()).toContain('asked by owner@example.com via api (agent)');
    await shot('04-inbox');
    await timed('inboxApproveToDone', async () => {
      await card.getByRole('button', { name: /^Approve:/ }).click();
      await card.locator('.card-head .pill', { hasText: 'succeeded' }).waitFor({ timeout: 30_000 });
    });
    const after = await liveContainer();
    expect(after.id).toBe(before.id);
    expect(after.startedAt).not.toBe(before.startedAt);

    // The action's own URL (what MCP clients are given) opens it on its own page.
    const own = new URL(called.action.url).pathname;
    expect(own).toBe(`/approvals/${called.action.id}`);
    await page.goto(`${panel.base}${own}`);
    await page.locator('section.approval .card-head .pill', { hasText: 'succeeded' }).waitFor();
  });

  it('apps list and app detail with live logs and charts', async () => {
    await page.getByRole('link', { name: 'Apps' }).click();
    const row = page.getByRole('link', { name: new RegExp(APP) });
    await row.locator('.pill', { hasText: 'running' }).waitFor({ timeout: 15_000 });
    await shot('05-apps');
    await row.click();
    await page.getByRole('heading', { name: new RegExp(APP) }).waitFor({ timeout: 10_000 });
    await page
      .getByRole('log', { name: `Runtime logs of ${APP}` })
      .getByText('httpd starting')
      .first()
      .waitFor({ timeout: 15_000 });
    await page.getByRole('list', { name: 'Deployments' }).getByText('#1').waitFor({ timeout: 10_000 });
    await expect
      .poll(() => page.locator('.stats-grid figcaption strong').first().textContent(), { timeout: 15_000 })
      .toMatch(/%$/);
    await expect.poll(() => page.locator('.sparkline .spark-line').count(), { timeout: 15_000 }).toBe(2);
    await page.waitForTimeout(2500);
    await shot('07-app-detail');
  });

  it('app page buttons obey the approval policy: a denied restart says so and leaves the container alone', async () => {
    const policy = await rest<{ id: string }>('POST', '/api/policies', {
      tool: 'restart_app',
      app: APP,
      decision: 'deny',
      note: 'e2e: no restarts',
    });
    expect(policy.status, JSON.stringify(policy.body)).toBe(201);
    try {
      const before = await liveContainer();
      await page.goto(`${panel.base}/apps/${APP}`);
      await page.getByRole('heading', { name: new RegExp(APP) }).waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: 'Restart', exact: true }).click();
      const alert = page.locator('.ops [role="alert"]');
      await alert.waitFor({ timeout: 15_000 });
      expect(await alert.innerText()).toMatch(/^Refused by the approval policy: .*restart_app/);
      await shot('09-app-restart-denied');
      // Refused before anything ran: same container, never restarted, and no action waits for anyone.
      expect(await liveContainer()).toEqual(before);
      const pending = await rest<{ actions: unknown[] }>('GET', '/api/actions?status=pending');
      expect(pending.body.actions).toEqual([]);
    } finally {
      expect((await rest('DELETE', `/api/policies/${policy.body.id}`)).status).toBeLessThan(300);
    }
  });

  it('app page buttons: a write the policy sends for approval links to its request, and runs only once approved', async () => {
    const policy = await rest<{ id: string }>('POST', '/api/policies', {
      tool: 'restart_app',
      app: APP,
      requesterKind: 'human',
      decision: 'ask',
    });
    expect(policy.status, JSON.stringify(policy.body)).toBe(201);
    try {
      const before = await liveContainer();
      await page.goto(`${panel.base}/apps/${APP}`);
      await page.getByRole('button', { name: 'Restart', exact: true }).click();
      const waiting = page.locator('.ops [role="status"]');
      await waiting.waitFor({ timeout: 15_000 });
      expect(await waiting.innerText()).toContain('Waiting for approval');
      expect(await liveContainer()).toEqual(before);
      await waiting.getByRole('link', { name: 'open the request' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/approvals\/[0-9a-f-]{36}$/);
      const card = page.locator('section.approval', { hasText: `Restart app "${APP}"` });
      await card.getByRole('button', { name: /^Approve:/ }).click();
      await card.locator('.card-head .pill', { hasText: 'succeeded' }).waitFor({ timeout: 30_000 });
      expect((await liveContainer()).startedAt).not.toBe(before.startedAt);
    } finally {
      expect((await rest('DELETE', `/api/policies/${policy.body.id}`)).status).toBeLessThan(300);
    }
  });

  it('on a phone, the stored conversation reloads with its decided cards', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(chatUrl);
    await page
      .locator('section.approval', { hasText: `Restart app "${APP}"` })
      .getByText('Nothing ran.')
      .waitFor({ timeout: 10_000 });
    const deployCard = page.locator('section.approval', { hasText: `Deploy app "${APP}"` });
    expect(await deployCard.locator('.card-head .pill').textContent()).toBe('succeeded');
    await deployCard.locator('.deployment-line', { hasText: 'running' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => deployCard.getByRole('log').innerText()).toContain('Deployment #1 is live');
    await page.getByRole('button', { name: 'History' }).click();
    await page
      .getByRole('navigation', { name: 'Conversations' })
      .getByText(`deploy ${APP}`)
      .waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Close history' }).click();
    await page.screenshot({ path: path.join(SCREENSHOTS, '08-phone-chat.png') });
  });
});
