import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Client, TestPanel } from './harness.ts';
import { inspectContainer, listManagedContainers, removeContainer, removeImage } from '../engine/index.ts';
import { deployments } from '../db/schema/deployments.ts';

export const BUSYBOX = 'openpanel-test/busybox:latest';

/** Polls a deployment until it reaches one of `statuses`; fails with its logs otherwise. */
export async function waitForDeployment(
  client: Client,
  id: string,
  statuses: string[],
  timeoutMs = 120_000,
): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  let last: Record<string, any> = {};
  while (Date.now() < deadline) {
    last = (await (await client.get(`/api/deployments/${id}`)).json()).deployment ?? {};
    if (statuses.includes(last.status)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  const logs = await (await client.get(`/api/deployments/${id}/logs?tail=500`)).json();
  throw new Error(
    `deployment ${id} is ${last.status}, not ${statuses.join('|')}\n${logs.lines?.map((l: { text: string }) => l.text).join('\n')}`,
  );
}

export async function deployAndWait(client: Client, app: string, statuses = ['running']): Promise<Record<string, any>> {
  const res = await client.post(`/api/apps/${app}/deploy`);
  expect(res.status, await res.clone().text()).toBe(202);
  const { deployment } = await res.json();
  return waitForDeployment(client, deployment.id, statuses);
}

/** GETs a path on the app's live container through its IP on the project network. */
export async function httpGetApp(
  panel: TestPanel,
  client: Client,
  appName: string,
  urlPath = '/',
): Promise<{ status: number; body: string }> {
  const { app, runtime } = await (await client.get(`/api/apps/${appName}`)).json();
  expect(runtime?.container, `app ${appName} has no live container: ${JSON.stringify(runtime)}`).toBeTruthy();
  const info = await inspectContainer(panel.ctx.docker, runtime.container.id);
  const res = await fetch(`http://${info!.ip}:${app.port}${urlPath}`, { signal: AbortSignal.timeout(5000) });
  return { status: res.status, body: await res.text() };
}

const tempRepos: string[] = [];

/** A real git repository in a temp folder, committed, for file:// deploys (removed by cleanupEngine). */
export function makeGitRepo(files: Record<string, string>): {
  dir: string;
  url: string;
  commit(files: Record<string, string>, message: string): string;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-repo-'));
  tempRepos.push(dir);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e',
      },
    }).trim();
  git('init', '-q', '-b', 'main');
  const commit = (more: Record<string, string>, message: string) => {
    for (const [name, content] of Object.entries(more)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    git('add', '-A');
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  commit(files, 'initial');
  return { dir, url: `file://${dir}`, commit };
}

/** Removes every container and image the panel made for apps of this test panel, and temp repos. */
export async function cleanupEngine(panel: TestPanel): Promise<void> {
  for (const dir of tempRepos.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  const rows = await panel.ctx.db.select().from(deployments);
  for (const d of rows) {
    for (const c of await listManagedContainers(panel.ctx.docker, { deployment: d.id }))
      await removeContainer(panel.ctx.docker, c.id, { force: true });
  }
  for (const tag of new Set(
    rows.map((d) => d.imageTag).filter((t): t is string => !!t && t.startsWith('openpanel/')),
  )) {
    await removeImage(panel.ctx.docker, tag, { force: true });
  }
}
